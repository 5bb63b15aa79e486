// The one CSV reader: records with the place each came from, so every complaint about a
// row or a cell can point at its line and column even when quoted fields span lines.
// The delimiter is guessed (`,` `;` tab …) as spreadsheets do.

import Papa from '../vendor/papaparse.js';
import { QcodeError } from '../core/errors.js';
import { lineIndex, type LinePlace } from '../core/segment/lines.js';

export interface CsvRow {
  cells: string[];
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  /** 1-based line where the row starts. */
  line: number;
  /** Line and column where cell `i` starts (the row's start for a missing cell). */
  place(i: number): LinePlace;
}

export interface CsvTable {
  /** Header cells, trimmed, as written. */
  header: string[];
  /** Where the header row starts. */
  headerLine: number;
  /** Data rows; rows whose cells are all blank are left out. */
  rows: CsvRow[];
  delimiter: string;
}

interface CsvRecord {
  cells: string[];
  /** UTF-16 offset of the record's first character. */
  start: number;
}

/** Parse normalised CSV text (LF line ends). */
export function parseCsv(text: string, file: string): CsvTable {
  const records: CsvRecord[] = [];
  const placeOf = lineIndex(text);
  let start = 0;
  let failure: QcodeError | undefined;
  let delimiter = ',';
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      delimiter = result.meta.delimiter;
      const err = result.errors.find((e) => e.type === 'Quotes');
      if (err && !failure) {
        failure = new QcodeError(
          err.code === 'MissingQuotes'
            ? `row ${records.length + 1} has a quoted field that is never closed (a " is missing)`
            : `row ${records.length + 1} has a stray " inside a quoted field (write it as "")`,
          { file, ...placeOf(start) },
        );
      }
      records.push({ cells: result.data.map((c) => unescapeFormula((c ?? '').toString())), start });
      start = result.meta.cursor;
    },
  });
  if (failure) throw failure;

  const headerAt = records.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (headerAt < 0) return { header: [], headerLine: 1, rows: [], delimiter };
  const head = records[headerAt]!;
  const rows: CsvRow[] = [];
  for (let i = headerAt + 1; i < records.length; i++) {
    const r = records[i]!;
    if (r.cells.every((c) => c.trim() === '')) continue;
    rows.push({
      cells: r.cells,
      row: i + 1,
      line: placeOf(r.start).line,
      place: (cell) => placeOf(cellOffset(text, r.start, cell, delimiter)),
    });
  }
  return { header: head.cells.map((c) => c.trim()), headerLine: placeOf(head.start).line, rows, delimiter };
}

/**
 * qcode writes a `'` before a cell that a spreadsheet would run as a formula (`=`, `+`,
 * `-`, `@`, tab, CR); reading its own CSV back takes it off again, as spreadsheets do.
 */
export function unescapeFormula(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && '=+-@\t\r'.includes(cell[1] as string) ? cell.slice(1) : cell;
}

/** Offset where cell `cell` of the record at `start` begins (quotes respected). */
function cellOffset(text: string, start: number, cell: number, delimiter: string): number {
  let found = 0;
  let inQuotes = false;
  for (let p = start; p < text.length; p++) {
    if (found === cell) return p;
    const ch = text[p];
    if (ch === '"') {
      if (inQuotes && text[p + 1] === '"') p++;
      else inQuotes = !inQuotes;
    } else if (!inQuotes && text.startsWith(delimiter, p)) {
      found++;
      p += delimiter.length - 1;
    } else if (ch === '\n' && !inQuotes) break;
  }
  return found === cell ? text.length : start;
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
