// A coding sheet saved as CSV (for teams without a spreadsheet program): the same
// columns as the workbook's Coding sheet, every cell a string.

import Papa from '../vendor/papaparse.js';
import { QcodeError } from '../core/errors.js';
import type { SheetGrid } from '../core/sheet/import.js';
import { readTextFile } from './file.js';

export async function readSheetCsv(path: string): Promise<SheetGrid> {
  const text = await readTextFile(path);
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const bad = parsed.errors[0];
  if (bad) throw new QcodeError(`CSV: ${bad.message}`, { file: path, ...(bad.row !== undefined ? { line: bad.row + 1 } : {}) });
  const rows: SheetGrid['rows'] = [];
  // Papa's rows are records; a record holding line breaks still counts as one sheet row.
  parsed.data.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 1, cells });
  });
  return { name: 'Coding', rows };
}
