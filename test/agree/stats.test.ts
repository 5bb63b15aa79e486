// Coefficients against published values, computed straight from the stats module.
// Each dataset is quoted with its source; the same data are in test/fixtures/agree/
// as codings files (see fixtures.test.ts for the CLI-shaped path).
import { describe, expect, it } from 'vitest';
import {
  cohenKappaOf,
  fleissKappa,
  gwetAC1,
  krippendorffAlpha,
  percentAgreementOf,
  scottPiOf,
  coefficients,
  type Ratings,
} from '../../src/core/agree/index.js';

/** A 2-coder contingency table (rows: coder 1, columns: coder 2) as units × coders. */
function fromTable(t: number[][], labels: string[]): Ratings {
  const out: Ratings = [];
  t.forEach((row, i) => row.forEach((n, j) => {
    for (let k = 0; k < n; k++) out.push([labels[i]!, labels[j]!]);
  }));
  return out;
}

/** Subject × category counts (Fleiss layout) as units × raters, raters filled in category order. */
function fromCounts(rows: number[][]): Ratings {
  return rows.map((r) => r.flatMap((n, c) => Array.from({ length: n }, () => String(c + 1))));
}

const joint = (r: Ratings): [string, string][] => r.map((u) => [u[0]!, u[1]!]);
const N = null;

describe('Krippendorff (2011) "Computing Krippendorff\'s Alpha-Reliability", section C', () => {
  // 4 observers × 12 units, values 1–5, missing data; published nominal α = 0.743.
  // Unit 12 has one value only and is unpairable. Same data: Gwet (2014) p. 120 and
  // irrCAC `cac.raw4raters`, whose gwet.ac1.raw gives AC1 = 0.77544 (pa 0.81818, pe 0.19032).
  const data: Ratings = [
    ['1', '1', N, '1'], ['2', '2', '3', '2'], ['3', '3', '3', '3'], ['3', '3', '3', '3'],
    ['2', '2', '2', '2'], ['1', '2', '3', '4'], ['4', '4', '4', '4'], ['1', '1', '2', '1'],
    ['2', '2', '2', '2'], [N, '5', '5', '5'], [N, N, '1', '1'], [N, N, '3', N],
  ];
  it('nominal alpha = 0.743 (0.7434210526 exactly: 1 − 39·(n−1)… by coincidence matrix)', () => {
    expect(krippendorffAlpha(data).value).toBeCloseTo(0.743421, 4);
  });
  it('Gwet AC1 = 0.77544 as published by irrCAC, with p_a and p_e', () => {
    const g = gwetAC1(data, ['1', '2', '3', '4', '5']);
    expect(g.value).toBeCloseTo(0.77544, 4);
    expect(g.p_a).toBeCloseTo(0.81818, 4);
    expect(g.p_e).toBeCloseTo(0.19032, 4);
  });
  it('Fleiss is null with a note (units carry 2, 3 or 4 ratings)', () => {
    const f = fleissKappa(data);
    expect(f.value).toBeNull();
    expect(f.note).toMatch(/same number of ratings/);
  });
  it('units = 11 pairable; Light kappa and mean pairwise agreement (independently computed, reference.py)', () => {
    const c = coefficients(data, ['A', 'B', 'C', 'D'], ['1', '2', '3', '4', '5']);
    expect(c.units).toBe(11);
    expect(c.cohen_kappa.value).toBeCloseTo(0.7001626371, 4);
    expect(c.percent_agreement.value).toBeCloseTo(0.7782407407, 4);
    expect(c.scott_pi.value).toBeNull();
  });
});

describe('Fleiss kappa, Wikipedia example (10 subjects × 14 raters × 5 categories)', () => {
  // https://en.wikipedia.org/wiki/Fleiss%27_kappa#Worked_example : P̄ = 0.378, P_e = 0.213, κ = 0.210;
  // p_j = 0.143, 0.200, 0.279, 0.150, 0.229; statsmodels' test gives 0.20993070442195522.
  const table = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
  ];
  it('kappa = 0.210, P̄ = 0.378, P_e = 0.213', () => {
    const f = fleissKappa(fromCounts(table));
    expect(f.value).toBeCloseTo(0.2099307044, 4);
    expect(f.p_bar).toBeCloseTo(0.378022, 4);
    expect(f.p_e).toBeCloseTo(0.212755, 4);
  });
  it('P_i per subject and p_j per category as in the worked example', () => {
    const Pi = table.map((r) => (r.reduce((s, n) => s + n * n, 0) - 14) / (14 * 13));
    expect(Pi.map((x) => Number(x.toFixed(3)))).toEqual([1, 0.253, 0.308, 0.44, 0.33, 0.462, 0.242, 0.176, 0.286, 0.286]);
    const pj = [0, 1, 2, 3, 4].map((c) => table.reduce((s, r) => s + r[c]!, 0) / 140);
    expect(pj.map((x) => Number(x.toFixed(3)))).toEqual([0.143, 0.2, 0.279, 0.15, 0.229]);
  });
});

describe('Fleiss (1971) Table 1: 30 patients × 6 psychiatrists × 5 diagnoses', () => {
  // Data as in R irr `diagnoses` / statsmodels test_inter_rater.py. kappam.fleiss = 0.4302445;
  // kappam.light (mean pairwise Cohen) = 0.459 (irr manual).
  const d = [
    '444444', '222555', '233335', '555555', '222444', '113333', '333355', '113334', '114444', '555555',
    '144444', '124444', '222333', '144444', '224445', '333335', '111455', '111112', '224444', '133555',
    '555555', '244444', '224555', '114444', '144445', '222224', '111155', '224444', '133333', '555555',
  ].map((s) => s.split(''));
  it('Fleiss kappa = 0.4302445', () => expect(fleissKappa(d).value).toBeCloseTo(0.4302445, 6));
  it("Light's kappa = 0.459", () => {
    const c = coefficients(d, ['1', '2', '3', '4', '5', '6'], []);
    expect(c.cohen_kappa.value).toBeCloseTo(0.4594121444, 4);
    expect(c.cohen_kappa.value).toBeCloseTo(0.459, 3);
  });
});

describe("Cohen's kappa textbook examples", () => {
  it('Wikipedia, 50 grant proposals: p_o = 0.7, p_e = 0.5, kappa = 0.40', () => {
    const j = joint(fromTable([[20, 5], [10, 15]], ['yes', 'no']));
    expect(percentAgreementOf(j).value).toBeCloseTo(0.7, 10);
    expect(cohenKappaOf(j).value).toBeCloseTo(0.4, 10);
  });
  it('Wikipedia paradox tables: same p_o = 0.60, kappa 0.1304 and 0.2593', () => {
    // κ1 = (0.60 − 0.54)/(1 − 0.54) = 0.130435; κ2 = (0.60 − 0.46)/(1 − 0.46) = 0.259259 (by hand)
    expect(cohenKappaOf(joint(fromTable([[45, 15], [25, 15]], ['y', 'n']))).value).toBeCloseTo(0.1304348, 4);
    expect(cohenKappaOf(joint(fromTable([[25, 35], [5, 35]], ['y', 'n']))).value).toBeCloseTo(0.2592593, 4);
  });
  it('Feinstein & Cicchetti (1990) prevalence paradox: p_o = 0.85 in both, kappa 0.70 vs 0.32; AC1 0.70 vs 0.81', () => {
    const a = fromTable([[40, 9], [6, 45]], ['y', 'n']);
    const b = fromTable([[80, 10], [5, 5]], ['y', 'n']);
    expect(cohenKappaOf(joint(a)).value).toBeCloseTo(0.6995192308, 4);
    expect(cohenKappaOf(joint(b)).value).toBeCloseTo(0.3181818182, 4);
    // AC1 by hand: π_y = (0.9 + 0.85)/2 = 0.875, p_e = 2·0.875·0.125 = 0.21875, AC1 = (0.85 − 0.21875)/0.78125 = 0.808
    expect(gwetAC1(b, ['y', 'n']).value).toBeCloseTo(0.808, 6);
    expect(gwetAC1(a, ['y', 'n']).value).toBeCloseTo(0.7007481297, 4);
  });
  it('SAS PROC FREQ example (statsmodels table10): kappa = 0.4842', () => {
    expect(cohenKappaOf(joint(fromTable([[0, 4, 1], [0, 8, 0], [0, 1, 5]], ['1', '2', '3']))).value).toBeCloseTo(0.4842, 4);
  });
});

describe('Artstein & Poesio (2008), stat/ireq/chck example (100 utterances, 2 coders)', () => {
  // Published: A_o = 0.88, pi = 0.7995, kappa = 0.8013, alpha = 0.8005
  // (NLTK artstein_poesio_example.txt: pi 0.7995322418977615, kappa 0.8013245033112583, alpha 0.8005345806882727).
  const r = fromTable([[46, 0, 0], [6, 32, 6], [0, 0, 10]], ['stat', 'ireq', 'chck']);
  it('A_o, pi, kappa, alpha', () => {
    expect(percentAgreementOf(joint(r)).value).toBeCloseTo(0.88, 10);
    expect(scottPiOf(joint(r)).value).toBeCloseTo(0.7995322419, 6);
    expect(cohenKappaOf(joint(r)).value).toBeCloseTo(0.8013245033, 6);
    expect(krippendorffAlpha(r).value).toBeCloseTo(0.8005345807, 6);
  });
  it('Table 1 (stat/ireq, A_o = 0.7): kappa 0.3478, pi 0.3407 (computed by hand)', () => {
    // p_e(κ) = .3·.4 + .7·.6 = .54 → κ = .16/.46; p_e(π) = .35² + .65² = .545 → π = .155/.455
    const t = joint(fromTable([[20, 20], [10, 50]], ['stat', 'ireq']));
    expect(percentAgreementOf(t).value).toBeCloseTo(0.7, 10);
    expect(cohenKappaOf(t).value).toBeCloseTo(0.16 / 0.46, 6);
    expect(scottPiOf(t).value).toBeCloseTo(0.155 / 0.455, 6);
  });
});

describe('Gwet (2014) / irrCAC vignette: cont3x3abstractors (100 pregnancies, 2 abstractors)', () => {
  // kappa2.table 0.7964094, scott2.table 0.7962397, gwet.ac1.table 0.8493305, krippen2.table 0.7972585, pa 0.89
  const r = fromTable([[13, 0, 0], [0, 20, 7], [0, 4, 56]], ['ect', 'aiu', 'niu']);
  it('all five coefficients', () => {
    expect(percentAgreementOf(joint(r)).value).toBeCloseTo(0.89, 10);
    expect(cohenKappaOf(joint(r)).value).toBeCloseTo(0.7964094, 6);
    expect(scottPiOf(joint(r)).value).toBeCloseTo(0.7962397, 6);
    expect(gwetAC1(r, ['ect', 'aiu', 'niu']).value).toBeCloseTo(0.8493305, 6);
    expect(krippendorffAlpha(r).value).toBeCloseTo(0.7972585, 6);
  });
});

describe('Krippendorff (2011) sections A and B', () => {
  it('A: binary, 2 observers, 10 units: alpha = 0.095', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const r: Ratings = a.map((x, i) => [String(x), String(b[i])]);
    // by hand: o_01 = 4, n_0 = 14, n_1 = 6, n = 20 → α = 1 − 19·4/(14·6) = 0.0952
    expect(krippendorffAlpha(r).value).toBeCloseTo(1 - 76 / 84, 10);
    expect(krippendorffAlpha(r).value).toBeCloseTo(0.095, 3);
  });
  it('B: nominal, 2 observers, 12 units: alpha = 0.692', () => {
    const a = 'a a b b d c c c e d d a'.split(' ');
    const b = 'b a b b b c c c e d d d'.split(' ');
    expect(krippendorffAlpha(a.map((x, i) => [x, b[i]!])).value).toBeCloseTo(0.6919642857, 4);
  });
});

describe('Gwet (2014) p. 125 / irrCAC raw_5observers (15 units, 5 observers, missing)', () => {
  // irrCAC: gwet.ac1.raw 0.497 (pa 0.616, pe 0.236), krippen.alpha.raw 0.481
  const data: Ratings = [
    ['1', '1', '2', N, '2'], ['1', '1', '0', '1', N], ['2', '3', '3', '3', N], [N, '0', '0', N, '0'], ['0', '0', '0', N, '0'],
    ['0', '0', '0', N, '0'], ['1', '0', '2', N, '1'], ['1', N, '2', '0', N], ['2', '2', '2', N, '2'], ['2', '1', '1', '1', N],
    [N, '1', '0', '0', N], ['0', '0', '0', '0', N], ['1', '2', '2', '2', N], ['3', '3', '2', '2', '3'], ['1', '1', '1', N, '1'],
  ];
  it('AC1 = 0.497 and alpha = 0.481', () => {
    const g = gwetAC1(data, ['0', '1', '2', '3']);
    expect(g.value).toBeCloseTo(0.4966220549, 4);
    expect(g.p_a).toBeCloseTo(0.616, 3);
    expect(g.p_e).toBeCloseTo(0.236, 3);
    expect(krippendorffAlpha(data).value).toBeCloseTo(0.4805302403, 4);
  });
});

describe('irrCAC raw_gender (15 units, 4 raters, complete)', () => {
  // irrCAC tests: fleiss 0.129 (pa 0.456, pe 0.375), gwet 0.208, krippendorff 0.143
  const cols = ['a a a a a b b b c a a a a a b', 'a a a a b a b c c a a a a b a', 'a b b c a a b b c a b b c a a', 'c c c c a a b b c c c c c a a'].map((s) => s.split(' '));
  const data: Ratings = cols[0]!.map((_, i) => cols.map((c) => c[i]!));
  it('Fleiss 0.129, AC1 0.208, alpha 0.143, mean pairwise agreement 0.456', () => {
    const c = coefficients(data, ['1', '2', '3', '4'], ['a', 'b', 'c']);
    expect(c.fleiss_kappa.value).toBeCloseTo(0.1288888889, 4);
    expect(c.gwet_ac1.value).toBeCloseTo(0.2080808081, 4);
    expect(c.krippendorff_alpha.value).toBeCloseTo(0.1434074074, 4);
    expect(c.percent_agreement.value).toBeCloseTo(0.4555555556, 4);
  });
});

describe('undefined stays null', () => {
  it('no variation: kappa, pi, Fleiss, alpha and AC1 are null with notes; agreement is 1', () => {
    const r: Ratings = Array.from({ length: 5 }, () => ['0', '0']);
    const c = coefficients(r, ['A', 'B'], ['1', '0']);
    expect(c.percent_agreement.value).toBe(1);
    for (const s of [c.cohen_kappa, c.scott_pi, c.fleiss_kappa, c.krippendorff_alpha, c.gwet_ac1]) {
      expect(s.value).toBeNull();
      expect(s.note).toBeTruthy();
    }
  });
  it('no jointly rated unit: everything null', () => {
    const r: Ratings = [['1', N], [N, '0']];
    const c = coefficients(r, ['A', 'B'], ['1', '0']);
    expect(c.units).toBe(0);
    expect(c.percent_agreement.value).toBeNull();
    expect(c.cohen_kappa.value).toBeNull();
    expect(c.krippendorff_alpha.value).toBeNull();
    expect(c.gwet_ac1.value).toBeNull();
  });
  it('kappa is 0 (not null) when each coder uses a different single value', () => {
    expect(cohenKappaOf([['a', 'b'], ['a', 'b']]).value).toBe(0);
  });
  it("Light's kappa is null when one pair's kappa is undefined", () => {
    const r: Ratings = [['0', '0', '1'], ['0', '0', '0'], ['0', '0', '1']];
    const c = coefficients(r, ['A', 'B', 'C'], ['1', '0']);
    expect(c.cohen_kappa.value).toBeNull();
    expect(c.cohen_kappa.note).toMatch(/A–B/);
  });
});
