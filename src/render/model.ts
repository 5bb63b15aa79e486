// What every tabular view is handed: cells already formatted as text.
// Views (render/<command>.ts) build one from an analysis result; the writers
// (table, md, csv) only lay it out.

export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
  /** Free text (definitions, evidence, quotes): the terminal table may shorten it with …, or leave it out on a narrow screen. */
  flex?: boolean;
}

export interface TableModel {
  title?: string;
  columns: Column[];
  rows: string[][];
  /** Printed under the table (terminal, markdown); never in CSV. */
  notes?: string[];
}

export type Format = 'table' | 'csv' | 'json' | 'md';
export const FORMATS: readonly Format[] = ['table', 'csv', 'json', 'md'];
