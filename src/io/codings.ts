// Reading a codings CSV: `transcript,segment,speaker,code,coder,start,end,evidence`.
// Only `segment` and `code` are required. A row with an empty `code` marks a segment
// the coder reviewed and left uncoded (it is kept, with code ''). The coder is the
// row's `coder` value, else `--coder NAME`, else the file name without extension.

import { QcodeError, throwAll } from '../core/errors.js';
import { parseSegmentId, transcriptOfSegment } from '../core/segment/ids.js';
import type { Coding, Place } from '../core/types.js';
import { columnIndex, parseCsv, type CsvRow } from './csvrows.js';
import { readTextFile } from './file.js';
import { idFromPath } from './names.js';

/** A coding with the place of its row, so later errors can name it. */
export type SourcedCoding = Coding & { place: Place };

export interface ReadCodingsOptions {
  /** The coder for rows without a `coder` value (`--coder NAME`). */
  coder?: string;
}

const REQUIRED = ['segment', 'code'] as const;
const COLUMNS = ['transcript', 'segment', 'speaker', 'code', 'coder', 'start', 'end', 'evidence'] as const;
type Column = (typeof COLUMNS)[number];

function parseOffset(value: string, name: string, place: Place): number | null {
  const v = value.trim();
  if (v === '') return null;
  if (!/^\d+$/.test(v)) throw new QcodeError(`${name} must be a whole number of code points, not "${value}"`, place);
  return Number(v);
}

/** Parse the text of a codings CSV (already UTF-8 decoded, BOM dropped, LF line ends). */
export function parseCodings(text: string, file: string, opts: ReadCodingsOptions = {}): SourcedCoding[] {
  const table = parseCsv(text, file);
  if (table.header.length === 0) throw new QcodeError('the codings file is empty (expected a header with at least segment,code)', { file, line: 1, col: 1 });
  for (const name of REQUIRED) {
    if (columnIndex(table.header, name) < 0) {
      const found = table.header.map((h) => h.toLowerCase()).join(',') || 'nothing';
      throw new QcodeError(`missing required column "${name}" (a codings file needs at least segment,code; found: ${found})`, { file, line: table.headerLine, col: 1 });
    }
  }
  const idx = Object.fromEntries(COLUMNS.map((c) => [c, columnIndex(table.header, c)])) as Record<Column, number>;
  const fallbackCoder = opts.coder ?? idFromPath(file);
  const out: SourcedCoding[] = [];
  const errors: QcodeError[] = [];
  for (const row of table.rows) {
    try {
      out.push(codingOf(row, idx, file, fallbackCoder));
    } catch (e) {
      if (!(e instanceof QcodeError)) throw e;
      errors.push(e);
    }
  }
  throwAll(errors);
  return out;
}

function codingOf(row: CsvRow, idx: Record<Column, number>, file: string, fallbackCoder: string): SourcedCoding {
  const cell = (c: Column): string => (idx[c] < 0 ? '' : (row.cells[idx[c]] ?? ''));
  const at = (c: Column): Place => ({ file, ...row.place(Math.max(idx[c], 0)) });
  const segment = cell('segment').trim();
  if (segment === '') throw new QcodeError('empty segment id (expected <transcript>:<turn>, e.g. P03:4)', at('segment'));
  // Ids from other tools (`u7`) are still units to compare, named by themselves.
  const parts = parseSegmentId(segment);
  const given = cell('transcript').trim();
  const transcript = parts ? parts.transcript : given || transcriptOfSegment(segment);
  if (parts && given !== '' && given !== transcript) {
    throw new QcodeError(`transcript "${given}" does not match segment ${segment} (transcript ${transcript})`, at('transcript'));
  }
  return {
    transcript,
    segment,
    speaker: cell('speaker').trim(),
    code: cell('code').trim(),
    coder: cell('coder').trim() || fallbackCoder,
    start: parseOffset(cell('start'), 'start', at('start')),
    end: parseOffset(cell('end'), 'end', at('end')),
    // The CSV keeps only the matched words, not their spans; spans come from a fresh pass.
    evidence: [],
    place: { file, line: row.line, col: 1 },
  };
}

/** Read a codings CSV from disk (UTF-8; BOM and CRLF handled as for transcripts). */
export async function readCodings(path: string, opts: ReadCodingsOptions = {}): Promise<SourcedCoding[]> {
  return parseCodings(await readTextFile(path), path, opts);
}

/**
 * Whether a `.csv` argument is a codings file rather than a CSV transcript: its
 * header names a `segment` or a `code` column.
 */
export async function looksLikeCodings(path: string): Promise<boolean> {
  if (!path.toLowerCase().endsWith('.csv')) return false;
  const { header } = parseCsv(await readTextFile(path), path);
  return columnIndex(header, 'segment') >= 0 || columnIndex(header, 'code') >= 0;
}
