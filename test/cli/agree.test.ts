// `qcode agree` as a command (run in-process): what the command itself does — reading files
// named on the command line, its flags, exit codes and streams. Every published and
// constructed case of test/fixtures/agree is checked to 4 decimals in-process, where it
// costs milliseconds, by test/agree/fixtures.test.ts; the statistics by test/agree/*.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, qcode } from './run.js';

interface CodeRow { code: string; units: number; [k: string]: unknown }
interface AgreeDoc { scheme: string; parent?: string; coders: string[]; codes: CodeRow[]; overall: { pooled: Record<string, unknown>; mean: Record<string, unknown> } }

const GOLD = 'fixtures/codings/survivors-gold.csv';
const CODER_B = 'fixtures/codings/survivors-coder-b.csv';

describe('qcode agree through the CLI', () => {
  it('smoke: two hand coders of the shipped study, every codebook code, json on stdout, exit 0', async () => {
    const r = await qcode(['agree', GOLD, CODER_B, '--format', 'json', '--bootstrap', '200']);
    expect(r.code, r.stderr).toBe(0);
    const doc = json<AgreeDoc>(r);
    expect(doc.coders).toEqual(['gold', 'B']);
    expect(doc.codes.map((c) => c.code)).toContain('barrier.housing');
    expect(doc.codes.find((c) => c.code === 'barrier.housing')!.units).toBe(96);
    expect(typeof doc.overall.pooled['cohen_kappa']).toBe('number');
    expect(JSON.stringify(doc)).not.toMatch(/NaN|Infinity/);
  });

  it('--parent switches to the category scheme: Krippendorff (2011) C, alpha 0.743 over 11 units', async () => {
    const r = await qcode(['agree', 'test/fixtures/agree/krippendorff-2011.csv', '--parent', 'c', '--format', 'json', '--bootstrap', '0']);
    expect(r.code, r.stderr).toBe(0);
    const doc = json<AgreeDoc>(r);
    expect(doc.scheme).toBe('category');
    const row = doc.codes.find((c) => c.code === 'c')!;
    expect(row.units).toBe(11);
    expect(row['krippendorff_alpha'] as number).toBeCloseTo(0.7434, 4);
  });

  it('--min-kappa exits 1 when a code falls below, 0 when none does; the report is printed either way', async () => {
    const base = ['agree', GOLD, CODER_B, '--bootstrap', '0'];
    const below = await qcode([...base, '--min-kappa', '0.99']);
    expect(below.code).toBe(1);
    expect(below.stdout.length).toBeGreaterThan(0);
    expect((await qcode([...base, '--min-kappa', '-1'])).code).toBe(0);
  });

  it('--auto runs the coding pass over the transcripts and compares it with the gold coding', async () => {
    const r = await qcode(['agree', GOLD, '--auto', 'fixtures/survivors', '--format', 'json', '--bootstrap', '0']);
    expect(r.code, r.stderr).toBe(0);
    const doc = json<AgreeDoc>(r);
    expect(doc.coders).toEqual(['gold', 'auto']);
    const housing = doc.codes.find((c) => c.code === 'barrier.housing')!;
    for (const k of ['precision', 'recall', 'f1']) expect(housing[k]).toEqual(expect.any(Number));
  });

  it('--disagreements reads the transcripts named and lists differing segments with speaker and text', async () => {
    const r = await qcode(['agree', GOLD, CODER_B, 'fixtures/survivors', '--disagreements', '--bootstrap', '0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/P0\d:\d+/);
  });

  it('names, with transcripts read, codings on segments that are not among them (a typo\'d id): they count nowhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-agree-'));
    const b = join(dir, 'coder-b.csv');
    const rows = readFileSync(CODER_B, 'utf8').trimEnd().split('\n');
    writeFileSync(b, [...rows, 'P01,P01:99,P01,barrier.housing,B', 'P02,P02:1,P02,barrier.money,B'].join('\n') + '\n');
    const r = await qcode(['agree', GOLD, b, 'fixtures/survivors', '--format', 'json', '--bootstrap', '0']);
    expect(r.code, r.stderr).toBe(0);
    // P02:1 is the interviewer's first question: not a segment read for coding either.
    expect(r.stderr).toContain(
      `qcode: warning: ${b}:${rows.length + 1}: 2 codings name segments (P01:99 (line ${rows.length + 1}), P02:1 (line ${rows.length + 2})) that are not among the turn segments read for coding (a typo, an interviewer's turn, another unit?): left out of every statistic`,
    );
    const clean = await qcode(['agree', GOLD, CODER_B, 'fixtures/survivors', '--format', 'json', '--bootstrap', '0']);
    expect(clean.stderr).not.toMatch(/left out of every statistic/);
  });

  it('one coder only is a usage error: exit 2, the reason on stderr, nothing on stdout', async () => {
    const r = await qcode(['agree', GOLD]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/at least two coders/);
    expect(r.stdout).toBe('');
  });
});
