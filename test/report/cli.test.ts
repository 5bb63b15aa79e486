// The report commands as a researcher types them, run in-process: options reach the
// runs, every format prints what the run found, and mistakes are usage errors.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { qcode as run } from '../cli/run.js';

const F = 'test/fixtures/report';
const STUDY = ['--config', `${F}/qcode.yaml`];
const H1 = [...STUDY, '--codings', `${F}/human.csv`, '--coder', 'h1'];

afterEach(() => {
  delete process.env.NO_COLOR;
});

describe('qcode freq with the report options', () => {
  it('--level 1 lists the top-level codes, each counting its sub-codes, on saved codings', async () => {
    const doc = JSON.parse((await run(['freq', ...H1, '--level', '1', '--format', 'json'])).stdout);
    expect(doc.codes.map((c: { code: string; segments: number; cases: number }) => [c.code, c.segments, c.cases])).toEqual([['barrier', 3, 2], ['service', 2, 2], ['unused', 0, 0]]);
  });

  it('--by with an unknown attribute is a usage error with a guess', async () => {
    const r = await run(['freq', ...H1, '--by', 'sit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no transcript has the attribute "sit" (did you mean "site"?)');
  });
});

describe('qcode matrix', () => {
  it('csv: one row per case, attributes leading, then the codes', async () => {
    const r = await run(['matrix', ...H1, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'case,site,wave,barrier,barrier.housing,barrier.money,service,service.shelter,unused\n'
      + 'A,north,2,2,2,0,1,1,0\nB,south,1,1,1,1,0,0,0\nC,north,3,0,0,0,1,1,0\n',
    );
  });

  it('--by in csv and md: cases with the code / cases in the group', async () => {
    expect((await run(['matrix', ...H1, '--by', 'site', '--level', '1', '--format', 'csv'])).stdout).toBe('site,cases,barrier,service,unused\nnorth,2,1,2,0\nsouth,1,1,0,0\n');
    const md = (await run(['matrix', ...H1, '--by', 'site', '--level', '1', '--format', 'md'])).stdout;
    expect(md).toContain('| code | site=north | site=south |');
    expect(md).toContain('| barrier | 1/2 | 1/1 |');
  });

  it('json: the documented shape', async () => {
    const doc = JSON.parse((await run(['matrix', ...H1, '--presence', '--format', 'json'])).stdout);
    expect(doc).toMatchObject({ coder: 'h1', level: null, measure: 'presence', cases: ['A', 'B', 'C'] });
    expect(doc.values[1]).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('a table: cases as rows when few codes, codes as rows when many', async () => {
    const few = (await run(['matrix', ...H1, '--level', '1'])).stdout;
    expect(few).toMatch(/case\s+site\s+wave\s+barrier\s+service\s+unused/);
    expect(few).toMatch(/cases with code\s+2\/3\s+2\/3\s+0\/3/);
  });

  it('many codes: codes become the rows, tree-indented, with a note saying how to get one row per case', async () => {
    const r = await run(['matrix', '--config', 'qcode.yaml']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Case × code matrix — coded segments per case; 7 cases, 37 codes');
    expect(lines[2]).toMatch(/^code\s+P01\s+P02\s+P03\s+P04\s+P05\s+P06\s+P07\s+cases$/);
    expect(lines[4]).toMatch(/^barrier\s+7\s+8\s+6\s+4\s+6\s+7\s+4\s+7\/7$/);
    expect(lines[6]).toMatch(/^ {2}housing\s+3\s+1\s+2\s+0\s+3\s+2\s+1\s+6\/7$/);
    expect(r.stdout).toContain('codes are rows here (37 codes); --format csv gives one row per case');
  });

  it('--level 0 is a usage error', async () => {
    const r = await run(['matrix', ...H1, '--level', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--level must be a number from 1');
  });
});

describe('qcode cooccur', () => {
  it('--level case --level 1 with --measure jaccard', async () => {
    const doc = JSON.parse((await run(['cooccur', ...H1, '--level', 'case', '--level', '1', '--measure', 'jaccard', '--format', 'json'])).stdout);
    expect(doc).toMatchObject({ level: 'case', measure: 'jaccard', depth: 1, codes: ['barrier', 'service'], matrix: [[1, 1 / 3], [1 / 3, 1]] });
  });

  it('csv is the square matrix; --codes focuses', async () => {
    expect((await run(['cooccur', ...H1, '--codes', 'barrier.money,barrier.housing', '--format', 'csv'])).stdout).toBe('code,barrier.money,barrier.housing\nbarrier.money,1,1\nbarrier.housing,1,3\n');
  });

  it('a table numbers its columns as its rows, and says what the diagonal is', async () => {
    const r = await run(['cooccur', ...H1, '--level', '2']);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'Co-occurrence — segments carrying both codes (6 segments)',
      '',
      '#  code             1  2  3  4  5',
      '─  ───────────────  ─  ─  ─  ─  ─',
    ]);
    expect(r.stdout).toContain('3  barrier.money    1  1  1  0  0');
    expect(r.stdout).toContain('the diagonal is the segments carrying the code');
    const j = await run(['cooccur', ...H1, '--level', 'case', '--measure', 'jaccard', '--codes', 'barrier,service']);
    expect(j.stdout).toContain('1  barrier  1.00  0.33');
  });

  it('a wrong --level word is a usage error', async () => {
    const r = await run(['cooccur', ...H1, '--level', 'sentence']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--level takes segment, case or a depth N');
  });
});

describe('qcode saturation', () => {
  it('table with the running total and where 95% was reached', async () => {
    const r = await run(['saturation', ...H1]);
    expect(r.stdout).toMatch(/1\s+A\s+4\s+4\s+80%/);
    expect(r.stdout).toMatch(/2\s+B\s+1\s+5\s+100%/);
    expect(r.stdout).toContain('95% of the 5 codes seen were seen by B (transcript 2 of 3)');
  });

  it('json: steps, totals and the saturation point', async () => {
    const doc = JSON.parse((await run(['saturation', ...H1, '--format', 'json'])).stdout);
    expect(doc).toMatchObject({ order: 'input', total_codes: 5, codebook_codes: 6, threshold: 0.95, saturated_at: 'B', coder: 'h1' });
    expect(doc.steps[0]).toEqual({ transcript: 'A', new_codes: ['barrier', 'barrier.housing', 'service', 'service.shelter'], cumulative: 4 });
  });

  it('csv with --order', async () => {
    expect((await run(['saturation', ...H1, '--order', 'wave', '--format', 'csv'])).stdout).toBe(
      'step,transcript,wave,new,cumulative,new_codes\n1,B,1,3,3,barrier|barrier.housing|barrier.money\n2,A,2,2,5,service|service.shelter\n3,C,3,0,5,\n',
    );
  });
});

describe('qcode quotes', () => {
  it('on a terminal: a heading per code, each quote with its place, evidence marked', async () => {
    process.env.NO_COLOR = '1';
    const r = await run(['quotes', 'barrier.housing', ...STUDY, '--limit', '1', '--context', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'barrier.housing — Housing: 3 segments in 2 of 3 cases, showing 1',
      '',
      'A · A:2 · A',
      '  I: What made leaving hard the first time?',
      '  A: I had no money for the **deposit**, and no one would **rent** to me without a history.',
      '  I: Who helped?',
      '',
    ].join('\n'));
  });

  it('md marks the evidence in bold; csv has one row per quote with the question', async () => {
    const md = (await run(['quotes', 'barrier.money', ...STUDY, '--format', 'md'])).stdout;
    expect(md).toContain('| C | C:2 | C |  | The shelter helped, and **money** from my first job. |');
    const csv = (await run(['quotes', 'barrier.money', ...STUDY, '--format', 'csv'])).stdout;
    expect(csv.split('\n')[2]).toBe('barrier.money,C,C:2,C,,28,76,barrier.money,money,What helped you most?,"The shelter helped, and money from my first job."');
  });

  it('json: evidence as code-point spans, several codes at once', async () => {
    const doc = JSON.parse((await run(['quotes', 'barrier.money', 'service.shelter', ...STUDY, '--spread', '--where', 'site=north', '--format', 'json'])).stdout);
    expect(doc.code).toBe('barrier.money,service.shelter');
    expect(doc.codes.map((g: { code: string; total: number }) => [g.code, g.total])).toEqual([['barrier.money', 2], ['service.shelter', 2]]);
    expect(doc.quotes.map((q: { segment: string }) => q.segment)).toEqual(['A:2', 'C:2', 'A:4', 'C:2']);
  });

  it('a timed transcript gives each quote its source time, so it can be found in the recording', async () => {
    process.env.NO_COLOR = '1';
    const r = await run(['quotes', 'barrier.housing', ...STUDY, '--context', '1', `${F}/timed.vtt`]);
    expect(r.stdout.split('\n').slice(2, 4)).toEqual(['timed · timed:2 · Rosa · 00:12:06', '  I: Where did you stay after you left?']);
    const doc = JSON.parse((await run(['quotes', 'barrier.housing', ...STUDY, `${F}/timed.vtt`, '--format', 'json'])).stdout);
    expect(doc.quotes[0]).toMatchObject({ segment: 'timed:2', time: 726.5, question: { segment: 'timed:1', time: 721 } });
  });

  it('inputs before codes: the message says codes come first', async () => {
    const r = await run(['quotes', `${F}/study`, 'barrier', ...STUDY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(name the codes first, then the inputs: qcode quotes CODE… [inputs])');
  });

  it('no code named is a usage error', async () => {
    const r = await run(['quotes', ...STUDY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('name a code to quote');
  });
});

describe('qcode report', () => {
  it('writes one HTML file and says so; without --html it is a usage error', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'qcode-report-')), 'r.html');
    const r = await run(['report', ...H1, '--html', out, '--title', 'Fixture study']);
    expect(r.code).toBe(0);
    // The fixture's quotes name people: the report says so (where, never the words) before it says what it wrote.
    expect(r.stderr).toMatch(/^(?:qcode: warning: \d+ quotes? may identify someone: [^\n]*\n)?qcode: wrote .*r\.html \(\d+ bytes\)\n$/);
    expect(readFileSync(out, 'utf8')).toContain('<title>Fixture study</title>');
    const bad = await run(['report', ...H1]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('give --out FILE or --html FILE');
  });

  it('takes --out FILE.html as every other command takes --out, and has no formats to offer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-report-'));
    const r = await run(['report', ...H1, '--out', join(dir, 'r.html')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    const csv = await run(['report', ...H1, '--out', join(dir, 'r.csv')]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('qcode report writes HTML: --out');
    expect(csv.stderr).toContain('use freq, matrix or cooccur with --format');
    const txt = await run(['report', ...H1, '--html', join(dir, 'r.txt')]);
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('qcode report writes HTML: --html');
    const two = await run(['report', ...H1, '--out', join(dir, 'a.html'), '--html', join(dir, 'b.html')]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('name two files');
    expect(readdirSync(dir)).toEqual(['r.html']);
    const format = await run(['report', ...H1, '--out', join(dir, 'r.html'), '--format', 'json']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("unknown option '--format'");
    const help = (await run(['report', '--help'])).stdout;
    expect(help).toContain('--out <file>');
    expect(help).not.toContain('--format');
  });

  it('no command that writes one kind of file offers formats it would not honour', async () => {
    for (const command of [['report'], ['review'], ['export', 'qdpx']]) {
      const help = (await run([...command, '--help'])).stdout;
      expect(help, command.join(' ')).toMatch(/--out <file>/);
      expect(help, command.join(' ')).not.toMatch(/--format </);
    }
    expect((await run(['freq', '--help'])).stdout).toMatch(/--format <format>/);
  });

  it('refuses to write over an input', async () => {
    const r = await run(['report', ...H1, '--html', `${F}/human.csv`]);
    expect(r.code).toBe(2);
  });
});
