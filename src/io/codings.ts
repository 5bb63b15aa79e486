// Reading a codings CSV (SPEC §5): `transcript,segment,speaker,code,coder,start,end,evidence`.
// Only `segment` and `code` are required. A row with an empty `code` marks a segment
// the coder reviewed and left uncoded (it is kept, with code ''). The coder is the
// row's `coder` value, else `--coder NAME`, else the file name without extension.

import Papa from 'papaparse';
import { QcodeError } from '../core/errors.js';
import { parseSegmentId } from '../core/segment/ids.js';
import type { Coding, Place } from '../core/types.js';
import { readTextFile } from './file.js';
import { idFromPath } from './names.js';

/** A coding with the place of its row, so later errors can name it. */
export type SourcedCoding = Coding & { place: Place };

export interface ReadCodingsOptions {
  /** The coder for rows without a `coder` value (`--coder NAME`). */
  coder?: string;
}

const REQUIRED = ['segment', 'code'] as const;

/** Line and column (1-based) of a character offset in `text`. */
function placeAt(text: string, offset: number, lineStarts: number[]): { line: number; col: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - (lineStarts[lo] as number) + 1 };
}

/** Offsets where each field of the row starting at `start` begins (quotes respected). */
function fieldOffsets(text: string, start: number, fields: number): number[] {
  const out = [start];
  let inQuotes = false;
  for (let p = start; p < text.length && out.length < fields; p++) {
    const ch = text[p];
    if (ch === '"') {
      if (inQuotes && text[p + 1] === '"') p++;
      else inQuotes = !inQuotes;
    } else if (ch === ',' && !inQuotes) out.push(p + 1);
    else if (ch === '\n' && !inQuotes) break;
  }
  while (out.length < fields) out.push(out[out.length - 1] as number);
  return out;
}

function parseOffset(value: string, name: string, place: Place): number | null {
  const v = value.trim();
  if (v === '') return null;
  if (!/^\d+$/.test(v)) throw new QcodeError(`${name} must be a whole number of code points, not "${value}"`, place);
  return Number(v);
}

/** Parse the text of a codings CSV (already UTF-8 decoded, BOM dropped, LF line ends). */
export function parseCodings(text: string, file: string, opts: ReadCodingsOptions = {}): SourcedCoding[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const rows: { cells: string[]; start: number }[] = [];
  const errors: QcodeError[] = [];
  let cursor = 0;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: ',',
    skipEmptyLines: false,
    step: (r) => {
      const start = cursor;
      cursor = r.meta.cursor;
      for (const e of r.errors) {
        errors.push(new QcodeError(`CSV: ${e.message}`, { file, ...placeAt(text, start, lineStarts) }));
      }
      const cells = r.data;
      if (cells.length === 1 && (cells[0] ?? '').trim() === '') return; // blank line
      rows.push({ cells, start });
    },
  });
  if (errors.length > 0) throw new QcodeError(errors[0]!.message, errors[0]!.place, errors.slice(1));
  const header = rows.shift();
  if (!header) throw new QcodeError('the codings file is empty (expected a header with at least segment,code)', { file, line: 1, col: 1 });
  const names = header.cells.map((h) => h.trim().toLowerCase());
  const col = (name: string): number => names.indexOf(name);
  for (const name of REQUIRED) {
    if (col(name) < 0) {
      throw new QcodeError(`missing required column "${name}" (a codings file needs at least segment,code; found: ${names.join(',') || 'nothing'})`, {
        file,
        ...placeAt(text, header.start, lineStarts),
      });
    }
  }
  const idx = {
    transcript: col('transcript'),
    segment: col('segment'),
    speaker: col('speaker'),
    code: col('code'),
    coder: col('coder'),
    start: col('start'),
    end: col('end'),
    evidence: col('evidence'),
  };
  const fallbackCoder = opts.coder ?? idFromPath(file);
  const out: SourcedCoding[] = [];
  for (const row of rows) {
    const cell = (i: number): string => (i < 0 ? '' : (row.cells[i] ?? ''));
    const offsets = fieldOffsets(text, row.start, names.length);
    const at = (i: number): Place => ({ file, ...placeAt(text, i < 0 ? row.start : (offsets[i] ?? row.start), lineStarts) });
    const rowPlace = at(-1);
    const segment = cell(idx.segment).trim();
    if (segment === '') {
      errors.push(new QcodeError('empty segment id (expected <transcript>:<turn>, e.g. P03:4)', at(idx.segment)));
      continue;
    }
    // SPEC ids are `<transcript>:<turn>[.p<k>|.s<k>]`; other ids (`u7`, from another
    // tool) are still units to compare, named by themselves.
    const m = parseSegmentId(segment);
    const given = cell(idx.transcript).trim();
    const transcript = m ? m.transcript : given || segment;
    if (m && given !== '' && given !== transcript) {
      errors.push(new QcodeError(`transcript "${given}" does not match segment ${segment} (transcript ${transcript})`, at(idx.transcript)));
      continue;
    }
    let start: number | null;
    let end: number | null;
    try {
      start = parseOffset(cell(idx.start), 'start', at(idx.start));
      end = parseOffset(cell(idx.end), 'end', at(idx.end));
    } catch (e) {
      errors.push(e as QcodeError);
      continue;
    }
    const coder = cell(idx.coder).trim() || fallbackCoder;
    out.push({
      transcript,
      segment,
      speaker: cell(idx.speaker).trim(),
      code: cell(idx.code).trim(),
      coder,
      start,
      end,
      // The CSV keeps only the matched terms, not their spans; spans come from a fresh pass.
      evidence: [],
      place: rowPlace,
    });
  }
  if (errors.length > 0) throw new QcodeError(errors[0]!.message, errors[0]!.place, errors.slice(1));
  return out;
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
  const text = await readTextFile(path);
  const first = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
  const names = first.split(',').map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  return names.includes('segment') || names.includes('code');
}
