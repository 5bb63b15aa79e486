// The case × code matrix as tables, CSV and JSON. A few codes fit as columns (one row
// per case, attributes leading, as a paper prints it); many codes are shown as rows
// instead, so the table stays readable; CSV always has one row per case.

import type { CodebookRef } from '../core/aggregate/freq.js';
import type { MatrixReport } from '../core/aggregate/matrix.js';
import type { AttributeValue, Unit } from '../core/types.js';
import type { MatrixResult } from '../study/matrix.js';
import { renderCsv, type CsvCell } from './csv.js';
import type { Column, TableModel } from './model.js';
import { plural } from './text.js';

/** Up to this many codes are columns; more become rows. */
const MAX_CODE_COLUMNS = 8;

export function matrixTables(r: MatrixResult): TableModel[] {
  const m = r.report;
  if (m.by) return [groupTable(r)];
  return [m.codes.length <= MAX_CODE_COLUMNS ? caseRowsTable(r) : codeRowsTable(r)];
}

function title(r: MatrixResult): string {
  const m = r.report;
  const what = m.measure === 'presence' ? 'presence (1 = the case has the code)' : 'coded segments per case';
  return `Case × code matrix — ${what}; ${plural(m.cases.length, 'case')}, ${plural(m.codes.length, 'code')}${r.level !== null ? ` to level ${r.level}` : ''}`;
}

function caseRowsTable(r: MatrixResult): TableModel {
  const m = r.report;
  const columns: Column[] = [
    { header: 'case' },
    ...m.attribute_names.map((a) => ({ header: a })),
    ...m.codes.map((c) => ({ header: c, align: 'right' as const })),
  ];
  const rows = m.cases.map((id, i) => [id, ...m.attribute_names.map((a) => cell(m.attributes[id]![a])), ...m.values[i]!.map(String)]);
  rows.push(['cases with code', ...m.attribute_names.map(() => ''), ...m.case_totals.map((n) => `${n}/${m.cases.length}`)]);
  return { title: title(r), columns, rows, notes: notes(r) };
}

function codeRowsTable(r: MatrixResult): TableModel {
  const m = r.report;
  const depth = (id: string): number => id.split('.').length - 1;
  const columns: Column[] = [
    { header: 'code' },
    ...m.cases.map((c) => ({ header: c, align: 'right' as const })),
    { header: 'cases', align: 'right' },
  ];
  const rows = m.codes.map((code, j) => [
    '  '.repeat(depth(code)) + code.split('.').pop()!,
    ...m.cases.map((_, i) => String(m.values[i]![j])),
    `${m.case_totals[j]}/${m.cases.length}`,
  ]);
  return {
    title: title(r), columns, rows,
    notes: [...notes(r), `codes are rows here (${m.codes.length} codes); --format csv gives one row per case with its attributes, --level 1 the top-level codes`],
  };
}

function groupTable(r: MatrixResult): TableModel {
  const m = r.report;
  const by = m.by!;
  const depth = (id: string): number => id.split('.').length - 1;
  const columns: Column[] = [
    { header: 'code' },
    ...by.groups.map((g) => ({ header: `${by.attribute}=${g.value}`, align: 'right' as const })),
  ];
  const rows = m.codes.map((code, j) => ['  '.repeat(depth(code)) + code.split('.').pop()!, ...by.groups.map((g) => `${g.values[j]}/${g.cases}`)]);
  return {
    title: `Case × code matrix by ${by.attribute} — cases with the code / cases in the group`,
    columns, rows, notes: notes(r),
  };
}

function notes(r: MatrixResult): string[] {
  const from = r.coder === 'auto' ? 'a fresh coding pass' : `the codings of coder "${r.coder}"`;
  return [`from ${from}; a segment coded with a sub-code counts for its parent too`];
}

function cell(v: AttributeValue | undefined): string {
  return v === undefined || v === null ? '' : String(v);
}

export function matrixCsv(r: MatrixResult): string {
  const m = r.report;
  if (m.by) {
    const header = [m.by.attribute, 'cases', ...m.codes];
    return renderCsv(header, m.by.groups.map((g) => [g.value, g.cases, ...g.values]));
  }
  const header = ['case', ...m.attribute_names, ...m.codes];
  return renderCsv(header, m.cases.map((id, i): CsvCell[] => [id, ...m.attribute_names.map((a) => m.attributes[id]![a] ?? null), ...m.values[i]!]));
}

/** `qcode matrix --format json`. */
export interface MatrixJson {
  qcode: string;
  codebook: CodebookRef;
  unit: Unit;
  coder: string;
  /** `--level N`, or null for every code. */
  level: number | null;
  measure: MatrixReport['measure'];
  cases: string[];
  codes: string[];
  labels: string[];
  /** values[case][code]. */
  values: number[][];
  attributes: MatrixReport['attributes'];
  case_totals: number[];
  by?: MatrixReport['by'];
}

export function matrixJson(r: MatrixResult, version: string): MatrixJson {
  const m = r.report;
  const doc: MatrixJson = {
    qcode: version, codebook: r.codebook, unit: r.unit, coder: r.coder, level: r.level, measure: m.measure,
    cases: m.cases, codes: m.codes, labels: m.labels, values: m.values, attributes: m.attributes, case_totals: m.case_totals,
  };
  if (m.by) doc.by = m.by;
  return doc;
}
