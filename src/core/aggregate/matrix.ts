// The framework matrix: case × code, each cell the segments of that case carrying the
// code or a descendant (or 0/1 with --presence); with --by the cases collapse into
// the groups of one attribute, each cell then "cases with the code / cases in the group".

import type { Code } from '../codebook/model.js';
import type { CodedTranscript } from '../code/pass.js';
import type { Attributes, CodeId, TranscriptId } from '../types.js';
import { compareGroups, groupKey } from './groups.js';
import { rollUp } from './rollup.js';

export interface MatrixGroup {
  /** The attribute's value, or `(missing)`. */
  value: string;
  /** Cases in the group. */
  cases: number;
  /** Per code: cases of the group with at least one segment carrying it. */
  values: number[];
}

export interface MatrixReport {
  /** Transcript ids, in the order of the rows. */
  cases: TranscriptId[];
  codes: CodeId[];
  labels: string[];
  /** `segments` (coded segments per cell) or `presence` (1 when the case has the code). */
  measure: 'segments' | 'presence';
  /** values[case][code]. */
  values: number[][];
  /** Each case's attributes, for the leading columns. */
  attributes: Record<TranscriptId, Attributes>;
  /** The attribute names any case has, sorted. */
  attribute_names: string[];
  /** Per code: cases with at least one segment carrying it (the column's support). */
  case_totals: number[];
  /** With --by: the attribute and its groups. */
  by?: { attribute: string; groups: MatrixGroup[] };
}

export interface MatrixOptions {
  presence?: boolean;
  by?: string;
}

/** The matrix of these codes (already chosen by level) over the coded transcripts, in their order. */
export function caseCodeMatrix(book: Code[], shown: Code[], coded: CodedTranscript[], opts: MatrixOptions = {}): MatrixReport {
  const values = coded.map((t) => {
    const hits = rollUp(book, t.codings);
    return shown.map((c) => {
      const n = hits.segments.get(c.id)?.size ?? 0;
      return opts.presence ? (n > 0 ? 1 : 0) : n;
    });
  });
  const attributes = Object.fromEntries(coded.map((t) => [t.id, t.attributes]));
  const report: MatrixReport = {
    cases: coded.map((t) => t.id),
    codes: shown.map((c) => c.id),
    labels: shown.map((c) => c.label),
    measure: opts.presence ? 'presence' : 'segments',
    values,
    attributes,
    attribute_names: [...new Set(coded.flatMap((t) => Object.keys(t.attributes)))].sort(),
    case_totals: shown.map((_, j) => values.filter((row) => row[j]! > 0).length),
  };
  if (opts.by !== undefined) report.by = { attribute: opts.by, groups: groupRows(opts.by, coded, values, shown.length) };
  return report;
}

function groupRows(by: string, coded: CodedTranscript[], values: number[][], width: number): MatrixGroup[] {
  const groups = new Map<string, MatrixGroup>();
  coded.forEach((t, i) => {
    const value = groupKey(t.attributes[by]);
    let g = groups.get(value);
    if (!g) groups.set(value, (g = { value, cases: 0, values: new Array<number>(width).fill(0) }));
    g.cases++;
    values[i]!.forEach((v, j) => (g!.values[j]! += v > 0 ? 1 : 0));
  });
  return [...groups.values()].sort((a, b) => compareGroups(a.value, b.value));
}
