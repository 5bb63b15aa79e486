// The published datasets as codings files (test/fixtures/agree/, see its README),
// read by the codings reader and run through computeAgreement exactly as
// `qcode agree` does. Expected values: expected.json, written by the independent
// Python reference (test/fixtures/agree/reference.py), plus the published figures.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeAgreement, type AgreeReport } from '../../src/core/agree/index.js';
import { readCodings, type SourcedCoding } from '../../src/io/codings.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'agree');

interface Case {
  scheme: 'presence' | 'category';
  parent?: string;
  code?: string;
  coders: string[];
  expected: Record<string, number | null>;
}
const cases = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Case>;

async function run(name: string, c: Pick<Case, 'scheme' | 'parent'>): Promise<AgreeReport> {
  const path = join(DIR, name);
  const files = statSync(path).isDirectory() ? readdirSync(path).sort().map((f) => join(path, f)) : [path];
  const codings: SourcedCoding[] = [];
  for (const f of files) codings.push(...(await readCodings(f)));
  return computeAgreement({ codings }, { scheme: c.scheme, ...(c.parent ? { parent: c.parent } : {}), bootstrap: 200 });
}

const STATS = ['percent_agreement', 'cohen_kappa', 'scott_pi', 'fleiss_kappa', 'krippendorff_alpha', 'gwet_ac1'] as const;

describe('every fixture matches the independent reference to 4 decimals', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, async () => {
      const report = await run(name, c);
      expect(report.scheme).toBe(c.scheme);
      expect(report.coders).toEqual(c.coders);
      const row = report.codes.find((r) => r.code === (c.scheme === 'category' ? c.parent : c.code));
      expect(row).toBeDefined();
      expect(row!.units).toBe(c.expected.units);
      for (const s of STATS) {
        const want = c.expected[s];
        if (want === null || want === undefined) expect(row![s], s).toBeNull();
        else expect(row![s], s).toBeCloseTo(want, 4);
      }
    });
  }
});

describe('published values through the codings-file path', () => {
  it('Krippendorff (2011) C: alpha 0.743, 11 units, Fleiss null with a note, AC1 0.7754 (irrCAC)', async () => {
    const r = await run('krippendorff-2011.csv', { scheme: 'category', parent: 'c' });
    const row = r.codes[0]!;
    expect(r.scheme).toBe('category');
    expect(r.parent).toBe('c');
    expect(row.categories).toEqual(['c.1', 'c.2', 'c.3', 'c.4', 'c.5']);
    expect(row.krippendorff_alpha).toBeCloseTo(0.743, 3);
    expect(row.units).toBe(11);
    expect(row.fleiss_kappa).toBeNull();
    expect(row.notes.join(' ')).toMatch(/fleiss_kappa/);
    expect(row.gwet_ac1).toBeCloseTo(0.77544, 4);
    expect(row.alpha_ci).not.toBeNull();
    expect(row.alpha_ci!.lower).toBeLessThanOrEqual(row.alpha_ci!.upper);
  });
  it('Wikipedia Fleiss: kappa 0.210 with 14 coders; mean pairwise agreement = P̄ = 0.378', async () => {
    const r = await run('wikipedia-fleiss.csv', { scheme: 'category', parent: 'c' });
    expect(r.coders).toHaveLength(14);
    expect(r.codes[0]!.fleiss_kappa).toBeCloseTo(0.20993, 4);
    expect(r.codes[0]!.percent_agreement).toBeCloseTo(0.378022, 4);
    expect(r.codes[0]!.pairs).toHaveLength(91);
  });
  it('Fleiss (1971): kappa 0.4302, Light 0.459', async () => {
    const r = await run('fleiss-1971-diagnoses.csv', { scheme: 'category', parent: 'dx' });
    expect(r.codes[0]!.fleiss_kappa).toBeCloseTo(0.4302445, 6);
    expect(r.codes[0]!.cohen_kappa).toBeCloseTo(0.459, 3);
  });
  it('Wikipedia Cohen (one file per coder, coder from the file name): kappa 0.40 and the 2×2 table', async () => {
    const r = await run('cohen-wikipedia-50', { scheme: 'presence' });
    expect(r.coders).toEqual(['A', 'B']);
    const row = r.codes.find((c) => c.code === 'approve')!;
    expect(row.cohen_kappa).toBeCloseTo(0.4, 10);
    expect(row.percent_agreement).toBeCloseTo(0.7, 10);
    expect(row.pairs[0]).toMatchObject({ coders: ['A', 'B'], units: 50, both: 20, only_first: 5, only_second: 10, neither: 15 });
  });
  it('Artstein & Poesio (2008): pi 0.7995, kappa 0.8013, alpha 0.8005', async () => {
    const row = (await run('artstein-poesio-2008.csv', { scheme: 'category', parent: 'da' })).codes[0]!;
    expect(row.scott_pi).toBeCloseTo(0.79953, 4);
    expect(row.cohen_kappa).toBeCloseTo(0.80132, 4);
    expect(row.krippendorff_alpha).toBeCloseTo(0.80053, 4);
  });
  it('prevalence paradox (Feinstein & Cicchetti 1990): same agreement, kappa 0.70 vs 0.32', async () => {
    const a = (await run('prevalence-feinstein-a.csv', { scheme: 'presence' })).codes[0]!;
    const b = (await run('prevalence-feinstein-b.csv', { scheme: 'presence' })).codes[0]!;
    expect(a.percent_agreement).toBeCloseTo(0.85, 10);
    expect(b.percent_agreement).toBeCloseTo(0.85, 10);
    expect(a.cohen_kappa).toBeCloseTo(0.6995, 4);
    expect(b.cohen_kappa).toBeCloseTo(0.3182, 4);
    expect(b.gwet_ac1).toBeCloseTo(0.808, 4);
  });
});
