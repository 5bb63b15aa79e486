// CSV transcripts: one row per turn, in order; a `transcript` (or `case`,
// `id`) column lets one file hold several interviews.

import { QcodeError } from '../core/errors.js';
import { transcriptFromTurns, type TurnInput } from '../core/segment/fromturns.js';
import type { Transcript } from '../core/types.js';
import { columnIndex, parseCsv } from './csvrows.js';
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
    const turn: TurnInput = { speaker, text: r.cells[textCol] ?? '', line: r.line };
    const start = startCol >= 0 ? (r.cells[startCol] ?? '').trim() : '';
    if (start !== '') turn.start = start;
    let list = groups.get(id);
    if (!list) groups.set(id, (list = []));
    list.push(turn);
  }
  return [...groups].map(([id, turns]) => transcriptFromTurns(id, {}, turns, { source, format, layout: 'table', interviewers }));
}

export async function readCsvTranscripts(path: string, interviewers: readonly string[], format: 'csv' | 'tsv' = 'csv'): Promise<Transcript[]> {
  return parseCsvTranscripts(await readTextFile(path), path, interviewers, format);
}
