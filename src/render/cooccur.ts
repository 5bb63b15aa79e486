// Code × code co-occurrence as a table, CSV (a square matrix with a header row) and JSON.

import type { CooccurReport } from '../core/aggregate/cooccur.js';
import type { CodebookRef } from '../core/aggregate/freq.js';
import type { Unit } from '../core/types.js';
import type { CooccurResult } from '../study/cooccur.js';
import { renderCsv } from './csv.js';
import type { TableModel } from './model.js';
import { fixed } from './text.js';

export function cooccurTable(r: CooccurResult): TableModel {
  const m = r.report;
  const value = (v: number | null): string => (v === null ? '–' : m.measure === 'count' ? String(v) : fixed(v, 2));
  const unit = m.level === 'segment' ? 'segments' : 'cases';
  const what = m.measure === 'count' ? `${unit} carrying both codes` : `Jaccard index of the ${unit} carrying each code`;
  const numbered = m.codes.map((_, i) => ({ header: String(i + 1), align: 'right' as const }));
  return {
    title: `Co-occurrence — ${what} (${m.units} ${unit})`,
    columns: [{ header: '#', align: 'right' }, { header: 'code' }, ...numbered],
    rows: m.codes.map((_, i) => [String(i + 1), m.codes[i]!, ...m.matrix[i]!.map(value)]),
    notes: [
      m.measure === 'count' ? `the diagonal is the ${unit} carrying the code; columns are numbered as the rows` : 'columns are numbered as the rows',
      ...m.notes,
    ],
  };
}

export function cooccurCsv(r: CooccurResult): string {
  const m = r.report;
  return renderCsv(['code', ...m.codes], m.codes.map((c, i) => [c, ...m.matrix[i]!]));
}

/** `qcode cooccur --format json`. */
export interface CooccurJson {
  qcode: string;
  codebook: CodebookRef;
  unit: Unit;
  coder: string;
  /** `segment` or `case`: what two codes must share to co-occur. */
  level: CooccurReport['level'];
  measure: CooccurReport['measure'];
  /** `--level N` roll-up depth, or null for every code. */
  depth: number | null;
  codes: string[];
  labels: string[];
  support: number[];
  units: number;
  /** matrix[i][j] for codes[i] and codes[j]; null where Jaccard is 0/0. */
  matrix: (number | null)[][];
  notes: string[];
}

export function cooccurJson(r: CooccurResult, version: string): CooccurJson {
  const m = r.report;
  return {
    qcode: version, codebook: r.codebook, unit: r.unit, coder: r.coder, level: m.level, measure: m.measure, depth: r.depth,
    codes: m.codes, labels: m.labels, support: m.support, units: m.units, matrix: m.matrix, notes: m.notes,
  };
}
