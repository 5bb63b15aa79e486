import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null | undefined;

/** RFC 4180 with LF line ends: byte-identical on every machine. */
export function renderCsv(header: string[], rows: CsvCell[][]): string {
  const body = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : typeof c === 'number' ? formatNumber(c) : String(c))));
  return `${Papa.unparse({ fields: header, data: body }, { newline: '\n', quotes: false })}\n`;
}

/** Full precision, but never exponent notation or -0. */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '0';
  return String(n);
}
