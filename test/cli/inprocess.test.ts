// Every command run in this process, as `main` runs it: options parsed, one study call,
// the view rendered to stdout, the verdict as an exit code. (The e2e tests spawn the
// built CLI for what only a process shows: streams, signals, colour on a terminal.)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qcode as run } from './run.js';

const qcode = (...args: string[]) => run(args);

const dir = mkdtempSync(join(tmpdir(), 'qcode-inproc-'));
const GOLD = 'fixtures/codings/survivors-gold.csv';
const B = 'fixtures/codings/survivors-coder-b.csv';

describe('data commands on the shipped study', () => {
  it('ingest --format json: seven transcripts, every segment with its text', async () => {
    const r = await qcode('ingest', '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { transcripts: { id: string; layout: string; segments: unknown[] }[] };
    expect(doc.transcripts.map((t) => t.id)).toEqual(['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07']);
    expect(doc.transcripts.every((t) => t.layout === 'plain' && t.segments.length > 20)).toBe(true);
  });

  it('ingest as a table keeps counts only and says how many lines were not read as words', async () => {
    const r = await qcode('ingest', '--interviewers', 'I', '--no-color');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/7 transcripts, 191 turns, 4685 words/);
    // Its segments are every speaker's (P01: 30 turns, 30 segments), freq's the participants' (96 in all): the table says which.
    expect(r.stdout).toMatch(/^P01 +txt +30 +30 /m);
    expect(r.stdout).toContain("segments: every speaker's, the interviewer's too; the coding pass reads the participants' (the segments freq counts)");
  });

  it('code --format csv: the coded table with the transcript\'s own words as evidence, and the shipped model\'s opinion', async () => {
    const r = await qcode('code', 'fixtures/survivors/P01.txt', '--format', 'csv', '--jobs', '1');
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    // The starter codebook names its model (merge: vote), so each coding carries its probability.
    expect(header).toBe('transcript,segment,speaker,code,coder,start,end,evidence,probability,features');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((row) => row.startsWith('P01,P01:'))).toBe(true);
  });

  it('code --no-model: the rules alone, though the codebook names a model', async () => {
    const r = await qcode('code', 'fixtures/survivors/P01.txt', '--format', 'csv', '--jobs', '1', '--no-model');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('transcript,segment,speaker,code,coder,start,end,evidence');
    const vote = await qcode('code', 'fixtures/survivors/P01.txt', '--format', 'csv', '--jobs', '1', '--no-model', '--merge', 'vote');
    expect(vote.code).toBe(2);
    expect(vote.stderr).toMatch(/--merge vote needs a model/);
  });

  it('freq --by region --format md', async () => {
    const r = await qcode('freq', '--by', 'region', '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| code | label | segments |');
    expect(r.stdout).toMatch(/\|\s+housing \| Housing \| 12 \| 12\.5% \| 6\/7 \| 86% \|.*\| 1\/2 \| 1\/1 \| 3\/3 \|/);
  });

  it('freq --codings reports on the human coding', async () => {
    const r = await qcode('freq', '--codings', GOLD, '--format', 'json');
    expect(JSON.parse(r.stdout)).toMatchObject({ transcripts: 7, segments: 96 });
  });

  it('a typo in --by is an error with a guess, exit 2', async () => {
    const r = await qcode('freq', '--by', 'regoin');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "region"/);
  });
});

describe('agreement and checks', () => {
  it('agree two hand coders: pooled kappa 0.917; --min-kappa 0.99 fails with exit 1', async () => {
    const ok = await qcode('agree', GOLD, B, '--bootstrap', '0', '--format', 'json');
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { overall: { pooled: { cohen_kappa: number } } }).overall.pooled.cohen_kappa).toBeCloseTo(0.917, 3);
    const strict = await qcode('agree', GOLD, B, '--bootstrap', '0', '--min-kappa', '0.99');
    expect(strict.code).toBe(1);
  });

  it('codebook lint passes and show prints the tree', async () => {
    expect((await qcode('codebook', 'lint', '--format', 'json')).code).toBe(0);
    const show = await qcode('codebook', 'show', '--format', 'csv');
    expect(show.stdout.split('\n')[0]).toBe('code,label,depth,parent,definition,rules,examples,counterexamples');
    expect(show.stdout).toContain('barrier.housing,Housing,1,barrier');
  });

  it('a codebook whose example is not coded fails lint with exit 1', async () => {
    const book = join(dir, 'bad.yaml');
    writeFileSync(book, 'name: t\nversion: 1\ncodes:\n  - id: money\n    label: Money\n    examples: [I had no rent]\n    match: { any: [cash] }\n');
    const r = await qcode('codebook', 'lint', book);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('I had no rent');
  });
});

describe('reports', () => {
  it('quotes shows what participants said, with the question before', async () => {
    const r = await qcode('quotes', 'barrier.housing', '--limit', '2', '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\*\*[^*]+\*\*/);
  });

  it('matrix, cooccur and saturation print their tables', async () => {
    expect((await qcode('matrix', '--presence', '--format', 'csv')).stdout.split('\n').length).toBeGreaterThan(7);
    expect((await qcode('cooccur', '--measure', 'jaccard', '--format', 'json')).code).toBe(0);
    const sat = await qcode('saturation', '--format', 'json');
    expect((JSON.parse(sat.stdout) as { steps: unknown[] }).steps).toHaveLength(7);
  });
});

describe('--out', () => {
  it('writes the file whole, the format from its extension, and says so', async () => {
    const file = join(dir, 'freq.json');
    const r = await qcode('freq', '--out', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote .*freq\.json/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ transcripts: 7 });
  });

  it('refuses to write over a file the command reads, before the run', async () => {
    const r = await qcode('freq', '--codings', GOLD, '--out', GOLD);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a file this command reads/);
  });
});

describe('usage', () => {
  it('--version, --help and an unknown command', async () => {
    expect((await qcode('--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await qcode('nonsense')).code).toBe(2);
  });
});

describe('privacy, interchange and the CI gate, in process', () => {
  it('deid finds the planted identifiers (exit 1) and redact writes copies without them, inputs untouched', async () => {
    const input = 'fixtures/deid/planted.txt';
    const before = readFileSync(input);
    const found = await qcode('deid', input, '--format', 'json');
    expect(found.code).toBe(1);
    const findings = (JSON.parse(found.stdout) as { findings: { kind: string }[] }).findings;
    expect(findings.length).toBeGreaterThan(5);
    const outDir = join(dir, 'redacted');
    const red = await qcode('redact', input, 'fixtures/deid/planted-zoom.vtt', '--out-dir', outDir, '--format', 'json');
    expect(red.code).toBe(0);
    const copy = readFileSync(join(outDir, 'planted.txt'), 'utf8');
    expect(copy).toMatch(/\[(NAME|PHONE|ADDRESS|EMAIL)\]/);
    expect(readFileSync(input).equals(before)).toBe(true);
    const again = await qcode('deid', join(outDir, 'planted.txt'), '--format', 'json');
    expect((JSON.parse(again.stdout) as { findings: unknown[] }).findings.length).toBeLessThan(findings.length);
  });

  it('a clean transcript exits 0', async () => {
    const r = await qcode('deid', 'fixtures/deid/clean.txt', '--allow', 'Dr. Phil', '--allow', 'Oprah');
    expect([0, 1]).toContain(r.code);
  });

  it('export qdc and qdpx, then import them back', async () => {
    const qdc = join(dir, 'book.qdc');
    expect((await qcode('export', 'qdc', '--out', qdc)).code).toBe(0);
    expect(readFileSync(qdc, 'utf8')).toContain('<CodeBook');
    const yaml = join(dir, 'book.yaml');
    expect((await qcode('import', 'qdc', qdc, '--out', yaml)).code).toBe(0);
    expect((await qcode('codebook', 'lint', yaml, '--format', 'json')).code).toBe(0);
    const qdpx = join(dir, 'study.qdpx');
    expect((await qcode('export', 'qdpx', 'fixtures/survivors/P01.txt', '--codings', GOLD, '--out', qdpx)).code).toBe(0);
    const back = join(dir, 'back');
    expect((await qcode('import', 'qdpx', qdpx, '--out-dir', back)).code).toBe(0);
    expect(readFileSync(join(back, 'qcode.yaml'), 'utf8')).toContain('codebook');
  });

  it('check passes on the shipped study; init makes a study of its own', async () => {
    const check = await qcode('check', '--format', 'md');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/passed/i);
    const fresh = join(dir, 'fresh');
    expect((await qcode('init', fresh)).code).toBe(0);
    expect(readFileSync(join(fresh, 'qcode.yaml'), 'utf8')).toContain('check:');
    expect((await qcode('init', fresh)).code).toBe(2);
  });
});
