// Case-attribute sheets: CSV, first column the transcript id, one row per
// case. Empty cells are left out, so they never blank out a transcript's own value.

import { QcodeError } from '../core/errors.js';
import type { AttributeValue, Attributes } from '../core/types.js';
import { parseCsv } from './csvrows.js';
import { readTextFile } from './file.js';

/**
 * Numbers written plainly (`4`, `-2.5`, `1e3`) become numbers. Zero-padded codes
 * (`007`) stay text: they are labels, and turning them into 7 would lose information.
 */
export function attributeValue(cell: string): AttributeValue {
  const v = cell.trim();
  if (/^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(v) || /^[+-]?\.\d+$/.test(v)) {
    const n = Number(v);
    if (Number.isFinite(n)) return n;
  }
  return v;
}

export function parseAttributeSheet(text: string, file: string): Map<string, Attributes> {
  const { header, rows } = parseCsv(text, file);
  const sheet = new Map<string, Attributes>();
  if (header.length === 0) return sheet;
  const firstRow = new Map<string, number>();
  header.forEach((h, i) => {
    if (i > 0 && h === '') throw new QcodeError(`column ${i + 1} of the header row has no name`, { file, line: 1, col: 1 });
  });
  for (const r of rows) {
    const place = { file, line: r.line, col: 1 };
    const id = (r.cells[0] ?? '').trim();
    if (id === '') throw new QcodeError(`row ${r.row} has no id in its first column`, place);
    if (sheet.has(id)) throw new QcodeError(`id "${id}" is listed twice (rows ${firstRow.get(id)} and ${r.row})`, place);
    const attrs: Attributes = {};
    header.forEach((name, i) => {
      if (i === 0) return;
      const cell = r.cells[i] ?? '';
      if (cell.trim() !== '') attrs[name] = attributeValue(cell);
    });
    sheet.set(id, attrs);
    firstRow.set(id, r.row);
  }
  return sheet;
}

export async function readAttributeSheet(path: string): Promise<Map<string, Attributes>> {
  return parseAttributeSheet(await readTextFile(path), path);
}
