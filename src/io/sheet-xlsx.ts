// Coding workbooks (.xlsx) through exceljs: written for a coder to work in without a
// manual, and read back as Excel, LibreOffice or Google Sheets saved them (numbers,
// booleans, strings, rich text and formula results all come back as plain values).

import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { QcodeError } from '../core/errors.js';
import { aboutRows, parseAbout } from '../core/sheet/about.js';
import type { SheetGrid } from '../core/sheet/import.js';
import { FIXED_COLUMNS, MEMO_COLUMN, clockText, sheetHeader, type SheetCode, type SheetModel } from '../core/sheet/layout.js';
import type { CellValue } from '../core/sheet/marks.js';
import type { SheetAbout } from '../core/sheet/layout.js';
import type { Code } from '../core/codebook/model.js';
import { readBytes } from './file.js';
import { isZip } from './docx.js';
import { checkDocxSize } from './ziplimit.js';
import { FIRST_DAY, stampFirstDay } from './zip-times.js';

export const CODING_SHEET = 'Coding';
export const CODEBOOK_SHEET = 'Codebook';
export const ABOUT_SHEET = 'About';

const GREY = 'FF7F7F7F';
const PREFILL_FILL = 'FFFFE699';
const HEADER_FILL = 'FFEDEDED';
const WIDTHS: Record<string, number> = { case: 9, segment: 11, speaker: 11, time: 8, question: 38, text: 70 };

const argb = (hex: string): string => `FF${hex.replace('#', '')}`;
const fill = (color: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: color } });

/**
 * The workbook's bytes: Coding, Codebook and a hidden About sheet. Written row by row with
 * exceljs's streaming writer, each row handed to the zip as it is made: built whole in
 * memory, a sheet of 16,290 segments took 900 MB and 16 s, and one of 81,560 segments
 * 3.8 GB and 199 s, a step from running out of memory.
 */
export async function sheetWorkbook(model: SheetModel): Promise<Buffer> {
  const stream = new PassThrough();
  const bytes = buffer(stream);
  // Shared strings, as the in-memory writer made them: programs that fill a sheet in (and
  // the tests' own XML filler) find the header and segment ids there.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  sameBytesEveryRun(wb);
  await codingSheet(wb, model);
  await codebookSheet(wb, model.codebook, model.codes);
  const about = wb.addWorksheet(ABOUT_SHEET, { state: 'hidden' });
  for (const r of aboutRows(model.about)) about.addRow(r).commit();
  await about.commit();
  await wb.commit();
  return stampFirstDay(await bytes);
}

/**
 * The same study gives the same workbook, byte for byte, whenever and wherever it is made:
 * the workbook's own dates are the zip format's first day (1980-01-01, UTC), as are its
 * entries' times (stampFirstDay), rather than the moment of writing.
 */
function sameBytesEveryRun(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  wb.creator = 'qcode';
  wb.lastModifiedBy = 'qcode';
  wb.created = FIRST_DAY;
  wb.modified = FIRST_DAY;
}

/** What exceljs's sheets have and its types leave out: a sheet's list of validation rules by range. */
interface WithValidations {
  dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
}

async function codingSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: SheetModel): Promise<void> {
  const ws = wb.addWorksheet(CODING_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1, activeCell: `${letter(FIXED_COLUMNS.length)}2` }],
    // exceljs marks a column group collapsed when its level reaches the sheet's; one
    // level above keeps every group open, so no code column starts hidden.
    properties: { outlineProperties: { summaryRight: false, summaryBelow: false }, outlineLevelCol: 2 },
  });
  const header = sheetHeader(model.codes);
  ws.columns = header.map((h, i) => {
    const code = model.codes[i - FIXED_COLUMNS.length];
    const col: Partial<ExcelJS.Column> = { header: h, key: h, width: code ? 4.5 : h === MEMO_COLUMN ? 36 : (WIDTHS[h] ?? 10) };
    // A group's first column stays visible and carries the +/- button; the rest fold into it.
    const prev = model.codes[i - FIXED_COLUMNS.length - 1];
    if (code && prev && prev.group === code.group) col.outlineLevel = 1;
    return col;
  });
  styleHeader(ws.getRow(1), model.codes);
  ws.getRow(1).commit();
  const first = FIXED_COLUMNS.length + 1;
  // One rule per code column, not one per cell: the same list of 0 and 1 down the column.
  if (model.rows.length > 0) {
    model.codes.forEach((c, k) => {
      const col = columnLetters(first + k);
      (ws as unknown as WithValidations).dataValidations.add(`${col}2:${col}${model.rows.length + 1}`, markValidation(c));
    });
  }
  for (const r of model.rows) {
    const marks = model.codes.map((c) => (r.prefilled.includes(c.id) ? 1 : null));
    const row = ws.addRow([r.case, r.segment, r.speaker, clockText(r.time) || null, r.question || null, r.text, ...marks, null]);
    row.alignment = { vertical: 'top' };
    row.getCell('question').alignment = { vertical: 'top', wrapText: true };
    row.getCell('question').font = { color: { argb: GREY }, italic: true };
    row.getCell('text').alignment = { vertical: 'top', wrapText: true };
    row.getCell(MEMO_COLUMN).alignment = { vertical: 'top', wrapText: true };
    model.codes.forEach((_, k) => {
      const cell = row.getCell(first + k);
      cell.alignment = { vertical: 'top', horizontal: 'center' };
      if (marks[k] === 1) {
        cell.fill = fill(PREFILL_FILL);
        cell.note = 'suggested by the auto-coder (--prefill): keep 1 if it applies, set 0 if not';
      }
    });
    row.commit();
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  await ws.commit();
}

function styleHeader(row: ExcelJS.Row, codes: SheetCode[]): void {
  row.font = { bold: true };
  row.height = codes.length > 0 ? 150 : 18;
  row.eachCell((cell, col) => {
    const code = codes[col - 1 - FIXED_COLUMNS.length];
    cell.fill = fill(code ? argb(code.color) : HEADER_FILL);
    cell.alignment = code ? { textRotation: 90, vertical: 'bottom', horizontal: 'center' } : { vertical: 'bottom' };
    if (code) cell.note = `${code.label}${code.group !== code.id ? ` (${code.groupLabel})` : ''}: 1 if it applies, 0 or empty if not`;
  });
}

function markValidation(code: SheetCode): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: ['"0,1"'],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: code.id,
    error: `1 if ${code.id} applies to this segment, 0 (or empty) if not`,
  };
}

async function codebookSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, codes: Code[], leaves: SheetCode[]): Promise<void> {
  const ws = wb.addWorksheet(CODEBOOK_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  ws.columns = [
    { header: 'code', key: 'code', width: 30 },
    { header: 'label', key: 'label', width: 28 },
    { header: 'definition', key: 'definition', width: 50 },
    { header: 'include', key: 'include', width: 40 },
    { header: 'exclude', key: 'exclude', width: 40 },
    { header: 'examples', key: 'examples', width: 50 },
    { header: 'counterexamples', key: 'counterexamples', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((c) => (c.fill = fill(HEADER_FILL)));
  ws.getRow(1).commit();
  const colorOf = new Map(leaves.map((l) => [l.id, l.color]));
  const groupColor = new Map(leaves.map((l) => [l.group, l.color]));
  for (const c of codes) {
    const row = ws.addRow({
      code: `${'  '.repeat(c.depth)}${c.id}`,
      label: c.label,
      definition: c.definition ?? '',
      include: c.include ?? '',
      exclude: c.exclude ?? '',
      examples: c.examples.join('\n'),
      counterexamples: c.counterexamples.join('\n'),
    });
    row.alignment = { vertical: 'top', wrapText: true };
    const color = colorOf.get(c.id) ?? groupColor.get(c.id);
    if (color) row.getCell('code').fill = fill(argb(color));
    if (c.children.length > 0) row.font = { bold: true };
    row.commit();
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } };
  await ws.commit();
}

function letter(n: number): string {
  return String.fromCharCode(65 + n);
}

/** A column's letters from its number (1 → A, 27 → AA). */
function columnLetters(col: number): string {
  let out = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

export interface ReadWorkbook {
  grid: SheetGrid;
  /** The About record; null when the workbook has none (not made by qcode, or it was removed). */
  about: SheetAbout | null;
}

// A coding workbook's XML is a few MB for thousands of segments; far more is a zip bomb.
const WORKBOOK_XML_LIMIT = 200 * 1024 * 1024;

/** The Coding sheet (else the first visible one) as a grid of plain values, and the About record. */
export async function readSheetWorkbook(path: string): Promise<ReadWorkbook> {
  const bytes = await readBytes(path);
  if (!isZip(bytes)) throw new QcodeError('not an .xlsx workbook (an .xlsx file is a zip archive); save the sheet as .xlsx, or as .csv', { file: path });
  try {
    checkDocxSize(bytes, path, WORKBOOK_XML_LIMIT);
  } catch (e) {
    if (e instanceof QcodeError) throw new QcodeError('this workbook inflates to more than 200 MB of XML: not a coding sheet qcode made', { file: path });
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(withoutComments(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new QcodeError(`cannot read this workbook: ${(e as Error).message}`, { file: path });
  }
  const coding = wb.worksheets.find((w) => w.name.toLowerCase() === CODING_SHEET.toLowerCase()) ?? wb.worksheets.find((w) => w.state === 'visible');
  if (!coding) throw new QcodeError(`this workbook has no "${CODING_SHEET}" sheet`, { file: path });
  const aboutSheet = wb.worksheets.find((w) => w.name.toLowerCase() === ABOUT_SHEET.toLowerCase());
  return { grid: gridOf(coding), about: aboutSheet ? parseAbout(gridOf(aboutSheet).rows.map((r) => r.cells)) : null };
}

/**
 * The workbook without its cell notes and their drawings. Import never needs them, and
 * exceljs cannot open notes where other writers put them (openpyxl's
 * `xl/comments/comment1.xml` with absolute targets), so a sheet saved by such a
 * program would not open at all.
 */
export function withoutComments(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const isNote = (name: string): boolean => /(^|\/)comments[^/]*\.xml$/i.test(name) || /\.vml$/i.test(name) || /^xl\/comments\//i.test(name);
  if (!Object.keys(files).some(isNote)) return bytes;
  const kept: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) {
    if (isNote(name)) continue;
    if (/^xl\/worksheets\/_rels\/.*\.rels$/i.test(name)) {
      kept[name] = strToU8(strFromU8(data).replace(/<Relationship\b[^>]*\/(?:comments|vmlDrawing)"[^>]*\/>/g, ''));
    } else if (/^xl\/worksheets\/[^/]*\.xml$/i.test(name)) {
      kept[name] = strToU8(strFromU8(data).replace(/<legacyDrawing\b[^>]*\/>/g, ''));
    } else if (name === '[Content_Types].xml') {
      kept[name] = strToU8(strFromU8(data).replace(/<Override\b[^>]*PartName="[^"]*comments[^"]*"[^>]*\/>/gi, ''));
    } else kept[name] = data;
  }
  return zipSync(kept);
}

function gridOf(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: SheetGrid['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = plainValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push({ row: rowNumber, cells });
  });
  return { name: ws.name, rows };
}

/** A cell's value as the coder sees it: formula results, rich text and links unwrapped. */
export function plainValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return String(v.error);
  if ('formula' in v || 'sharedFormula' in v) return plainValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in v) return typeof v.text === 'string' ? v.text : plainValue(v.text as ExcelJS.CellValue);
  return null;
}
