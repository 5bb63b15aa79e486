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
  const counter = new CooccurCounter(book, shown, opts);
  for (const t of coded) counter.add(t);
  return counter.report();
}

/**
 * Co-occurrence counted a transcript at a time: a segment (or a case) belongs to one
 * transcript, so the units two codes share are the sum of what each transcript shares.
 * A report over a corpus keeps a count per pair of codes, not every coded transcript.
 */
export class CooccurCounter {
  /** counts[i][j]: units carrying shown[i] and shown[j] (the diagonal: carrying shown[i]). */
  private readonly counts: number[][];
  private units = 0;

  constructor(private readonly book: Code[], private readonly shown: Code[], private readonly opts: CooccurOptions) {
    this.counts = shown.map(() => new Array<number>(shown.length).fill(0));
  }

  add(t: CodedTranscript): void {
    const hits = rollUp(this.book, t.codings);
    const unitsOf = this.opts.level === 'segment' ? hits.segments : hits.cases;
    addPairs(this.shown.map((c) => unitsOf.get(c.id) ?? NONE), this.counts);
    this.units += this.opts.level === 'segment' ? t.eligible.length : 1;
  }

  report(): CooccurReport {
    const { shown, opts } = this;
    const keptAt = shown.flatMap((_, i) => (opts.all || this.counts[i]![i]! > 0 ? [i] : []));
    const kept = keptAt.map((i) => shown[i]!);
    const counts = keptAt.map((i) => keptAt.map((j) => this.counts[i]![j]!));
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
      units: this.units,
      matrix, notes,
    };
  }
}

const NONE: ReadonlySet<string> = new Set();

/** Adds |sets[i] ∩ sets[j]| to counts[i][j], by walking each unit once rather than every pair of sets. */
function addPairs(sets: ReadonlySet<string>[], counts: number[][]): void {
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
}
