// The report as a whole: constructed coding cases, schemes, transcripts, options.
import { describe, expect, it } from 'vitest';
import { computeAgreement, type AgreeCoding, type CodeDef } from '../../src/core/agree/index.js';
import { QcodeError } from '../../src/core/errors.js';

function c(segment: string, code: string, coder: string, line?: number): AgreeCoding {
  return {
    transcript: segment.split(':')[0]!,
    segment,
    speaker: '',
    code,
    coder,
    start: null,
    end: null,
    evidence: [],
    ...(line ? { place: { file: `${coder}.csv`, line } } : {}),
  };
}

const CODES: CodeDef[] = [
  { id: 'barrier', parent: null },
  { id: 'barrier.housing', parent: 'barrier' },
  { id: 'barrier.financial', parent: 'barrier' },
  { id: 'service', parent: null },
];

describe('presence scheme', () => {
  // Two coders, four segments of P1; nobody applies `service`.
  const codings = [
    c('P1:2', 'barrier.housing', 'A'), c('P1:2', 'barrier.housing', 'B'),
    c('P1:4', 'barrier.financial', 'A'), c('P1:4', '', 'B'),
    c('P1:6', '', 'A'), c('P1:6', 'barrier.financial', 'B'),
    c('P1:8', '', 'A'), c('P1:8', '', 'B'),
    c('P1:10', 'other', 'A'),
  ];
  const r = computeAgreement({ codings, codes: CODES }, { bootstrap: 100 });
  const row = (id: string) => r.codes.find((x) => x.code === id)!;

  it('reports every codebook code in order, then codes not in it (noted)', () => {
    expect(r.codes.map((x) => x.code)).toEqual(['barrier', 'barrier.housing', 'barrier.financial', 'service', 'other']);
    expect(row('other').in_codebook).toBe(false);
    expect(r.notes.join(' ')).toMatch(/not in the codebook.*other/);
  });
  it('a parent counts its descendants', () => {
    expect(row('barrier').pairs[0]).toMatchObject({ both: 1, only_first: 1, only_second: 1, neither: 1 });
    expect(row('barrier').cohen_kappa).toBe(0);
  });
  it('a segment one coder never saw is missing, not absent', () => {
    expect(row('other').units).toBe(4);
    expect(row('other').support).toBe(0);
  });
  it('a code nobody applied: agreement 1, every chance-corrected coefficient null with notes, never NaN', () => {
    const s = row('service');
    expect(s.percent_agreement).toBe(1);
    for (const k of ['cohen_kappa', 'scott_pi', 'fleiss_kappa', 'krippendorff_alpha', 'gwet_ac1'] as const) expect(s[k]).toBeNull();
    expect(s.alpha_ci).toBeNull();
    expect(s.notes.join(' ')).toMatch(/cohen_kappa undefined/);
    expect(s.notes.join(' ')).toMatch(/krippendorff_alpha undefined/);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
  it('2×2 tables and Cohen for a leaf; pooled sums the leaf tables; mean over defined leaf codes', () => {
    expect(row('barrier.financial').pairs[0]).toMatchObject({ both: 0, only_first: 1, only_second: 1, neither: 2 });
    // kappa by hand: p_o = .5, p_e = .25·.25 + .75·.75 = .625 → κ = −.125/.375 = −1/3
    expect(row('barrier.financial').cohen_kappa).toBeCloseTo(-1 / 3, 10);
    const pooled = r.overall.pooled.pairs[0]!;
    // Leaves only (housing, financial, service, other): the parent `barrier` would
    // count the housing and financial decisions a second time.
    expect(pooled.both + pooled.only_first + pooled.only_second + pooled.neither).toBe(16);
    expect(pooled).toMatchObject({ both: 1, only_first: 1, only_second: 1, neither: 13 });
    // pooled p_o = 14/16, p_e = (2/16)² + (14/16)² = .78125 → κ = .09375/.21875 = 3/7
    expect(r.overall.pooled.cohen_kappa).toBeCloseTo(3 / 7, 10);
    const kappas = r.codes.filter((x) => x.code !== 'barrier').map((x) => x.cohen_kappa).filter((v): v is number => v !== null);
    expect(r.overall.mean.codes.cohen_kappa).toBe(kappas.length);
    expect(r.overall.mean.cohen_kappa).toBeCloseTo(kappas.reduce((a, b) => a + b, 0) / kappas.length, 12);
  });
});

describe('transcript inputs: every eligible segment of a touched transcript is reviewed', () => {
  const eligible = new Map([
    ['P1', ['P1:2', 'P1:4', 'P1:6']],
    ['P2', ['P2:2', 'P2:4']],
  ]);
  const codings = [c('P1:2', 'x', 'A'), c('P1:2', 'x', 'B'), c('P2:4', 'x', 'B')];
  it('A touched P1 only, B touched both: units are P1’s three segments', () => {
    const r = computeAgreement({ codings, eligible }, { bootstrap: 0 });
    const x = r.codes[0]!;
    expect(x.units).toBe(3);
    expect(x.pairs[0]).toMatchObject({ both: 1, neither: 2, only_first: 0, only_second: 0 });
    expect(x.alpha_ci).toBeNull();
  });
  it('a full-coverage coder (auto) reviewed every transcript', () => {
    const auto = [c('P1:2', 'x', 'auto'), c('P2:2', 'x', 'auto')];
    const r = computeAgreement(
      { codings: [...codings, ...auto], eligible, fullCoverage: ['auto'], coders: ['B', 'auto'] },
      { bootstrap: 0, auto: { coder: 'auto', gold: 'B' } },
    );
    const x = r.codes[0]!;
    const pair = x.pairs.find((p) => p.coders[0] === 'B' && p.coders[1] === 'auto')!;
    expect(pair.units).toBe(5);
    expect(x.auto).toMatchObject({ true_positive: 1, false_positive: 1, false_negative: 1 });
    expect(x.precision).toBeCloseTo(0.5, 10);
    expect(x.recall).toBeCloseTo(0.5, 10);
    expect(x.f1).toBeCloseTo(0.5, 10);
  });
});

describe('category scheme', () => {
  it('two children from one coder on one segment is an error naming both rows', () => {
    const codings = [c('S:1', 'c.1', 'A', 2), c('S:1', 'c.2', 'A', 3), c('S:1', 'c.1', 'B', 2)];
    let e: unknown;
    try {
      computeAgreement({ codings }, { scheme: 'category', parent: 'c' });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(QcodeError);
    expect((e as QcodeError).message).toMatch(/c\.1 \(A\.csv:2\).*c\.2 \(A\.csv:3\)/);
  });
  it('segments without a child from a coder are missing; descendants count for their child', () => {
    const codings = [
      c('S:1', 'c.1', 'A'), c('S:1', 'c.1.deep', 'B'),
      c('S:2', 'c.2', 'A'), c('S:2', '', 'B'),
      c('S:3', 'c.2', 'A'), c('S:3', 'c.2', 'B'),
    ];
    const r = computeAgreement({ codings }, { scheme: 'category', parent: 'c', bootstrap: 0 });
    expect(r.codes).toHaveLength(1);
    expect(r.codes[0]!.units).toBe(2);
    expect(r.codes[0]!.percent_agreement).toBe(1);
  });
  it('needs --parent, a known parent, and two coders', () => {
    expect(() => computeAgreement({ codings: [c('S:1', 'c.1', 'A')] }, {})).toThrow(/two coders/);
    expect(() => computeAgreement({ codings: [c('S:1', 'c.1', 'A'), c('S:1', 'c.1', 'B')] }, { scheme: 'category' })).toThrow(/--parent/);
    expect(() => computeAgreement({ codings: [c('S:1', 'c.1', 'A'), c('S:1', 'c.1', 'B')] }, { parent: 'zz' })).toThrow(/zz/);
  });
});

describe('options', () => {
  const codings = [
    ...['1', '1', '0', '1', '0', '0', '1', '0', '1', '1'].map((v, i) => c(`T:${i + 1}`, v === '1' ? 'x' : '', 'A')),
    ...['1', '0', '0', '1', '0', '1', '1', '0', '1', '0'].map((v, i) => c(`T:${i + 1}`, v === '1' ? 'x' : '', 'B')),
  ];
  it('the bootstrap interval is reproducible and brackets a plausible range', () => {
    const a = computeAgreement({ codings }, {}).codes[0]!.alpha_ci!;
    const b = computeAgreement({ codings }, {}).codes[0]!.alpha_ci!;
    expect(a).toEqual(b);
    expect(a.replicates).toBe(1000);
    expect(a.lower).toBeLessThan(a.upper);
    expect(computeAgreement({ codings }, { seed: 7 }).codes[0]!.alpha_ci).not.toEqual(a);
  });
  it('--min-kappa and --min-alpha flag codes with support below', () => {
    const r = computeAgreement({ codings }, { bootstrap: 0, minKappa: 0.9, minAlpha: 0.1 });
    expect(r.failures.map((f) => f.statistic)).toEqual(['cohen_kappa']);
    expect(r.codes[0]!.below).toEqual(['cohen_kappa']);
    // κ by hand: p_o = .7, p_e = .6·.5 + .4·.5 = .5 → κ = .4, Landis & Koch 'fair'
    expect(r.codes[0]!.cohen_kappa).toBeCloseTo(0.4, 10);
    expect(r.codes[0]!.bands.cohen_kappa).toBe('fair');
  });
  it('--disagreements lists the differing segments with each coder’s value', () => {
    const segments = new Map([['T:2', { transcript: 'T', speaker: 'P', text: 'hello' }]]);
    const r = computeAgreement({ codings, segments }, { bootstrap: 0, disagreements: true });
    const d = r.disagreements![0]!;
    expect(d.segments.map((s) => s.segment)).toEqual(['T:2', 'T:6', 'T:10']);
    expect(d.segments[0]).toMatchObject({ speaker: 'P', text: 'hello', values: { A: 1, B: 0 } });
  });
  it('JSON keys of the issue are all present', () => {
    const r = computeAgreement({ codings }, { bootstrap: 10, version: '0.1.0' });
    expect(Object.keys(r).slice(0, 4)).toEqual(['qcode', 'scheme', 'coders', 'codes']);
    expect(r.qcode).toBe('0.1.0');
    for (const k of ['code', 'units', 'percent_agreement', 'cohen_kappa', 'scott_pi', 'fleiss_kappa', 'krippendorff_alpha', 'gwet_ac1', 'alpha_ci', 'pairs', 'notes']) {
      expect(r.codes[0]).toHaveProperty(k);
    }
    expect(r.overall).toHaveProperty('pooled');
    expect(r.overall).toHaveProperty('mean');
  });
});
