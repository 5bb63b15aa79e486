// The data commands run in-process as `bin/qcode.js` runs them: statistics, formats,
// messages and exit codes. (What only a process shows lives in test/e2e/cli.test.ts.)
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, qcode } from './run.js';

const SMALL = 'test/fixtures/codebooks/small.yaml';
const STUDY = 'fixtures/survivors';

interface FreqDoc {
  qcode: string;
  unit: string;
  transcripts: number;
  segments: number;
  codebook: { name: string; version: string; sha256: string };
  codes: Array<{ code: string; label: string; depth: number; segments: number; segment_pct: number; cases: number; case_pct: number; by?: Record<string, { segments: number; cases: number; case_total: number }> }>;
}

describe('qcode freq', () => {
  it('counts segments and cases per code, parents rolling up their children', async () => {
    const r = await qcode(['freq', STUDY, '--codebook', SMALL, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = json<FreqDoc>(r);
    expect(doc).toMatchObject({ unit: 'turn', transcripts: 7, segments: 96, codebook: { name: 'Small test codebook', version: '2.0.0' } });
    expect(doc.codes.map((c) => [c.code, c.depth])).toEqual([
      ['barrier', 0], ['barrier.housing', 1], ['barrier.financial', 1], ['service', 0], ['service.shelter', 1],
    ]);
    const by = Object.fromEntries(doc.codes.map((c) => [c.code, c]));
    expect(by['barrier']!.segments).toBeGreaterThanOrEqual(Math.max(by['barrier.housing']!.segments, by['barrier.financial']!.segments));
    expect(by['barrier']!.segments).toBeLessThanOrEqual(by['barrier.housing']!.segments + by['barrier.financial']!.segments);
    for (const c of doc.codes) {
      expect(c.segment_pct).toBeCloseTo(c.segments / 96, 12);
      expect(c.case_pct).toBeCloseTo(c.cases / 7, 12);
    }
    expect(by['service.shelter']!.cases).toBe(7);
  });

  it('splits by a case attribute with --by, case totals per value', async () => {
    const doc = json<FreqDoc>(await qcode(['freq', STUDY, '--codebook', SMALL, '--by', 'region', '--format', 'json']));
    const shelter = doc.codes.find((c) => c.code === 'service.shelter')!;
    expect(Object.keys(shelter.by!)).toEqual(['rural', 'suburban', 'tribal', 'urban']);
    expect(shelter.by!['urban']).toMatchObject({ cases: 3, case_total: 3 });
    expect(Object.values(shelter.by!).reduce((n, g) => n + g.segments, 0)).toBe(shelter.segments);
  });

  it('prints a table with a bar column, and csv with one row per code', async () => {
    const table = await qcode(['freq', STUDY, '--codebook', SMALL]);
    expect(table.stdout).toMatch(/shelter\s+Shelter\s+\d+\s+[\d.]+%\s+7\/7\s+100%\s+█+/);
    const csv = (await qcode(['freq', STUDY, '--codebook', SMALL, '--format', 'csv'])).stdout.trim().split('\n');
    expect(csv[0]).toBe('code,label,depth,segments,segment_pct,cases,case_pct');
    expect(csv).toHaveLength(6);
  });

  it('runs the shipped study from qcode.yaml with no arguments', async () => {
    const r = await qcode(['freq', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = json<FreqDoc>(r);
    expect(doc.transcripts).toBe(7);
    expect(doc.codes.find((c) => c.code === 'barrier.housing')).toBeDefined();
  });

  it('is byte-identical across runs, in csv, json and md', async () => {
    for (const format of ['csv', 'json', 'md']) {
      const a = (await qcode(['freq', STUDY, '--codebook', SMALL, '--format', format])).stdout;
      const b = (await qcode(['freq', STUDY, '--codebook', SMALL, '--format', format])).stdout;
      expect(a.length).toBeGreaterThan(0);
      expect(b).toBe(a);
    }
  });
});

describe('qcode code', () => {
  it('prints the coded table in its documented columns, sorted, with evidence terms', async () => {
    const r = await qcode(['code', STUDY, '--codebook', SMALL, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('transcript,segment,speaker,code,coder,start,end,evidence');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.every((row) => row[4] === 'auto')).toBe(true);
    const keys = rows.map((row) => [row[0]!, Number(row[1]!.split(':')[1]), row[3]!]);
    const sorted = [...keys].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : (a[1] as number) - (b[1] as number) || (a[2]! < b[2]! ? -1 : 1)));
    expect(keys).toEqual(sorted);
  });

  it('json codings carry segment spans and evidence spans inside them', async () => {
    const doc = json<{ codings: Array<{ segment: string; start: number; end: number; evidence: Array<{ start: number; end: number; term: string }> }> }>(
      await qcode(['code', STUDY, '--codebook', SMALL, '--format', 'json']));
    expect(doc.codings.length).toBeGreaterThan(10);
    const text = readFileSync('fixtures/survivors/P01.txt', 'utf8').split('---\n').slice(2).join('---\n');
    for (const c of doc.codings.filter((x) => x.segment.startsWith('P01:'))) {
      for (const e of c.evidence) {
        expect(e.start).toBeGreaterThanOrEqual(c.start);
        expect(e.end).toBeLessThanOrEqual(c.end);
        expect([...text].slice(e.start, e.end).join('').toLowerCase()).toMatch(/\w/);
      }
    }
  });

  it('never codes interviewer turns', async () => {
    const doc = json<{ codings: Array<{ speaker: string }> }>(await qcode(['code', STUDY, '--codebook', SMALL, '--format', 'json']));
    expect(doc.codings.some((c) => c.speaker === 'I')).toBe(false);
  });
});

describe('qcode codebook', () => {
  it('lint passes a good codebook (exit 0) and fails examples that do not code (exit 1)', async () => {
    expect((await qcode(['codebook', 'lint', SMALL])).code).toBe(0);
    const bad = await qcode(['codebook', 'lint', 'test/fixtures/codebooks/failing-lint.yaml', '--format', 'json']);
    expect(bad.code).toBe(1);
    const doc = json<{ ok: boolean; findings: Array<{ kind: string; text?: string }> }>(bad);
    expect(doc.ok).toBe(false);
    expect(doc.findings.filter((f) => f.kind !== 'no-examples').map((f) => [f.kind, f.text])).toEqual([
      ['example', 'I slept in my car'], ['counterexample', 'the rent program helped'],
    ]);
  });
  it('show prints the tree with definitions and rule counts', async () => {
    const r = await qcode(['codebook', 'show', SMALL]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ {2}barrier\.housing\s+Housing\s+1\s+1\/1\s+No safe place to live\./);
  });
});

describe('bad input: exit 2, file and place, no stack trace', () => {
  const noStack = (s: string): void => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
  it('a codebook with several mistakes lists them all', async () => {
    const r = await qcode(['codebook', 'lint', 'test/fixtures/codebooks/broken.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('qcode: error: test/fixtures/codebooks/broken.yaml:5:5: unknown code key "mach" (did you mean "match"?)');
    expect(r.stderr).toMatch(/broken\.yaml:6:9: code id "Money" must be lower-case/);
    expect(r.stderr).toMatch(/broken\.yaml:9:\d+: invalid regex/);
    expect(r.stderr).toMatch(/broken\.yaml:10:9: a rule of "Money" has only `not`/);
    noStack(r.stderr);
  });
  it('a YAML syntax error', async () => {
    const r = await qcode(['freq', STUDY, '--codebook', 'test/fixtures/codebooks/syntax.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^qcode: error: test\/fixtures\/codebooks\/syntax\.yaml:\d+:\d+: syntax error/m);
    noStack(r.stderr);
  });
  it('a missing input, a missing codebook, an unknown option, a bad --unit', async () => {
    const missing = await qcode(['freq', 'no/such/folder', '--codebook', SMALL]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/folder');
    expect((await qcode(['freq', STUDY, '--codebook', 'nope.yaml'])).stderr).toContain('qcode: error: nope.yaml');
    expect((await qcode(['freq', STUDY, '--bogus'])).code).toBe(2);
    expect((await qcode(['freq', STUDY, '--unit', 'page'])).code).toBe(2);
    expect((await qcode(['nonsense'])).code).toBe(2);
  });
  it('a broken transcript names the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-'));
    writeFileSync(join(dir, 'P9.txt'), '---\nid: [unclosed\n---\nI: hi\nP9: hello\n');
    const r = await qcode(['freq', dir, '--codebook', SMALL]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/P9\.txt:\d+(:\d+)?: /);
    noStack(r.stderr);
  });
});

describe('output discipline', () => {
  it('--out writes the whole file and prints nothing; a bad --out folder leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-'));
    const out = join(dir, 'freq.json');
    const r = await qcode(['freq', STUDY, '--codebook', SMALL, '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).transcripts).toBe(7);
    expect(readdirSync(dir)).toEqual(['freq.json']);
    const bad = await qcode(['freq', STUDY, '--codebook', SMALL, '--out', join(dir, 'missing', 'x.csv')]);
    expect(bad.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['freq.json']);
  });
  it('warnings go to stderr; --quiet silences them and changes nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-'));
    const codings = join(dir, 'c.csv');
    // P01:1 is the interviewer's turn: not eligible for coding, so qcode warns about it.
    writeFileSync(codings, 'segment,code\nP01:1,barrier.housing\nP01:2,barrier.housing\n');
    const args = ['code', 'fixtures/survivors', '--codebook', 'test/fixtures/codebooks/small.yaml', '--codings', codings, '--format', 'csv'];
    const loud = await qcode(args);
    expect(loud.code, loud.stderr).toBe(0);
    expect(loud.stderr).toMatch(/^qcode: warning: .*P01:1 is not an eligible/m);
    const quiet = await qcode([...args, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
  });
});

describe('--codings: reports on saved or human codings', () => {
  it('counts the gold coding of the study instead of a fresh pass', async () => {
    const r = await qcode(['freq', STUDY, '--codebook', SMALL, '--codings', 'fixtures/codings/survivors-gold.csv', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = json<FreqDoc>(r);
    expect(doc.segments).toBe(96);
    // The gold coding's own counts (docs/study/README.md): shelter 16 turns in 7 cases.
    expect(doc.codes.find((c) => c.code === 'service.shelter')).toMatchObject({ segments: 16, cases: 7 });
    expect(doc.codes.find((c) => c.code === 'barrier.housing')).toMatchObject({ segments: 12, cases: 6 });
  });
  it('warns about codings of segments that are not eligible', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-'));
    const file = join(dir, 'c.csv');
    writeFileSync(file, 'segment,code\nP01:1,barrier.housing\nP01:2,barrier.housing\n');
    const r = await qcode(['code', STUDY, '--codebook', SMALL, '--codings', file, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('segment P01:1 is not an eligible turn segment of P01');
    const [row] = r.stdout.trim().split('\n').slice(1);
    expect(row).toMatch(/^P01,P01:2,P01,barrier\.housing,c,\d+,\d+,$/);
  });
});

describe('qcode.yaml', () => {
  it('resolves its paths against its own folder, and names a typo with a guess', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-'));
    const rel = relative(dir, join(import.meta.dirname, '..', '..'));
    writeFileSync(join(dir, 'qcode.yaml'), `codebook: ${join(rel, SMALL)}\ntranscripts: [${join(rel, STUDY)}]\n`);
    // Named from elsewhere: the paths must be read relative to the config's folder.
    const ok = await qcode(['freq', '--format', 'json', '--config', join(dir, 'qcode.yaml')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(json<FreqDoc>(ok).transcripts).toBe(7);
    writeFileSync(join(dir, 'qcode.yaml'), 'codebok: x.yaml\n');
    const bad = await qcode(['freq', '--config', join(dir, 'qcode.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('qcode.yaml:1:1: unknown key "codebok" in qcode.yaml (did you mean "codebook"?)');
  });
});

describe('stderr never carries control characters from the inputs', () => {
  it('an error quoting a file name holding an escape sequence shows it as symbols', async () => {
    const r = await qcode(['freq', STUDY, '--codebook', '\u001b[31mbook\u0007.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('␛[31mbook␇.yaml');
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('usage mistakes', () => {
  it('point a subcommand\'s mistake at its own help, as it is typed', async () => {
    const cases: [string[], string][] = [
      [['codebook', 'suggest'], 'qcode codebook suggest --help'],
      [['codebook', 'lint', '--formt', 'csv'], 'qcode codebook lint --help'],
      [['import', 'sheet'], 'qcode import sheet --help'],
      [['export', 'qdc', '--foo'], 'qcode export qdc --help'],
    ];
    for (const [args, hint] of cases) {
      const r = await qcode(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`(run \`${hint}\` for usage)`);
    }
  });

  it('no command is a usage error (help on stderr, exit 2); --help asked for is not', async () => {
    for (const args of [[], ['codebook'], ['export'], ['import']]) {
      const r = await qcode(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^Usage: qcode/m);
    }
    for (const args of [['--help'], ['codebook', '--help']]) expect((await qcode(args)).code).toBe(0);
  });
});
