// What a coder may type in a code cell, as Excel, LibreOffice and Google Sheets save it.
// Excel and LibreOffice store a typed 1 as a number, a ticked checkbox or TRUE as a
// boolean, and anything in a text-formatted cell as a string; Google Sheets exports
// checkboxes as booleans. So a mark is read by meaning, not by cell type:
//   1: the number 1, TRUE, and the strings 1, true, yes, y, x, ✓, ✔
//   0: the number 0, FALSE, an empty cell, and the strings 0, false, no, n
// Anything else (2, "maybe", an error value) is refused with its cell.

/** A cell's value once the workbook reader has unwrapped formulas and rich text. */
export type CellValue = string | number | boolean | null;

const ONE = new Set(['1', '1.0', 'true', 'yes', 'y', 'x', '✓', '✔', 'wahr', 'vrai']);
const ZERO = new Set(['', '0', '0.0', 'false', 'no', 'n', 'falsch', 'faux']);

/** 1 or 0 for a mark; null for a value that is not one. */
export function readMark(value: CellValue): 0 | 1 | null {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value === 1 ? 1 : value === 0 ? 0 : null;
  const s = unquote(value).trim().toLowerCase();
  if (ONE.has(s)) return 1;
  if (ZERO.has(s)) return 0;
  return null;
}

/**
 * A text cell as the coder sees it: the leading `'` that CSV output puts before a
 * cell a spreadsheet would run as a formula is dropped again.
 */
export function unquote(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

/** A cell as text: numbers and booleans as written, null as ''. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return unquote(value);
  return String(value);
}

/** How a cell is shown in a message: strings quoted, others as the spreadsheet shows them. */
export function showCell(value: CellValue): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
