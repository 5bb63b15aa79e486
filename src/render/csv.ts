import Papa from '../vendor/papaparse.js';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * RFC 4180 with LF line ends: byte-identical on every machine. The one CSV writer:
 * every CSV qcode writes is safe to open in a spreadsheet (see `spreadsheetSafe`).
 */
export function renderCsv(header: string[], rows: CsvCell[][]): string {
  return renderCsvHeader(header) + renderCsvRows(rows);
}

/** A CSV's header line, for one printed in pieces (see renderCsvRows). */
export function renderCsvHeader(header: string[]): string {
  const text = Papa.unparse({ fields: header.map(spreadsheetSafe), data: [] }, UNPARSE);
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Records of a CSV, each ended with a line end: the header's rows come after it in any number of pieces. */
export function renderCsvRows(rows: CsvCell[][]): string {
  if (rows.length === 0) return '';
  return `${Papa.unparse(rows.map((r) => r.map(csvText)), UNPARSE)}\n`;
}

const UNPARSE = { newline: '\n', quotes: false } as const;

function csvText(c: CsvCell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return formatNumber(c);
  return typeof c === 'string' ? spreadsheetSafe(c) : String(c);
}

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`,
 * a transcript line starting `- I left…`) gets a leading `'`, which spreadsheets
 * read as "this is text". Only text is escaped: numbers qcode computed (a kappa of
 * -0.25) stay numbers. JSON keeps raw text.
 */
export function spreadsheetSafe(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** Full precision, but never exponent notation or -0. */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '0';
  return String(n);
}

/** Data rows in a CSV renderCsv wrote (records after the header). */
export function countCsvRows(csv: string): number {
  return Math.max(0, countCsvRecords(csv) - 1);
}

/** Records in CSV text (or in a piece of whole records): line ends inside quotes don't count. */
export function countCsvRecords(csv: string): number {
  let records = 0;
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (ch === 10 && !quoted) records++;
  }
  if (csv.length > 0 && !csv.endsWith('\n')) records++;
  return records;
}
