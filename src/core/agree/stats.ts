// Agreement coefficients over a ratings matrix: one row per unit, one column per
// coder, each cell a nominal value or null (missing). Pure arithmetic, no I/O.
//
// Which units each coefficient uses (see README "Units and missing data"):
// - pairwise statistics (percent agreement, Cohen, Scott) use the units both coders
//   of the pair rated;
// - Fleiss and Krippendorff use the *pairable* units: rated by at least two coders;
// - Gwet's AC1 follows Gwet (2014, ch. 2; irrCAC `gwet.ac1.raw`): observed agreement
//   over the pairable units, chance agreement from every unit rated at least once.
// A coefficient that would be 0/0 (no variation) is null with a note, never 1 or NaN.

export type Value = string;
/** units × coders; null = this coder gave this unit no value. */
export type Ratings = (Value | null)[][];

/** A number, or null with the reason it is undefined. */
export interface Stat {
  value: number | null;
  note?: string;
}

const ok = (value: number): Stat => ({ value });
const undef = (note: string): Stat => ({ value: null, note });

/** Values a unit received, in coder order, missing ones left out. */
export function unitValues(row: readonly (Value | null)[]): Value[] {
  const out: Value[] = [];
  for (const v of row) if (v !== null) out.push(v);
  return out;
}

/**
 * Units rated by at least two coders (the ones that can show agreement). A row shared by
 * many units (presence tables share one frozen row per pattern of values) gives one list,
 * shared too: a large study's pooled table is millions of units and a handful of patterns.
 */
export function pairableUnits(ratings: Ratings): Value[][] {
  const out: Value[][] = [];
  const shared = new Map<readonly (Value | null)[], Value[]>();
  for (const row of ratings) {
    let vs = Object.isFrozen(row) ? shared.get(row) : undefined;
    if (vs === undefined) {
      vs = unitValues(row);
      if (Object.isFrozen(row)) shared.set(row, vs);
    }
    if (vs.length >= 2) out.push(vs);
  }
  return out;
}


function countBy(values: readonly Value[]): Map<Value, number> {
  const m = new Map<Value, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

// ---------------------------------------------------------------- two coders --

/** The (first, second) values of the units both coders rated. */
export function jointValues(ratings: Ratings, i: number, j: number): [Value, Value][] {
  const out: [Value, Value][] = [];
  for (const row of ratings) {
    const a = row[i] ?? null;
    const b = row[j] ?? null;
    if (a !== null && b !== null) out.push([a, b]);
  }
  return out;
}

export function percentAgreementOf(joint: readonly [Value, Value][]): Stat {
  if (joint.length === 0) return undef('no units rated by both coders');
  let same = 0;
  for (const [a, b] of joint) if (a === b) same++;
  return ok(same / joint.length);
}

/**
 * Cohen (1960): κ = (p_o − p_e) / (1 − p_e), p_e = Σ_k p_{1k} p_{2k} from each coder's
 * own marginals over the jointly rated units.
 */
export function cohenKappaOf(joint: readonly [Value, Value][]): Stat {
  const n = joint.length;
  if (n === 0) return undef('no units rated by both coders');
  const first = countBy(joint.map((p) => p[0]));
  const second = countBy(joint.map((p) => p[1]));
  let same = 0;
  for (const [a, b] of joint) if (a === b) same++;
  // Integer arithmetic for the 0/0 test: p_e = 1 exactly when Σ n1k n2k = n².
  let cross = 0;
  for (const [k, c1] of first) cross += c1 * (second.get(k) ?? 0);
  if (cross === n * n) {
    return undef('both coders gave every unit the same single value (expected agreement = 1, so kappa is 0/0)');
  }
  const po = same / n;
  const pe = cross / (n * n);
  return ok((po - pe) / (1 - pe));
}

/**
 * Scott (1955): π = (p_o − p_e) / (1 − p_e), p_e = Σ_k ((n_{1k} + n_{2k}) / 2n)², one
 * pooled distribution for both coders, over the jointly rated units.
 */
export function scottPiOf(joint: readonly [Value, Value][]): Stat {
  const n = joint.length;
  if (n === 0) return undef('no units rated by both coders');
  const pooled = countBy(joint.flatMap((p) => [p[0], p[1]]));
  let same = 0;
  for (const [a, b] of joint) if (a === b) same++;
  if (pooled.size <= 1) return undef('every rating is the same value (expected agreement = 1, so pi is 0/0)');
  let sq = 0;
  for (const c of pooled.values()) sq += c * c;
  const pe = sq / (4 * n * n);
  return ok((same / n - pe) / (1 - pe));
}

// ------------------------------------------------------------- many coders --

/**
 * Fleiss (1971), for units that all carry the same number m ≥ 2 of ratings:
 * P_i = (Σ_j n_ij² − m) / (m(m − 1)), P̄ = mean P_i, p_j = Σ_i n_ij / (N m),
 * P_e = Σ_j p_j², κ = (P̄ − P_e) / (1 − P_e). Uses the pairable units only.
 */
export function fleissKappa(ratings: Ratings): Stat & { p_bar?: number; p_e?: number } {
  const units = pairableUnits(ratings);
  if (units.length === 0) return undef('no unit was rated by two or more coders');
  const sizes = new Set(units.map((u) => u.length));
  if (sizes.size > 1) {
    const list = [...sizes].sort((a, b) => a - b).join(', ');
    return undef(`fleiss_kappa is defined only when every unit has the same number of ratings; units here have ${list} ratings (use krippendorff_alpha)`);
  }
  const m = units[0]!.length;
  const N = units.length;
  const totals = new Map<Value, number>();
  let sumP = 0;
  for (const u of units) {
    const counts = countBy(u);
    let sq = 0;
    for (const [k, c] of counts) {
      sq += c * c;
      totals.set(k, (totals.get(k) ?? 0) + c);
    }
    sumP += (sq - m) / (m * (m - 1));
  }
  if (totals.size <= 1) return undef('every rating is the same value (expected agreement = 1, so kappa is 0/0)');
  let sqTot = 0;
  for (const c of totals.values()) sqTot += c * c;
  const pBar = sumP / N;
  const pE = sqTot / (N * m * (N * m));
  return { value: (pBar - pE) / (1 - pE), p_bar: pBar, p_e: pE };
}

/**
 * Per-unit summary that Krippendorff's α needs, so the bootstrap can resample units
 * without rebuilding the coincidence matrix: m_u values, the unit's share of the
 * matrix diagonal Σ_c n_uc(n_uc − 1)/(m_u − 1), and its value counts (by index).
 */
export interface AlphaUnit {
  m: number;
  agree: number;
  cats: number[];
  counts: number[];
}

export interface AlphaData {
  /** Number of distinct values (indices 0..k-1). */
  k: number;
  units: AlphaUnit[];
}

export function alphaUnits(ratings: Ratings): AlphaData {
  const index = new Map<Value, number>();
  // A list shared by many units (see pairableUnits) is worked out once.
  const shared = new Map<Value[], AlphaUnit>();
  const units = pairableUnits(ratings).map((vs) => {
    const known = shared.get(vs);
    if (known) return known;
    const unit = alphaUnit(vs, index);
    shared.set(vs, unit);
    return unit;
  });
  return { k: index.size, units };
}

/** One unit's values as α counts them; `index` numbers the values in the order first met. */
function alphaUnit(vs: readonly Value[], index: Map<Value, number>): AlphaUnit {
  const counts = countBy(vs);
  let pairs = 0;
  const cats: number[] = [];
  const cs: number[] = [];
  for (const [v, c] of counts) {
    pairs += c * (c - 1);
    let k = index.get(v);
    if (k === undefined) index.set(v, (k = index.size));
    cats.push(k);
    cs.push(c);
  }
  return { m: vs.length, agree: pairs / (vs.length - 1), cats, counts: cs };
}

/**
 * Krippendorff's α, nominal, coincidence-matrix form (Krippendorff 2011):
 * o_ck = Σ_u (number of c–k pairs in u) / (m_u − 1) over pairable units, n_c = Σ_k o_ck,
 * n = Σ_c n_c, α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.
 */
export function alphaFromUnits(k: number, units: readonly AlphaUnit[]): Stat {
  if (units.length === 0) return undef('no unit was rated by two or more coders (no pairable values)');
  let n = 0;
  let diag = 0;
  const nc = new Float64Array(k);
  for (const u of units) {
    n += u.m;
    diag += u.agree;
    for (let x = 0; x < u.cats.length; x++) {
      const ci = u.cats[x] as number;
      nc[ci] = (nc[ci] as number) + (u.counts[x] as number);
    }
  }
  let used = 0;
  let sq = 0;
  for (let x = 0; x < k; x++) {
    const c = nc[x] as number;
    if (c > 0) used++;
    sq += c * c;
  }
  if (used <= 1) return undef('every pairable value is the same (expected disagreement = 0, so alpha is 0/0)');
  const observed = n - diag; // Σ_{c≠k} o_ck
  const expected = n * n - sq; // Σ_{c≠k} n_c n_k
  return ok(1 - ((n - 1) * observed) / expected);
}

export function krippendorffAlpha(ratings: Ratings): Stat {
  const d = alphaUnits(ratings);
  return alphaFromUnits(d.k, d.units);
}

/**
 * Gwet's AC1 (Gwet 2008; multi-rater form with missing ratings, Gwet 2014 ch. 2,
 * as in irrCAC `gwet.ac1.raw`):
 *   p_a = mean over units with r_i ≥ 2 of Σ_k r_ik (r_ik − 1) / (r_i (r_i − 1)),
 *   π_k = mean over units with r_i ≥ 1 of r_ik / r_i,
 *   p_e = Σ_k π_k (1 − π_k) / (Q − 1),   AC1 = (p_a − p_e) / (1 − p_e),
 * with Q the number of categories available (the codebook's, else those used).
 * For two coders and complete data this is the standard two-rater AC1.
 */
export function gwetAC1(ratings: Ratings, categories: readonly Value[]): Stat & { p_a?: number; p_e?: number } {
  const rated = ratings.map(unitValues).filter((u) => u.length >= 1);
  const pairable = rated.filter((u) => u.length >= 2);
  if (pairable.length === 0) return undef('no unit was rated by two or more coders');
  const cats = new Set<Value>(categories);
  for (const u of rated) for (const v of u) cats.add(v);
  const Q = cats.size;
  const used = new Set<Value>();
  for (const u of rated) for (const v of u) used.add(v);
  if (used.size <= 1) {
    return undef('every rating is the same value: there is no variation to assess (AC1 is not reported where kappa and alpha are 0/0)');
  }
  let pa = 0;
  for (const u of pairable) {
    let s = 0;
    for (const c of countBy(u).values()) s += c * (c - 1);
    pa += s / (u.length * (u.length - 1));
  }
  pa /= pairable.length;
  const pi = new Map<Value, number>();
  for (const u of rated) for (const [k, c] of countBy(u)) pi.set(k, (pi.get(k) ?? 0) + c / u.length);
  let s = 0;
  for (const v of pi.values()) {
    const p = v / rated.length;
    s += p * (1 - p);
  }
  const pe = s / (Q - 1);
  return { value: (pa - pe) / (1 - pe), p_a: pa, p_e: pe };
}

// ------------------------------------------------------------------ pairs --

export interface PairStats {
  i: number;
  j: number;
  units: number;
  percent_agreement: Stat;
  cohen_kappa: Stat;
  scott_pi: Stat;
}

export function pairStats(ratings: Ratings, i: number, j: number): PairStats {
  const joint = jointValues(ratings, i, j);
  return {
    i,
    j,
    units: joint.length,
    percent_agreement: percentAgreementOf(joint),
    cohen_kappa: cohenKappaOf(joint),
    scott_pi: scottPiOf(joint),
  };
}

export function allPairs(ratings: Ratings, coders: number): PairStats[] {
  const out: PairStats[] = [];
  for (let i = 0; i < coders; i++) for (let j = i + 1; j < coders; j++) out.push(pairStats(ratings, i, j));
  return out;
}

/** Mean of a pairwise statistic over the pairs that rated units together (Light 1971 for κ). */
export function meanOverPairs(pairs: readonly PairStats[], pick: (p: PairStats) => Stat, name: string, names: readonly string[]): Stat {
  const withUnits = pairs.filter((p) => p.units > 0);
  if (withUnits.length === 0) return undef(`${name} undefined: no two coders rated a unit in common`);
  const undefinedPairs = withUnits.filter((p) => pick(p).value === null);
  if (undefinedPairs.length > 0) {
    const list = undefinedPairs.map((p) => `${names[p.i]}–${names[p.j]} (${pick(p).note})`).join('; ');
    return undef(`${name} undefined: the mean over pairs needs every pair's value, and it is undefined for ${list}`);
  }
  let s = 0;
  for (const p of withUnits) s += pick(p).value as number;
  return ok(s / withUnits.length);
}

// ------------------------------------------------------------------ bundle --

export interface CoefficientSet {
  units: number;
  percent_agreement: Stat;
  cohen_kappa: Stat;
  scott_pi: Stat;
  fleiss_kappa: Stat;
  krippendorff_alpha: Stat;
  gwet_ac1: Stat;
  pairs: PairStats[];
}

/**
 * Every coefficient for one ratings matrix. With two coders, cohen_kappa is Cohen's κ
 * and percent_agreement that pair's; with three or more, both are the means over
 * pairs (Light's kappa), scott_pi is null and Fleiss' κ is its many-coder form.
 */
export function coefficients(ratings: Ratings, coderNames: readonly string[], categories: readonly Value[]): CoefficientSet {
  const m = coderNames.length;
  const pairs = allPairs(ratings, m);
  const units = pairableUnits(ratings).length;
  const skipped = pairs.filter((p) => p.units === 0);
  let percent: Stat;
  let kappa: Stat;
  let scott: Stat;
  if (m === 2) {
    const p = pairs[0]!;
    percent = p.percent_agreement;
    kappa = p.cohen_kappa;
    scott = p.scott_pi;
  } else {
    percent = meanOverPairs(pairs, (p) => p.percent_agreement, 'percent_agreement', coderNames);
    kappa = meanOverPairs(pairs, (p) => p.cohen_kappa, "cohen_kappa (Light's mean of pairwise kappas)", coderNames);
    scott = undef(`scott_pi is defined for two coders; with ${m} coders see fleiss_kappa (its many-coder form)`);
    if (skipped.length > 0 && percent.value !== null) {
      const list = skipped.map((p) => `${coderNames[p.i]}–${coderNames[p.j]}`).join(', ');
      percent = { value: percent.value, note: `pairs with no unit in common are left out of the means over pairs: ${list}` };
      if (kappa.value !== null) kappa = { value: kappa.value, note: percent.note };
    }
  }
  return {
    units,
    percent_agreement: percent,
    cohen_kappa: kappa,
    scott_pi: scott,
    fleiss_kappa: fleissKappa(ratings),
    krippendorff_alpha: krippendorffAlpha(ratings),
    gwet_ac1: gwetAC1(ratings, categories),
    pairs,
  };
}

/** The presence 2×2 table of coders i and j over the units both rated. */
export function twoByTwo(ratings: Ratings, i: number, j: number): { both: number; only_first: number; only_second: number; neither: number } {
  let both = 0;
  let onlyFirst = 0;
  let onlySecond = 0;
  let neither = 0;
  for (const row of ratings) {
    const a = row[i] ?? null;
    const b = row[j] ?? null;
    if (a === null || b === null) continue;
    if (a === '1' && b === '1') both++;
    else if (a === '1') onlyFirst++;
    else if (b === '1') onlySecond++;
    else neither++;
  }
  return { both, only_first: onlyFirst, only_second: onlySecond, neither };
}
