// A coder who is not qcode: fills in a coding workbook by editing its XML directly
// (fflate + string edits, no exceljs), writing cells the way other programs save them:
//   libreoffice: numbers, 1 and explicit 0 (`t="n"`), as LibreOffice Calc saves a typed 1;
//   google:      booleans TRUE/FALSE (`t="b"`), as Google Sheets exports checkboxes;
//   text:        inline strings "1"/"x", as a text-formatted column in Excel saves them.
// It locates columns by the header's code ids and rows by the segment id column, like a
// script a research team would write.

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export type Style = 'libreoffice' | 'google' | 'text';

export interface SheetXml {
  files: Record<string, Uint8Array>;
  sheetPath: string;
  strings: string[];
  /** Column letter of each header name. */
  columns: Map<string, string>;
  /** Sheet row number of each segment id. */
  rows: Map<string, number>;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function openSheetXml(bytes: Uint8Array): SheetXml {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files['xl/workbook.xml']!);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  const rid = /<sheet [^>]*name="Coding"[^>]*r:id="([^"]+)"/.exec(workbook)![1]!;
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const sheetPath = `xl/${target![1]!.replace(/^\/?xl\//, '')}`;
  const shared = files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : '';
  const strings = [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unescape([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const xml = strFromU8(files[sheetPath]!);
  const value = (cell: string): string => {
    const v = /<v>([\s\S]*?)<\/v>/.exec(cell)?.[1] ?? '';
    return /t="s"/.test(cell) ? strings[Number(v)]! : unescape(v);
  };
  const columns = new Map<string, string>();
  const rows = new Map<string, number>();
  for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
    const [cell, col, row] = [m[0], m[1]!, Number(m[2])];
    if (row === 1) columns.set(value(cell), col);
  }
  const segCol = columns.get('segment')!;
  for (const m of xml.matchAll(new RegExp(`<c r="${segCol}(\\d+)"[^>]*?>[\\s\\S]*?</c>`, 'g'))) rows.set(value(m[0]), Number(m[1]));
  return { files, sheetPath, strings, columns, rows };
}

function markCell(ref: string, style: string, mark: 0 | 1, how: Style): string {
  if (how === 'libreoffice') return `<c r="${ref}"${style} t="n"><v>${mark}</v></c>`;
  if (how === 'google') return `<c r="${ref}"${style} t="b"><v>${mark}</v></c>`;
  return mark === 1 ? `<c r="${ref}"${style} t="inlineStr"><is><t>${ref.length % 2 ? 'x' : '1'}</t></is></c>` : `<c r="${ref}"${style}/>`;
}

/** Sets cells: a code cell per (segment, code), marks 1, and every other code cell of those rows 0. */
export function fillMarks(sheet: SheetXml, marks: Map<string, string[]>, codes: string[], how: Style): void {
  let xml = strFromU8(sheet.files[sheet.sheetPath]!);
  const wanted = new Map<string, 0 | 1>();
  for (const [segment, coded] of marks) {
    const row = sheet.rows.get(segment);
    if (row === undefined) throw new Error(`no row for ${segment}`);
    for (const code of codes) wanted.set(`${sheet.columns.get(code)!}${row}`, coded.includes(code) ? 1 : 0);
  }
  xml = xml.replace(/<c r="([A-Z]+\d+)"((?: s="\d+")?)(?: t="\w+")?(?:\/>|>[\s\S]*?<\/c>)/g, (cell, ref: string, style: string) => {
    const mark = wanted.get(ref);
    return mark === undefined ? cell : markCell(ref, style, mark, how);
  });
  sheet.files[sheet.sheetPath] = strToU8(xml);
}

/** Replaces one cell's value with an inline string (a coder's stray value, an edited text or header). */
export function setText(sheet: SheetXml, ref: string, text: string): void {
  const xml = strFromU8(sheet.files[sheet.sheetPath]!);
  const re = new RegExp(`<c r="${ref}"((?: s="\\d+")?)(?: t="\\w+")?(?:/>|>[\\s\\S]*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${ref}`);
  sheet.files[sheet.sheetPath] = strToU8(xml.replace(re, (_c, style: string) => `<c r="${ref}"${style} t="inlineStr"><is><t>${escape(text)}</t></is></c>`));
}

/** Removes a whole row (the rows below keep their numbers, as a blanked-out row would). */
export function deleteRow(sheet: SheetXml, row: number): void {
  const xml = strFromU8(sheet.files[sheet.sheetPath]!);
  sheet.files[sheet.sheetPath] = strToU8(xml.replace(new RegExp(`<row r="${row}"[\\s\\S]*?</row>`), ''));
}

export function saveSheetXml(sheet: SheetXml): Uint8Array {
  return zipSync(sheet.files);
}
