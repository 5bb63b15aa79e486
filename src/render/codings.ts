import type { CodebookRef } from '../core/aggregate/freq.js';
import type { Coding, Unit } from '../core/types.js';
import { renderCsvHeader, renderCsvRows, type CsvCell } from './csv.js';
import { renderJsonPieces } from './json.js';
import type { TableModel } from './model.js';

export const CODINGS_HEADER = ['transcript', 'segment', 'speaker', 'code', 'coder', 'start', 'end', 'evidence'];

/**
 * The evidence a researcher reads: the transcript's own matched words, each once, in
 * text order, joined with `|` (never the rule's pattern). Saved codings carry no
 * evidence and give an empty cell.
 */
export function evidenceText(c: Coding): string {
  return [...new Set(c.evidence.map((e) => e.text ?? e.term))].join('|');
}

/**
 * The coded table; a column `time` (seconds) when any coded segment has a source time,
 * then `probability` and `features` (joined with `|`) when a learned model scored any.
 */
export function codingsCsv(codings: Coding[]): string {
  const timed = codings.some((c) => c.time !== undefined);
  const scored = codings.some((c) => c.probability !== undefined);
  return [...codingsCsvPieces([codings], timed, scored)].join('');
}

/** codingsCsv a transcript's codings at a time, told beforehand whether any is timed or scored. */
export function* codingsCsvPieces(transcripts: Iterable<Coding[]>, timed: boolean, scored: boolean): Generator<string> {
  yield renderCsvHeader([...CODINGS_HEADER, ...(timed ? ['time'] : []), ...(scored ? ['probability', 'features'] : [])]);
  for (const codings of transcripts) {
    yield renderCsvRows(codings.map((c) => {
      const row: CsvCell[] = [c.transcript, c.segment, c.speaker, c.code, c.coder, c.start, c.end, evidenceText(c)];
      if (timed) row.push(c.time);
      if (scored) row.push(c.probability, c.features?.join('|'));
      return row;
    }));
  }
}

export interface CodingsJson {
  qcode: string;
  codebook: CodebookRef;
  unit: Unit;
  coder: string;
  codings: Coding[];
}

export function codingsJson(result: { codebook: CodebookRef; unit: Unit; coder: string; codings: Coding[] }, version: string): CodingsJson {
  return { qcode: version, codebook: result.codebook, unit: result.unit, coder: result.coder, codings: result.codings };
}

/** renderJson(codingsJson(…)), a transcript's codings at a time. */
export function codingsJsonPieces(result: { codebook: CodebookRef; unit: Unit; coder: string }, transcripts: Iterable<Coding[]>, version: string): Iterable<string> {
  return renderJsonPieces({ qcode: version, codebook: result.codebook, unit: result.unit, coder: result.coder }, 'codings', flat(transcripts));
}

function* flat<T>(lists: Iterable<T[]>): Generator<T> {
  for (const list of lists) yield* list;
}

export function codingsTable(codings: Coding[], title: string): TableModel {
  return {
    title,
    columns: [{ header: 'segment' }, { header: 'speaker' }, { header: 'code' }, { header: 'evidence', flex: true }],
    rows: codings.map((c) => [c.segment, c.speaker, c.code, evidenceText(c) || modelText(c)]),
    notes: codings.length === 0 ? ['no segment was coded'] : [],
  };
}

/** A learned model's coding has no matched words: the table says so, with what drove it. */
function modelText(c: Coding): string {
  if (c.probability === undefined) return '';
  return `(${c.coder} p=${c.probability.toFixed(2)}${c.features?.length ? `: ${c.features.join(', ')}` : ''})`;
}
