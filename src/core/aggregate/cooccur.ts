// Code × code co-occurrence: how many segments (or cases) carry both codes, or the
// Jaccard index of the two sets, |A ∩ B| / |A ∪ B|. A unit carrying a code's
// descendant carries the code, as in every report.

import type { Code } from '../codebook/model.js';
import type { CodedTranscript } from '../code/pass.js';
import type { CodeId } from '../types.js';
import { rollUp } from './rollup.js';

export type CooccurLevel = 'segment' | 'case';
export type CooccurMeasure = 'count' | 'jaccard';

export interface CooccurReport {
  level: CooccurLevel;
  measure: CooccurMeasure;
  codes: CodeId[];
  labels: string[];
  /** Per code: segments (or cases) carrying it: the diagonal of the count matrix. */
  support: number[];
  /** Segments eligible for coding (level segment) or cases (level case). */
  units: number;
  /** matrix[i][j]: units carrying both codes (count), or their Jaccard index (null when neither has support). */
  matrix: (number | null)[][];
  notes: string[];
}

export interface CooccurOptions {
  level: CooccurLevel;
  measure: CooccurMeasure;
  /** Keep codes no unit carries (left out by default: an empty row says nothing). */
  all?: boolean;
}

export function cooccurrence(book: Code[], shown: Code[], coded: CodedTranscript[], opts: CooccurOptions): CooccurReport {
  const hits = rollUp(book, coded.flatMap((t) => t.codings));
  const unitsOf = opts.level === 'segment' ? hits.segments : hits.cases;
  const kept = shown.filter((c) => opts.all || (unitsOf.get(c.id)?.size ?? 0) > 0);
  const counts = pairCounts(kept.map((c) => unitsOf.get(c.id) ?? new Set<string>()));
  const support = kept.map((_, i) => counts[i]![i]!);
  const notes: string[] = [];
  const matrix = counts.map((row, i) => row.map((both, j) => {
    if (opts.measure === 'count') return both;
    const union = support[i]! + support[j]! - both;
    return union === 0 ? null : both / union;
  }));
  if (opts.measure === 'jaccard' && matrix.some((r) => r.includes(null))) {
    notes.push('jaccard is null where neither code has support (0/0)');
  }
  const left = shown.length - kept.length;
  if (left > 0) notes.push(`${left} code${left === 1 ? '' : 's'} with no ${opts.level === 'segment' ? 'coded segment' : 'case'} left out (--all keeps them)`);
  return {
    level: opts.level, measure: opts.measure,
    codes: kept.map((c) => c.id), labels: kept.map((c) => c.label), support,
    units: opts.level === 'segment' ? coded.reduce((n, t) => n + t.eligible.length, 0) : coded.length,
    matrix, notes,
  };
}

/** counts[i][j] = |sets[i] ∩ sets[j]|, by walking each unit once rather than every pair of sets. */
function pairCounts(sets: Set<string>[]): number[][] {
  const counts = sets.map(() => new Array<number>(sets.length).fill(0));
  const codesOf = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const unit of set) {
      const list = codesOf.get(unit);
      if (list) list.push(i);
      else codesOf.set(unit, [i]);
    }
  });
  for (const list of codesOf.values()) {
    for (const i of list) for (const j of list) counts[i]![j]!++;
  }
  return counts;
}
