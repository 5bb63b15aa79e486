// A project as NVivo writes one: sources as UTF-8 with a BOM and CRLF line ends, offsets
// in UTF-16 code units, emoji and accented text, two coders, nested codes, a source with
// no speaker lines and one with a coded header. Import → export → import must keep
// every selection's code, user and text.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { flattenCodes } from '../../src/core/codebook/model.js';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { readCodings } from '../../src/io/codings.js';
import { readProjectXml } from '../../src/io/refi/xml-read.js';
import { writeProjectXml } from '../../src/io/refi/xml-write.js';
import { readQdpx } from '../../src/io/refi/zip.js';
import { runAgree } from '../../src/study/agree.js';
import { runExportQdpx } from '../../src/study/export.js';
import { runFreq } from '../../src/study/freq.js';
import { decodeSourceText, runImportQdpx } from '../../src/study/import-refi.js';
import { fixture, xsdErrors } from './helpers.js';

const USERS = { 'aaaaaaaa-0000-4000-8000-000000000001': 'Ana Lucía', 'aaaaaaaa-0000-4000-8000-000000000002': 'Kofi' } as const;
const CODES = [
  { guid: 'c0000000-0000-4000-8000-000000000001', name: 'Barriers', children: [
    { guid: 'c0000000-0000-4000-8000-000000000002', name: 'Housing' },
    { guid: 'c0000000-0000-4000-8000-000000000003', name: 'Money 💸' },
  ] },
  { guid: 'c0000000-0000-4000-8000-000000000004', name: 'Support', children: [{ guid: 'c0000000-0000-4000-8000-000000000005', name: 'Peer advocates' }] },
];
const LEAVES = ['c0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000005', 'c0000000-0000-4000-8000-000000000001'];
const PATH: Record<string, string> = {
  'c0000000-0000-4000-8000-000000000001': 'Barriers', 'c0000000-0000-4000-8000-000000000002': 'Barriers/Housing',
  'c0000000-0000-4000-8000-000000000003': 'Barriers/Money 💸', 'c0000000-0000-4000-8000-000000000005': 'Support/Peer advocates',
};

const LINES = [
  'I had nowhere to stay after I left, not even a couch 🛋️ for one night.',
  'The deposit was more than I earned in a month — así que me quedé.',
  'A peer advocate 🙌🏽 met me at the station and stayed until the shelter opened.',
  'Rent kept going up; I worked two jobs and still could not pay it.',
  'She understood because she had been there too 💜, no judgement at all.',
  'Die Wohnung war zu teuer, und niemand wollte mir einen Mietvertrag geben.',
];

function interview(n: number): string {
  const turns: string[] = [`Interview ${n} — community centre, notes by the team`, ''];
  for (let k = 0; k < 24; k++) {
    turns.push(`I: What happened next (${k})?`);
    turns.push(`P${n}: ${LINES[(k + n) % LINES.length]} ${LINES[(k * 5 + n) % LINES.length]}`);
    turns.push('');
  }
  return turns.join('\r\n');
}

const fieldNotes = ['Field notes 📝 from the drop-in centre.', '', 'Three advocates talked about rent and deposits.', 'One said the waiting list is eighteen months 😔.', '', 'Nobody mentioned transport.'].join('\r\n');

/** Selections on word boundaries: each word run of a line, in UTF-16 units of the text as stored (after the BOM). */
function selectionsOf(text: string, seed: number): { start: number; end: number; code: string; user: string }[] {
  const out: { start: number; end: number; code: string; user: string }[] = [];
  const users = Object.keys(USERS);
  let k = seed;
  const re = /(?<=^|\s)[^\s:][^\r\n]{12,60}?(?=[ ,.;]|$)/gmu;
  for (const m of text.matchAll(re)) {
    if (k++ % 2 !== 0) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (/[\uDC00-\uDFFF]/.test(text[start] ?? '') || /[\uDC00-\uDFFF]/.test(text[end] ?? '')) continue;
    out.push({ start, end, code: LEAVES[k % LEAVES.length]!, user: users[k % 2]! });
    if (k % 3 === 0) out.push({ start, end, code: LEAVES[(k + 1) % LEAVES.length]!, user: users[(k + 1) % 2]! });
  }
  // Selections across paragraphs: from a header into the first turn, and across a blank line.
  for (const [from, to] of [['notes by', 'What happened'], ['drop-in', 'talked about'], ['Field', 'transport.']]) {
    const start = text.indexOf(from!);
    const end = text.indexOf(to!, start) + to!.length;
    if (start >= 0 && end > start) out.push({ start, end, code: LEAVES[0]!, user: users[0]! });
  }
  return out;
}

const x = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function codeXml(c: { guid: string; name: string; children?: { guid: string; name: string }[] }): string {
  return `<Code guid="${c.guid}" name="${x(c.name)}" isCodable="true">${(c.children ?? []).map(codeXml).join('')}</Code>`;
}

/** The project, its sources' texts (without BOM) and what each selection says. */
function buildProject(): { bytes: Uint8Array; expected: string[] } {
  const sources = [
    { guid: 'd0000000-0000-4000-8000-000000000001', name: 'P1 interview', text: interview(1) },
    { guid: 'd0000000-0000-4000-8000-000000000002', name: 'P2 interview', text: interview(2) },
    { guid: 'd0000000-0000-4000-8000-000000000003', name: 'Field notes', text: fieldNotes },
  ];
  const files: Record<string, Uint8Array> = {};
  const expected: string[] = [];
  const srcXml = sources.map((s, i) => {
    files[`Sources/${s.guid}.txt`] = strToU8(`\uFEFF${s.text}`);
    const sels = selectionsOf(s.text, i).map((sel, j) => {
      expected.push(`${s.name}|${PATH[sel.code]}|${USERS[sel.user as keyof typeof USERS]}|${s.text.slice(sel.start, sel.end).replace(/\r\n/g, '\n')}`);
      return `<PlainTextSelection guid="e0000000-0000-4000-8000-${String(i * 10000 + j).padStart(12, '0')}" name="" startPosition="${sel.start}" endPosition="${sel.end}" creatingUser="${Object.keys(USERS)[0]}"><Description /><Coding guid="f0000000-0000-4000-8000-${String(i * 10000 + j).padStart(12, '0')}" creatingUser="${sel.user}"><CodeRef targetGUID="${sel.code}" /></Coding></PlainTextSelection>`;
    }).join('\n');
    return `<TextSource guid="${s.guid}" name="${x(s.name)}" richTextPath="internal://${s.guid}.docx" plainTextPath="internal://${s.guid}.txt"><Description />${sels}</TextSource>`;
  }).join('\n');
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="Advocates" origin="NVivo for Windows 12.6" xmlns="urn:QDA-XML:project:1.0">
<Users>${Object.entries(USERS).map(([g, n]) => `<User guid="${g}" name="${n}" />`).join('')}</Users>
<CodeBook><Codes>${CODES.map(codeXml).join('')}</Codes></CodeBook>
<Variables><Variable guid="b0000000-0000-4000-8000-000000000001" name="region" typeOfVariable="Text" /></Variables>
<Cases><Case guid="b0000000-0000-4000-8000-000000000002" name="P1"><VariableValue><VariableRef targetGUID="b0000000-0000-4000-8000-000000000001" /><TextValue>Norte</TextValue></VariableValue><SourceRef targetGUID="d0000000-0000-4000-8000-000000000001" /></Case></Cases>
<Sources>${srcXml}</Sources>
</Project>`;
  files['project.qde'] = strToU8(qde);
  return { bytes: zipSync(files), expected: expected.sort() };
}

function writeAll(dir: string, files: Map<string, string>): void {
  for (const [rel, text] of files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

/** Every selection of an exported .qdpx as `source|code path|user|text`. */
function selectionsIn(bytes: Uint8Array): string[] {
  const entries = readQdpx(bytes, 'x.qdpx');
  const { project } = readProjectXml(decodeSourceText(entries.get('project.qde')!, 'p'), 'p');
  const users = new Map(project.users.map((u) => [u.guid, u.name]));
  const paths = new Map<string, string>();
  const walk = (codes: typeof project.codebook.codes, above: string): void => codes.forEach((c) => {
    paths.set(c.guid, above ? `${above}/${c.name}` : c.name);
    walk(c.children, paths.get(c.guid)!);
  });
  walk(project.codebook.codes, '');
  const out: string[] = [];
  for (const s of project.sources) {
    const text = decodeSourceText(entries.get(s.plainTextPath!.replace('internal://', 'sources/'))!, 's');
    for (const sel of s.selections) for (const c of sel.codings) out.push(`${s.name}|${paths.get(c.code)}|${users.get(c.user!)}|${text.slice(sel.start, sel.end)}`);
  }
  return out.sort();
}

describe('import qdpx → export qdpx', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'qcode-qdpx-'));
  const built = buildProject();
  const qdpx = join(tmp, 'advocates.qdpx');
  writeFileSync(qdpx, built.bytes);

  it('imports every selection with its exact text, assuming NVivo offsets', async () => {
    const r = await runImportQdpx({ file: qdpx });
    expect(built.expected.length).toBeGreaterThan(150);
    expect(r.assumed).toMatch(/UTF-16 code units of the text as stored/);
    const rows = r.coders.reduce((n, c) => n + c.codings, 0);
    expect(rows).toBe(built.expected.length);
    expect(r.transcripts.find((t) => t.id === 'Field notes')?.kind).toBe('document');
    const notes = r.files.get('transcripts/Field notes.txt')!;
    expect(notes).toContain('Document: Field notes 📝');
    expect(r.files.get('transcripts/P1 interview.txt')).toMatch(/region: Norte/);
  });

  it('gives back every selection with the same code path, user and text, in a project that validates', async () => {
    const r = await runImportQdpx({ file: qdpx });
    const dir = join(tmp, 'study');
    writeAll(dir, r.files);
    const out = await runExportQdpx({
      config: join(dir, 'qcode.yaml'), codebook: join(dir, 'codebook.yaml'), inputs: [join(dir, 'transcripts')],
      codingFiles: r.coders.map((c) => join(dir, c.file)), auto: false,
    });
    expect(selectionsIn(out.bytes)).toEqual(built.expected);
    const qde = new TextDecoder().decode(unzipSync(out.bytes)['project.qde']);
    expect(await xsdErrors(qde, 'Project')).toEqual([]);
    expect(qde).toContain('<Cases>');
    // And once more: export → import gives the same codings.
    const again = join(tmp, 'again.qdpx');
    writeFileSync(again, out.bytes);
    const r2 = await runImportQdpx({ file: again });
    for (const c of r.coders) expect(r2.files.get(c.file)).toBe(r.files.get(c.file));
  });

  it('writes a study where freq and agree run at once', async () => {
    const r = await runImportQdpx({ file: qdpx });
    const dir = join(tmp, 'ready');
    writeAll(dir, r.files);
    // The written qcode.yaml names its files relative to itself, so it runs from anywhere.
    const config = join(dir, 'qcode.yaml');
    const freq = await runFreq({ config, codings: join(dir, r.coders[0]!.file), coder: r.coders[0]!.name });
    expect(freq.report.transcripts).toBe(3);
    expect(freq.report.codes.find((c) => c.code === 'barriers.housing')?.segments).toBeGreaterThan(0);
    const agree = await runAgree({ config, inputs: [...r.coders.map((c) => join(dir, c.file)), join(dir, 'transcripts')] });
    expect(agree.report.codes.length).toBeGreaterThan(0);
    // The command its qcode.yaml suggests names the transcripts: a project does not record
    // the segments a coder read and left uncoded, so without them those would not count.
    expect(r.files.get('qcode.yaml')).toContain('# Human codings are in codings/ (one file per coder): qcode agree codings/*.csv transcripts\n');
  });

  it('export → import of the shipped study gives back its codebook (settings, ids, rules) and its codings', async () => {
    const out = await runExportQdpx({ config: 'qcode.yaml', codingFiles: ['fixtures/codings/survivors-gold.csv'] });
    const file = join(tmp, 'survivors.qdpx');
    writeFileSync(file, out.bytes);
    const qde = new TextDecoder().decode(unzipSync(out.bytes)['project.qde']);
    expect(await xsdErrors(qde, 'Project')).toEqual([]);
    expect(qde).toMatch(/<Variables>[\s\S]*<Cases>[\s\S]*<Sources>/);
    const r = await runImportQdpx({ file });
    const original = parseCodebook(readFileSync('codebooks/exit-barriers.yaml', 'utf8'), 'a.yaml');
    const back = parseCodebook(r.files.get('codebook.yaml')!, 'b.yaml');
    // Every setting comes back but the learned model: its file is not part of the project,
    // so the imported codebook codes with its rules until a model is learned or copied again.
    const { model: _model, merge: _merge, ...settings } = original;
    expect(original.model).toBe('exit-barriers.model.json');
    expect({ ...back, codes: [], source: '', sha256: '' }).toEqual({ ...settings, codes: [], source: '', sha256: '' });
    const ids = (b: typeof original) => flattenCodes(b.codes).map((c) => `${c.id} ${c.rules.length}`);
    expect(ids(back)).toEqual(ids(original));
    const gold = (await readCodings('fixtures/codings/survivors-gold.csv')).filter((c) => c.code !== '').map((c) => `${c.segment} ${c.code}`).sort();
    const dir = join(tmp, 'survivors');
    writeAll(dir, r.files);
    const again = (await readCodings(join(dir, 'codings/gold.csv'))).map((c) => `${c.segment} ${c.code}`).sort();
    expect(again).toEqual(gold);
  });

  it('refuses a project that inflates past the limit, quickly', () => {
    const big = zipSync({ 'project.qde': new Uint8Array(2_000_000) });
    const t0 = Date.now();
    expect(() => readQdpx(big, 'bomb.qdpx', 1_000_000)).toThrow(/more than the 1 MB/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('imports every coding of the real NVivo project (on stand-in texts of its sources, BOM and CRLF)', async () => {
    const qde = readFileSync(fixture('nvivo-win-12.6_project.qde'));
    const { project } = readProjectXml(qde.toString('utf8'), 'nvivo');
    const files: Record<string, Uint8Array> = { 'project.qde': new Uint8Array(qde) };
    for (const s of project.sources) {
      const longest = Math.max(0, ...s.selections.map((x) => x.end));
      const line = 'Az oltás kérdése mindenkit érint, és a vélemények nagyon megoszlanak. ';
      files[`Sources/${s.guid}.txt`] = strToU8(`\uFEFF${Array.from({ length: Math.ceil(longest / line.length) + 2 }, () => line).join('\r\n')}`);
    }
    const file = join(tmp, 'nvivo-standin.qdpx');
    writeFileSync(file, zipSync(files));
    const r = await runImportQdpx({ file });
    const codings = project.sources.reduce((n, s) => n + s.selections.reduce((m, x) => m + x.codings.length, 0), 0);
    expect(r.coders.reduce((n, c) => n + c.codings, 0)).toBe(codings);
    expect(r.coders.map((c) => c.name).sort()).toEqual(['Gergo']);
    expect(parseCodebook(r.files.get('codebook.yaml')!, 'c.yaml').codes.length).toBeGreaterThan(5);
  });

  it('reads the users, codes and selections of a real NVivo project', () => {
    const { project } = readProjectXml(readFileSync(fixture('nvivo-win-12.6_project.qde'), 'utf8'), 'nvivo');
    expect(project.origin).toBe('NVivo for Windows 12.6');
    expect(project.users.map((u) => u.name)).toEqual(['Gergo', 'floriansipos']);
    expect(project.sources.reduce((n, s) => n + s.selections.length, 0)).toBe(303);
    expect(project.sources.every((s) => s.plainTextPath?.startsWith('internal://'))).toBe(true);
  });
});

describe('export qdpx: the same study, the same bytes', () => {
  it('in any time zone and at any time (every zip entry dated 1980-01-01)', async () => {
    const study = { inputs: ['fixtures/survivors'], codebook: 'codebooks/exit-barriers.yaml' };
    const here = (await runExportQdpx(study)).bytes;
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T23:08:09Z'));
    try {
      expect(Buffer.compare(Buffer.from((await runExportQdpx(study)).bytes), Buffer.from(here))).toBe(0);
    } finally {
      vi.useRealTimers();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('a project the size of a large study', () => {
  it('is written whole: 200,000 coded selections, where spreading its lines into one call overflowed the stack', () => {
    const code = 'c0000000-0000-4000-8000-000000000002';
    const selections = Array.from({ length: 200_000 }, (_, i) => ({
      guid: `s${i}`, start: i, end: i + 1, codings: [{ guid: `k${i}`, code, user: 'u1' }],
    }));
    const xml = writeProjectXml({
      name: 'large', users: [{ guid: 'u1', name: 'auto' }], codebook: { codes: [{ guid: code, name: 'Housing', isCodable: true, children: [] }], sets: [] },
      variables: [], cases: [], sources: [{ guid: 'src1', name: 'T1', content: 'x'.repeat(200_001), selections, values: [] }], skipped: {},
    });
    expect(xml.match(/<PlainTextSelection /g)).toHaveLength(200_000);
    expect(xml.endsWith('</Project>\n')).toBe(true);
  });
});
