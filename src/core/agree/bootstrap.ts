// A reproducible percentile bootstrap for Krippendorff's α: resample the pairable
// units with replacement (mulberry32, fixed seed), recompute α on each resample and
// take the 2.5th and 97.5th percentiles (linear interpolation between order
// statistics, Hyndman & Fan type 7). Same inputs, same seed → same interval.

import { alphaFromUnits, type AlphaData, type AlphaUnit } from './stats.js';

export const DEFAULT_REPLICATES = 1000;
export const DEFAULT_SEED = 20110101;

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Quantile of sorted values, type 7 (the default of R and numpy). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

export interface AlphaInterval {
  lower: number;
  upper: number;
  level: number;
  method: 'percentile bootstrap over units';
  /** Resamples drawn. */
  replicates: number;
  /** Resamples where α was defined (a resample with a single value has none). */
  defined: number;
  seed: number;
}

export interface BootstrapResult {
  ci: AlphaInterval | null;
  note?: string;
}

export function bootstrapAlpha(data: AlphaData, replicates = DEFAULT_REPLICATES, seed = DEFAULT_SEED, level = 0.95): BootstrapResult {
  if (replicates <= 0) return { ci: null, note: 'alpha_ci not computed (--bootstrap 0)' };
  const { k, units } = data;
  if (alphaFromUnits(k, units).value === null) return { ci: null, note: 'alpha_ci undefined: alpha itself is undefined' };
  if (units.length < 2) return { ci: null, note: 'alpha_ci undefined: fewer than two pairable units to resample' };
  const rand = mulberry32(seed);
  const n = units.length;
  const values: number[] = [];
  const sample: AlphaUnit[] = new Array<AlphaUnit>(n);
  for (let r = 0; r < replicates; r++) {
    for (let i = 0; i < n; i++) sample[i] = units[Math.floor(rand() * n)] as AlphaUnit;
    const a = alphaFromUnits(k, sample).value;
    if (a !== null) values.push(a);
  }
  if (values.length === 0) return { ci: null, note: 'alpha_ci undefined: alpha was undefined in every resample' };
  values.sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  const ci: AlphaInterval = {
    lower: quantileSorted(values, tail),
    upper: quantileSorted(values, 1 - tail),
    level,
    method: 'percentile bootstrap over units',
    replicates,
    defined: values.length,
    seed,
  };
  const skipped = replicates - values.length;
  return skipped > 0
    ? { ci, note: `alpha_ci: ${skipped} of ${replicates} resamples had a single value (no alpha) and were left out` }
    : { ci };
}
