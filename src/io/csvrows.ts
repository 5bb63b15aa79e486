// CSV records with the place each came from, so every complaint about a row can
// point at its line even when quoted fields span several lines.

import Papa from 'papaparse';
import { QcodeError } from '../core/errors.js';

export interface CsvRow {
  cells: string[];
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  /** 1-based line where the row starts. */
  line: number;
}

export interface CsvTable {
  /** Header cells, trimmed, as written. */
  header: string[];
  /** Data rows; rows whose cells are all blank are left out. */
  rows: CsvRow[];
}

/** Parse normalised CSV text. The delimiter is guessed (`,` `;` tab …) as spreadsheets do. */
export function parseCsv(text: string, file: string): CsvTable {
  const records: { cells: string[]; start: number }[] = [];
  let start = 0;
  let failure: QcodeError | undefined;
  let line = 1;
  let counted = 0;
  const lineAt = (pos: number): number => {
    for (; counted < pos; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      const at = lineAt(start);
      const err = result.errors.find((e) => e.type === 'Quotes');
      if (err && !failure) {
        failure = new QcodeError(
          err.code === 'MissingQuotes'
            ? `row ${records.length + 1} has a quoted field that is never closed (a " is missing)`
            : `row ${records.length + 1} has a stray " inside a quoted field (write it as "")`,
          { file, line: at, col: 1 },
        );
      }
      records.push({ cells: result.data.map((c) => (c ?? '').toString()), start: at });
      start = result.meta.cursor;
    },
  });
  if (failure) throw failure;

  const headerAt = records.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (headerAt < 0) return { header: [], rows: [] };
  const header = (records[headerAt] as { cells: string[] }).cells.map((c) => c.trim());
  const rows: CsvRow[] = [];
  for (let i = headerAt + 1; i < records.length; i++) {
    const r = records[i] as { cells: string[]; start: number };
    if (r.cells.every((c) => c.trim() === '')) continue;
    rows.push({ cells: r.cells, row: i + 1, line: r.start });
  }
  return { header, rows };
}

/** Index of the first header among `names` (compared case-insensitively), or -1. */
export function columnIndex(header: string[], ...names: string[]): number {
  const lower = header.map((h) => h.toLowerCase());
  for (const name of names) {
    const i = lower.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}
