// CSV transcripts: one row per turn, in order; a `transcript` (or `case`,
// `id`) column lets one file hold several interviews.

import { QcodeError } from '../core/errors.js';
import { transcriptFromTurns, type TurnInput } from '../core/segment/fromturns.js';
import type { Transcript } from '../core/types.js';
import { columnIndex, parseCsv, type CsvRow } from './csvrows.js';
import { NotATranscriptError } from './errors.js';
import { readTextFile } from './file.js';
import { idFromPath } from './names.js';

/**
 * Transcripts in CSV text, in order of first appearance. Without a transcript column
 * the whole file is one transcript named after the file; columns other than
 * transcript/case/id, speaker, text and start are ignored.
 */
export function parseCsvTranscripts(text: string, source: string, interviewers: readonly string[], format: 'csv' | 'tsv' = 'csv'): Transcript[] {
  const { header, rows } = parseCsv(text, source);
  const speakerCol = columnIndex(header, 'speaker');
  const textCol = columnIndex(header, 'text');
  if (speakerCol < 0 || textCol < 0) {
    const missing = [speakerCol < 0 ? '"speaker"' : '', textCol < 0 ? '"text"' : ''].filter(Boolean).join(' and ');
    throw new NotATranscriptError(`not a transcript: the header row has no ${missing} column`, { file: source, line: 1, col: 1 });
  }
  const idCol = columnIndex(header, 'transcript', 'case', 'id');
  const startCol = columnIndex(header, 'start');
  const idName = idCol >= 0 ? (header[idCol] as string) : '';

  const groups = new Map<string, TurnInput[]>();
  for (const r of rows) {
    const place = { file: source, line: r.line, col: 1 };
    const id = idCol >= 0 ? (r.cells[idCol] ?? '').trim() : idFromPath(source);
    if (id === '') throw new QcodeError(`row ${r.row} has no "${idName}" value`, place);
    const speaker = (r.cells[speakerCol] ?? '').trim();
    if (speaker === '') throw new QcodeError(`row ${r.row} has no "speaker" value`, place);
    refuseExtraCells(r, header.length, format, source);
    const turn: TurnInput = { speaker, text: r.cells[textCol] ?? '', line: r.line };
    const start = startCol >= 0 ? (r.cells[startCol] ?? '').trim() : '';
    if (start !== '') turn.start = start;
    let list = groups.get(id);
    if (!list) groups.set(id, (list = []));
    list.push(turn);
  }
  return [...groups].map(([id, turns]) => transcriptFromTurns(id, {}, turns, { source, format, layout: 'table', interviewers }));
}

/**
 * A row with more cells than the header has is almost always a text with a comma (or a
 * tab) that was not put in quotes: the words after it would be lost, so the file is
 * refused at that cell. Extra cells that are blank (a trailing comma) lose nothing.
 */
function refuseExtraCells(r: CsvRow, columns: number, format: 'csv' | 'tsv', source: string): void {
  const extra = r.cells.findIndex((c, i) => i >= columns && c.trim() !== '');
  if (extra < 0) return;
  const separator = format === 'tsv' ? 'tab' : 'comma';
  const cell = r.cells[extra]!.trim();
  const shown = cell.length > 40 ? `${cell.slice(0, 40)}…` : cell;
  throw new QcodeError(
    `row ${r.row} has ${r.cells.length} cells where the header names ${columns}, so "${shown}" belongs to no column: ` +
      `a text holding a ${separator} must be put in double quotes`,
    { file: source, ...r.place(extra) },
  );
}

export async function readCsvTranscripts(path: string, interviewers: readonly string[], format: 'csv' | 'tsv' = 'csv'): Promise<Transcript[]> {
  return parseCsvTranscripts(await readTextFile(path), path, interviewers, format);
}
