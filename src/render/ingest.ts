import type { IngestSummary } from '../core/aggregate/ingest.js';
import type { Segment } from '../core/types.js';
import { renderCsvHeader, renderCsvRows } from './csv.js';
import { renderJsonPieces } from './json.js';
import type { TableModel } from './model.js';
import { plural } from './text.js';

export type IngestSegmentJson = Pick<Segment, 'id' | 'speaker' | 'role' | 'start' | 'end' | 'time' | 'text'>;

/** One transcript of `ingest --format json`: its summary, segments as printed, warnings without their file. */
export interface IngestTranscriptJson extends Omit<IngestSummary, 'segments' | 'segment_count' | 'warnings'> {
  segments: IngestSegmentJson[];
  warnings: { line?: number; message: string }[];
}

export interface IngestJson {
  qcode: string;
  transcripts: IngestTranscriptJson[];
}

export function ingestJson(list: IngestSummary[], version: string): IngestJson {
  return { qcode: version, transcripts: list.map(transcriptJson) };
}

/** renderJson(ingestJson(…)), one transcript at a time: the corpus is never one string. */
export function ingestJsonPieces(transcripts: Iterable<IngestSummary>, version: string): Iterable<string> {
  return renderJsonPieces({ qcode: version }, 'transcripts', mapped(transcripts, transcriptJson));
}

function transcriptJson(t: IngestSummary): IngestTranscriptJson {
  return {
    id: t.id, source: t.source, format: t.format, layout: t.layout, attributes: t.attributes,
    turns: t.turns, words: t.words, speakers: t.speakers,
    segments: t.segments.map((s) => ({
      id: s.id, speaker: s.speaker, role: s.role, start: s.start, end: s.end, ...(s.time !== undefined ? { time: s.time } : {}), text: s.text,
    })),
    unread: t.unread.map((u) => ({ line: u.line, kind: u.kind, text: u.text })),
    warnings: t.warnings.map((w) => ({ ...(w.line !== undefined ? { line: w.line } : {}), message: w.message })),
  };
}

function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** `otter (txt)`: the tool the file was read as, and the kind of file. */
function readAs(t: IngestSummary): string {
  return t.layout === 'plain' || t.layout === 'json' || t.layout === 'table' ? t.format : `${t.layout} (${t.format})`;
}

export function ingestTable(list: IngestSummary[]): TableModel {
  const attrKeys = [...new Set(list.flatMap((t) => Object.keys(t.attributes)))].sort();
  const unread = list.reduce((n, t) => n + t.unread.length, 0);
  return {
    columns: [
      { header: 'transcript' }, { header: 'read as' }, { header: 'turns', align: 'right' },
      { header: 'segments', align: 'right' }, { header: 'words', align: 'right' }, { header: 'unread', align: 'right' },
      { header: 'speakers', flex: true },
      ...attrKeys.map((k) => ({ header: k })), { header: 'warnings', align: 'right' },
    ],
    rows: list.map((t) => [
      t.id, readAs(t), String(t.turns), String(t.segment_count), String(t.words), String(t.unread.length),
      t.speakers.map((s) => `${s.label}${s.role === 'interviewer' ? ' (I)' : ''}`).join(', '),
      ...attrKeys.map((k) => (t.attributes[k] === undefined || t.attributes[k] === null ? '' : String(t.attributes[k]))),
      String(t.warnings.length),
    ]),
    notes: [
      [plural(list.length, 'transcript'), plural(list.reduce((n, t) => n + t.turns, 0), 'turn'), plural(list.reduce((n, t) => n + t.words, 0), 'word')].join(', '),
      ...(unread > 0 ? [`${plural(unread, 'line')} with text not read as anybody's words (preamble, headers, footers, notes): listed by --format json`] : []),
      "segments: every speaker's, the interviewer's too; the coding pass reads the participants' (the segments freq counts)",
    ],
  };
}

/** One row per segment: the corpus as a flat table, ready for a spreadsheet. */
export function ingestCsv(list: IngestSummary[]): string {
  return [...ingestCsvPieces(list, list.some((t) => t.segments.some((s) => s.time !== undefined)))].join('');
}

/** ingestCsv one transcript at a time; `timed`: whether any segment has a source time (a `time` column). */
export function* ingestCsvPieces(transcripts: Iterable<IngestSummary>, timed: boolean): Generator<string> {
  yield renderCsvHeader(['transcript', 'segment', 'speaker', 'role', 'start', 'end', 'text', ...(timed ? ['time'] : [])]);
  for (const t of transcripts) yield renderCsvRows(t.segments.map((s) => [t.id, s.id, s.speaker, s.role, s.start, s.end, s.text, ...(timed ? [s.time] : [])]));
}
