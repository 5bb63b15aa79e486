// The published and constructed reliability cases of test/fixtures/agree (sources in
// its README.md), fed through the real CLI as codings files, from the repo root —
// where qcode.yaml names the study's codebook, which must not leak into these reports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, qcode } from './run.js';

const DIR = 'test/fixtures/agree';
interface Case { scheme: string; parent?: string; code?: string; coders: string[]; expected: Record<string, number | null> }
const CASES = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Case>;
interface CodeRow { code: string; units: number; [k: string]: unknown }
interface AgreeDoc { scheme: string; coders: string[]; codes: CodeRow[]; overall: { pooled: Record<string, unknown>; mean: Record<string, unknown> } }

function inputsOf(name: string): string[] {
  const path = join(DIR, name);
  return name.endsWith('.csv') ? [path] : readdirSync(path).sort().map((f) => join(path, f));
}

describe('qcode agree: every published case through the CLI, to 4 decimals', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name} (${c.scheme})`, () => {
      const args = ['agree', ...inputsOf(name), '--format', 'json', '--bootstrap', '0', ...(c.parent ? ['--parent', c.parent] : [])];
      const r = qcode(args);
      expect(r.code, r.stderr).toBe(0);
      const doc = json<AgreeDoc>(r);
      expect(doc.scheme).toBe(c.scheme);
      expect(doc.coders).toEqual(c.coders);
      const row = doc.codes.find((x) => x.code === (c.parent ?? c.code))!;
      for (const [stat, want] of Object.entries(c.expected)) {
        if (want === null) expect(row[stat], stat).toBeNull();
        else expect(row[stat] as number, stat).toBeCloseTo(want, 4);
      }
    });
  }
});

describe('qcode agree on the shipped study', () => {
  it('two hand coders: every codebook code reported, pooled and mean overall, json parses', () => {
    const r = qcode(['agree', 'fixtures/codings/survivors-gold.csv', 'fixtures/codings/survivors-coder-b.csv', '--format', 'json', '--bootstrap', '200']);
    expect(r.code, r.stderr).toBe(0);
    const doc = json<AgreeDoc>(r);
    expect(doc.coders).toEqual(['gold', 'B']);
    expect(doc.codes.map((c) => c.code)).toContain('barrier.housing');
    expect(doc.codes.find((c) => c.code === 'barrier.housing')!.units).toBe(96);
    expect(typeof doc.overall.pooled['cohen_kappa']).toBe('number');
    expect(JSON.stringify(doc)).not.toMatch(/NaN|Infinity/);
  });
  it('is reproducible: the bootstrap interval is the same on every run', () => {
    const args = ['agree', 'fixtures/codings/survivors-gold.csv', 'fixtures/codings/survivors-coder-b.csv', '--format', 'json'];
    expect(qcode(args).stdout).toBe(qcode(args).stdout);
  });
  it('--min-kappa exits 1 when a code falls below, 0 when none does', () => {
    const base = ['agree', 'fixtures/codings/survivors-gold.csv', 'fixtures/codings/survivors-coder-b.csv', '--bootstrap', '0'];
    expect(qcode([...base, '--min-kappa', '0.99']).code).toBe(1);
    expect(qcode([...base, '--min-kappa', '-1']).code).toBe(0);
  });
  it('--auto compares the coding pass with the gold coding and adds precision, recall, F1', () => {
    const r = qcode(['agree', 'fixtures/codings/survivors-gold.csv', '--auto', 'fixtures/survivors', '--format', 'json', '--bootstrap', '0']);
    expect(r.code, r.stderr).toBe(0);
    const doc = json<AgreeDoc>(r);
    expect(doc.coders).toEqual(['gold', 'auto']);
    const housing = doc.codes.find((c) => c.code === 'barrier.housing')!;
    for (const k of ['precision', 'recall', 'f1']) expect(housing[k]).toEqual(expect.any(Number));
  });
  it('--disagreements lists differing segments with speaker and text', () => {
    const r = qcode(['agree', 'fixtures/codings/survivors-gold.csv', 'fixtures/codings/survivors-coder-b.csv', 'fixtures/survivors', '--disagreements', '--bootstrap', '0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/P0\d:\d+/);
  });
  it('one coder only is a usage error (exit 2)', () => {
    const r = qcode(['agree', 'fixtures/codings/survivors-gold.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/at least two coders/);
  });
});
