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
  const rows = new MatrixRows(book, shown, opts);
  for (const t of coded) rows.add(t);
  return rows.report();
}

/** One case's row, as the matrix keeps it: what it needs of the transcript, not its codings. */
interface CaseRow {
  id: TranscriptId;
  attributes: Attributes;
  values: number[];
}

/**
 * The matrix built a transcript at a time, so a report over a corpus keeps a row of numbers
 * per case rather than every coded transcript. Rows come out in the order they were
 * added, or in `order` when given.
 */
export class MatrixRows {
  private readonly rows: CaseRow[] = [];

  constructor(private readonly book: Code[], private readonly shown: Code[], private readonly opts: MatrixOptions = {}) {}

  add(t: CodedTranscript): void {
    const hits = rollUp(this.book, t.codings);
    const values = this.shown.map((c) => {
      const n = hits.segments.get(c.id)?.size ?? 0;
      return this.opts.presence ? (n > 0 ? 1 : 0) : n;
    });
    this.rows.push({ id: t.id, attributes: t.attributes, values });
  }

  report(order?: (a: TranscriptId, b: TranscriptId) => number): MatrixReport {
    const rows = order ? [...this.rows].sort((a, b) => order(a.id, b.id)) : this.rows;
    const values = rows.map((r) => r.values);
    const { shown, opts } = this;
    const report: MatrixReport = {
      cases: rows.map((r) => r.id),
      codes: shown.map((c) => c.id),
      labels: shown.map((c) => c.label),
      measure: opts.presence ? 'presence' : 'segments',
      values,
      attributes: Object.fromEntries(rows.map((r) => [r.id, r.attributes])),
      attribute_names: [...new Set(rows.flatMap((r) => Object.keys(r.attributes)))].sort(),
      case_totals: shown.map((_, j) => values.filter((row) => row[j]! > 0).length),
    };
    if (opts.by !== undefined) report.by = { attribute: opts.by, groups: groupRows(opts.by, rows, shown.length) };
    return report;
  }
}

function groupRows(by: string, rows: CaseRow[], width: number): MatrixGroup[] {
  const groups = new Map<string, MatrixGroup>();
  for (const r of rows) {
    const value = groupKey(r.attributes[by]);
    let g = groups.get(value);
    if (!g) groups.set(value, (g = { value, cases: 0, values: new Array<number>(width).fill(0) }));
    g.cases++;
    r.values.forEach((v, j) => (g!.values[j]! += v > 0 ? 1 : 0));
  }
  return [...groups.values()].sort((a, b) => compareGroups(a.value, b.value));
}
