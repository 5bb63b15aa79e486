// Printing a corpus larger than memory: records kept aside in a temporary file and read
// back in transcript id order, the same bytes out as when everything fits in memory.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { SpilledList } from '../../src/io/spill.js';
import { codingsCsv, codingsCsvPieces, codingsJson, codingsJsonPieces } from '../../src/render/codings.js';
import { ingestCsv, ingestCsvPieces, ingestJson, ingestJsonPieces } from '../../src/render/ingest.js';
import { renderJson, renderJsonPieces } from '../../src/render/json.js';
import { runCode, streamCode } from '../../src/study/code.js';
import { CodingsGuard } from '../../src/study/deid.js';
import { runIngest, streamIngest } from '../../src/study/ingest.js';

const STUDY = { config: 'qcode.yaml' };
const savedTmp = process.env.TMPDIR;
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

/** A fresh folder as the system's temporary folder, so what a spill leaves there can be seen. */
function freshTmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qcode-spill-'));
  process.env.TMPDIR = dir;
  return dir;
}

const RECORDS: Array<[string, { id: string; text: string; n: number; nested: { list: number[] } }]> = [
  ['T3', { id: 'T3', text: 'I left in March. "Finally," she said.', n: 3, nested: { list: [1, 2] } }],
  ['T1', { id: 'T1', text: 'Ünïcödé — and a line\nbreak', n: 1, nested: { list: [] } }],
  ['T2', { id: 'T2', text: '', n: 2.5, nested: { list: [-0.25] } }],
  ['T1', { id: 'T1', text: 'a second record under the same id', n: 4, nested: { list: [9] } }],
];

function listOf(budget: number): SpilledList<(typeof RECORDS)[number][1]> {
  const list = new SpilledList<(typeof RECORDS)[number][1]>(budget);
  for (const [key, r] of RECORDS) list.add(key, r, r.text.length + 10);
  return list;
}

describe('SpilledList', () => {
  it('reads records back in key order, records under one key in the order added', () => {
    const list = listOf(1_000_000);
    expect([...list.inOrder()].map((r) => r.n)).toEqual([1, 4, 2.5, 3]);
    list.close();
  });

  it('gives back the same records from its file as from memory', () => {
    freshTmp();
    const inMemory = listOf(1_000_000);
    const onDisk = listOf(0);
    // Past half the budget: the first records stay, the rest go to the file with them.
    const half = listOf(60);
    expect([...onDisk.inOrder()]).toEqual([...inMemory.inOrder()]);
    expect([...half.inOrder()]).toEqual([...inMemory.inOrder()]);
    expect(onDisk.length).toBe(4);
    for (const l of [inMemory, onDisk, half]) l.close();
  });

  it('leaves no file behind: the file is unlinked as soon as it is open', () => {
    const dir = freshTmp();
    const list = listOf(0);
    expect(readdirSync(dir)).toEqual([]);
    expect([...list.inOrder()]).toHaveLength(4);
    list.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says what to do when it cannot make its file, instead of crashing', () => {
    process.env.TMPDIR = join(tmpdir(), 'qcode-no-such-folder', 'deeper');
    const e = (() => {
      try {
        listOf(0);
        return null;
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(QcodeError);
    expect((e as QcodeError).message).toMatch(/cannot make a temporary file for the output: its folder does not exist \(set TMPDIR/);
  });
});

describe('a corpus printed from a spilled list is the same document', () => {
  it('ingest --format json and csv: the same bytes spilled to disk as built whole', async () => {
    freshTmp();
    const whole = await runIngest(STUDY);
    const streamed = await streamIngest(STUDY, {}, 0);
    expect([...ingestJsonPieces(streamed.transcripts.inOrder(), '9.9.9')].join('')).toBe(renderJson(ingestJson(whole.transcripts, '9.9.9')));
    expect([...ingestCsvPieces(streamed.transcripts.inOrder(), streamed.timed)].join('')).toBe(ingestCsv(whole.transcripts));
    expect(streamed.transcripts.length).toBe(7);
    streamed.transcripts.close();
  });

  it('a timed corpus keeps its time column when printed in pieces', async () => {
    const inputs = { inputs: ['test/fixtures/formats/captions.vtt', 'test/fixtures/formats/multi.csv', 'test/fixtures/formats/single.json'] };
    const whole = await runIngest(inputs);
    const streamed = await streamIngest(inputs, {}, 0);
    expect(streamed.timed).toBe(true);
    expect([...ingestCsvPieces(streamed.transcripts.inOrder(), streamed.timed)].join('')).toBe(ingestCsv(whole.transcripts));
    streamed.transcripts.close();
  });

  it('code --format json and csv: the same bytes, model scores and all', async () => {
    freshTmp();
    const whole = await runCode(STUDY);
    const streamed = await streamCode(STUDY, {}, undefined, 0);
    expect(streamed.count).toBe(whole.codings.length);
    expect(streamed.scored).toBe(true);
    expect([...codingsJsonPieces(streamed, streamed.transcripts.inOrder(), '9.9.9')].join('')).toBe(renderJson(codingsJson(whole, '9.9.9')));
    expect([...codingsCsvPieces(streamed.transcripts.inOrder(), streamed.timed, streamed.scored)].join('')).toBe(codingsCsv(whole.codings));
    streamed.transcripts.close();
  });

  it('--redact masks the words before they are kept aside, so no spilled record holds them', async () => {
    const inputs = mkdtempSync(join(tmpdir(), 'qcode-spill-study-'));
    // "Foster" at the start of a sentence reads as a name to the identifier check.
    writeFileSync(join(inputs, 'G1.txt'), 'I: What would you change?\nP1: Foster kids need a place to go when they age out.\nI: Anything else?\nP1: Foster kids, again.\n');
    const dir = freshTmp();
    const guard = await CodingsGuard.open({ redact: true });
    const streamed = await streamCode({ inputs: [inputs], codebook: 'codebooks/exit-barriers.yaml' }, {}, (c) => guard.look(c), 0);
    const printed = [...codingsCsvPieces(streamed.transcripts.inOrder(), streamed.timed, streamed.scored)].join('');
    streamed.transcripts.close();
    expect(readdirSync(dir)).toEqual([]);
    expect(guard.warning()?.message).toMatch(/^2 coded segments held likely identifiers, masked in this output \(--redact\): G1:2 \(name\); G1:4 \(name\)/);
    expect(printed).toContain('[NAME] kids');
    expect(printed).not.toContain('Foster');
  });
});

describe('an empty corpus', () => {
  it('prints the empty document, as whole', () => {
    const list = new SpilledList<never>(0);
    expect([...ingestJsonPieces(list.inOrder(), '1')].join('')).toBe(renderJson(ingestJson([], '1')));
    expect([...codingsCsvPieces(list.inOrder(), false, false)].join('')).toBe(codingsCsv([]));
    list.close();
  });
});

describe('a JSON document printed in pieces', () => {
  const shapes: unknown[][] = [[], [1, 'two', null], [{ a: { b: [1, [2, {}]] }, kappa: Number.NaN, text: 'line\nbreak "quoted"' }, [], {}, Infinity]];
  it.each(shapes.map((items) => [items]))('is renderJson of the whole: %j', (items) => {
    const head = { qcode: '1.0', codebook: { name: 'x', version: '1' }, unit: 'turn' };
    expect([...renderJsonPieces(head, 'list', items)].join('')).toBe(renderJson({ ...head, list: items }));
  });
});
