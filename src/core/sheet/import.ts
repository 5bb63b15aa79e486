// A filled-in coding sheet back to codings. Everything a coder might have done to the
// sheet is looked for and named by its cell (`Coding!F12`): a value that is not a
// mark, a code column renamed or removed, a row deleted, duplicated or added, a text
// edited. Mistakes that change what the coding means are errors (all collected, so a
// coder can fix them in one go); the rest are warnings. Pure: a grid in, codings out.

import { QcodeError } from '../errors.js';
import { closest } from '../suggest.js';
import { compareSegmentIds, transcriptOfSegment } from '../segment/ids.js';
import type { CodeId, Coding, SegmentId, Warning } from '../types.js';
import { FIXED_COLUMNS, MEMO_COLUMN, cellName, textHash, type FixedColumn, type SheetAbout } from './layout.js';
import { cellText, readMark, showCell, type CellValue } from './marks.js';

/** A worksheet as read: each non-empty row with its 1-based row number. */
export interface SheetGrid {
  name: string;
  rows: { row: number; cells: CellValue[] }[];
}

export interface ImportInput {
  /** The file, for messages. */
  file: string;
  grid: SheetGrid;
  /** The sheet's About record, when it has one (xlsx made by qcode). */
  about?: SheetAbout;
  coder: string;
  /** Without an About record: the codebook's codes, to tell code columns from typos. */
  knownCodes?: ReadonlySet<CodeId>;
  /** Without an About record: segment → text hash from the transcripts, to find edited texts. */
  texts?: ReadonlyMap<SegmentId, string>;
}

export interface ImportedSheet {
  /** One row per code marked 1; a row with code '' for a segment with none (reviewed, uncoded). */
  codings: Coding[];
  /** Segment → the coder's memo, where one was written. */
  memos: Map<SegmentId, string>;
  warnings: Warning[];
}

interface Columns {
  fixed: Partial<Record<FixedColumn, number>>;
  memo?: number;
  codes: { id: CodeId; col: number }[];
}

interface ReadRow {
  row: number;
  segment: SegmentId;
  speaker: string;
  case: string;
  codes: CodeId[];
  memo: string;
}

export function importSheet(input: ImportInput): ImportedSheet {
  const errors: QcodeError[] = [];
  const warnings: Warning[] = [];
  const place = { file: input.file };
  const err = (message: string): void => void errors.push(new QcodeError(message, place));
  const warn = (message: string): void => void warnings.push({ ...place, message });
  const [header, ...body] = input.grid.rows;
  if (!header) throw new QcodeError(`sheet "${input.grid.name}" is empty: expected a header row (case, segment, …, one column per code, memo)`, place);
  const columns = readHeader(input, header, err, warn);
  if (errors.length > 0) throw new QcodeError(errors[0]!.message, place, errors.slice(1));
  const rows = readRows(input, body, columns, err, warn);
  checkMissingRows(input, rows, warn);
  if (errors.length > 0) throw new QcodeError(errors[0]!.message, place, errors.slice(1));
  if (input.about?.mode === 'prefill') {
    warn(`this sheet was made with --prefill (the auto-coder's codes filled in): its coding is a review of the auto-coder, not a blind coding`);
  }
  return { codings: codingsOf(rows, input.coder), memos: new Map(rows.filter((r) => r.memo !== '').map((r) => [r.segment, r.memo])), warnings };
}

function readHeader(input: ImportInput, header: { row: number; cells: CellValue[] }, err: (m: string) => void, warn: (m: string) => void): Columns {
  const sheet = input.grid.name;
  const expected = input.about ? new Set(input.about.codes) : undefined;
  const columns: Columns = { fixed: {}, codes: [] };
  const seen = new Map<string, number>();
  const strangers: number[] = [];
  header.cells.forEach((value, col) => {
    const name = cellText(value).trim();
    if (name === '') return;
    const at = cellName(sheet, col, header.row);
    const key = (FIXED_COLUMNS as readonly string[]).includes(name.toLowerCase()) || name.toLowerCase() === MEMO_COLUMN ? name.toLowerCase() : name;
    if (seen.has(key)) return err(`${at}: column "${name}" appears twice (first at ${cellName(sheet, seen.get(key)!, header.row)})`);
    seen.set(key, col);
    if ((FIXED_COLUMNS as readonly string[]).includes(key)) columns.fixed[key as FixedColumn] = col;
    else if (key === MEMO_COLUMN) columns.memo = col;
    else if (expected ? expected.has(name) : !input.knownCodes || input.knownCodes.has(name)) columns.codes.push({ id: name, col });
    else strangers.push(col);
  });
  const present = new Set(columns.codes.map((c) => c.id));
  const missing = expected ? [...expected].filter((c) => !present.has(c)) : [];
  const known = [...(expected ?? input.knownCodes ?? [])];
  for (const col of strangers) {
    const name = cellText(header.cells[col] ?? null).trim();
    const at = cellName(sheet, col, header.row);
    const near = closest(name, known);
    // A column the coder added for their own notes is no code: its values are left alone.
    if (missing.length === 0 && !near && !name.includes('.')) {
      warn(`${at}: column "${name}" is not ${expected ? "one of this sheet's codes" : 'a code of the codebook'}; its values are not read`);
      continue;
    }
    const hint = missing.length > 0 ? ` (was it renamed? the sheet's code columns missing: ${missing.join(', ')})` : near ? ` (did you mean ${near}?)` : '';
    err(`${at}: column "${name}" is not ${expected ? "one of this sheet's codes" : 'a code of the codebook'}${hint}; put the code's id back in its header`);
  }
  if (missing.length > 0 && strangers.length === 0) {
    err(`${sheet}: the code column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing from row ${header.row}; without ${missing.length > 1 ? 'them' : 'it'} the coding is incomplete`);
  }
  if (columns.fixed.segment === undefined) err(`${sheet}: no "segment" column in row ${header.row} (the segment ids tell qcode which row is which)`);
  if (columns.codes.length === 0 && strangers.length === 0 && missing.length === 0) err(`${sheet}: no code columns in row ${header.row}`);
  return columns;
}

function readRows(
  input: ImportInput, body: SheetGrid['rows'], columns: Columns, err: (m: string) => void, warn: (m: string) => void,
): ReadRow[] {
  const sheet = input.grid.name;
  const known = input.about ? new Map(input.about.segments.map((s) => [s.id, s.sha256])) : input.texts;
  const first = new Map<SegmentId, ReadRow>();
  const out: ReadRow[] = [];
  const segCol = columns.fixed.segment!;
  for (const { row, cells } of body) {
    const cell = (col: number | undefined): CellValue => (col === undefined ? null : (cells[col] ?? null));
    if (cells.every((c) => cellText(c).trim() === '')) continue;
    const segment = cellText(cell(segCol)).trim();
    if (segment === '') {
      err(`${cellName(sheet, segCol, row)}: this row has no segment id (every row needs the id it was made with)`);
      continue;
    }
    if (known && !known.has(segment)) {
      err(`${cellName(sheet, segCol, row)}: segment ${segment} is not one of ${input.about ? "this sheet's" : "the transcripts'"} segments (an added row, or an edited id?)`);
      continue;
    }
    const codes: CodeId[] = [];
    for (const { id, col } of columns.codes) {
      const value = cell(col);
      const mark = readMark(value);
      if (mark === null) err(`${cellName(sheet, col, row)}: ${showCell(value)} is not a mark for ${id} (use 1 or 0; TRUE/FALSE, yes/no and x are read too)`);
      else if (mark === 1) codes.push(id);
    }
    const text = cellText(cell(columns.fixed.text));
    const hash = known?.get(segment);
    if (columns.fixed.text !== undefined && hash !== undefined && textHash(text) !== hash) {
      warn(`${cellName(sheet, columns.fixed.text, row)}: the text of ${segment} was edited in the sheet; its coding is kept for the segment as the transcript has it`);
    }
    const read: ReadRow = {
      row, segment, codes,
      speaker: cellText(cell(columns.fixed.speaker)).trim(),
      case: cellText(cell(columns.fixed.case)).trim(),
      memo: cellText(cell(columns.memo)).trim(),
    };
    const earlier = first.get(segment);
    if (!earlier) {
      first.set(segment, read);
      out.push(read);
    } else if (earlier.codes.join() === read.codes.join() && earlier.memo === read.memo) {
      warn(`${cellName(sheet, segCol, row)}: segment ${segment} appears again (first at row ${earlier.row}); the copy is ignored`);
    } else {
      err(`${cellName(sheet, segCol, row)}: segment ${segment} appears again with other marks (first at row ${earlier.row}); keep one of the two rows`);
    }
  }
  return out;
}

/** Rows of the sheet that are gone: those segments were not reviewed. */
function checkMissingRows(input: ImportInput, rows: ReadRow[], warn: (m: string) => void): void {
  if (!input.about) return;
  const seen = new Set(rows.map((r) => r.segment));
  const missing = input.about.segments.map((s, i) => ({ id: s.id, row: i + 2 })).filter((s) => !seen.has(s.id));
  if (missing.length === 0) return;
  const list = missing.slice(0, 5).map((m) => `${m.id} (row ${m.row} when made)`).join(', ');
  warn(`${input.grid.name}: ${missing.length} row${missing.length > 1 ? 's' : ''} of the sheet ${missing.length > 1 ? 'are' : 'is'} missing (deleted?): ${list}${missing.length > 5 ? ', …' : ''}; ${missing.length > 1 ? 'those segments are' : 'that segment is'} left out as not reviewed`);
}

/** Codings in transcript, segment, code order: one per mark, or one empty row per unmarked segment. */
function codingsOf(rows: ReadRow[], coder: string): Coding[] {
  const sorted = [...rows].sort((a, b) => compareSegmentIds(a.segment, b.segment));
  const out: Coding[] = [];
  for (const r of sorted) {
    const transcript = transcriptOfSegment(r.segment) || r.case;
    const base = { transcript, segment: r.segment, speaker: r.speaker, coder, start: null, end: null, evidence: [] };
    if (r.codes.length === 0) out.push({ ...base, code: '' });
    for (const code of [...r.codes].sort()) out.push({ ...base, code });
  }
  return out;
}
