import type { IngestSummary } from '../core/aggregate/ingest.js';
import { renderCsv } from './csv.js';
import type { TableModel } from './model.js';
import { plural } from './text.js';

export function ingestJson(list: IngestSummary[], version: string): unknown {
  return {
    qcode: version,
    transcripts: list.map((t) => ({
      id: t.id, source: t.source, format: t.format, attributes: t.attributes,
      turns: t.turns, words: t.words, speakers: t.speakers,
      segments: t.segments.map((s) => ({ id: s.id, speaker: s.speaker, role: s.role, start: s.start, end: s.end, text: s.text })),
      warnings: t.warnings.map((w) => ({ ...(w.line !== undefined ? { line: w.line } : {}), message: w.message })),
    })),
  };
}

export function ingestTable(list: IngestSummary[]): TableModel {
  const attrKeys = [...new Set(list.flatMap((t) => Object.keys(t.attributes)))].sort();
  return {
    columns: [
      { header: 'transcript' }, { header: 'format' }, { header: 'turns', align: 'right' },
      { header: 'segments', align: 'right' }, { header: 'words', align: 'right' }, { header: 'speakers' },
      ...attrKeys.map((k) => ({ header: k })), { header: 'warnings', align: 'right' },
    ],
    rows: list.map((t) => [
      t.id, t.format, String(t.turns), String(t.segments.length), String(t.words),
      t.speakers.map((s) => `${s.label}${s.role === 'interviewer' ? ' (I)' : ''}`).join(', '),
      ...attrKeys.map((k) => (t.attributes[k] === undefined || t.attributes[k] === null ? '' : String(t.attributes[k]))),
      String(t.warnings.length),
    ]),
    notes: [[plural(list.length, 'transcript'), plural(list.reduce((n, t) => n + t.turns, 0), 'turn'), plural(list.reduce((n, t) => n + t.words, 0), 'word')].join(', ')],
  };
}

/** One row per segment: the corpus as a flat table, ready for a spreadsheet. */
export function ingestCsv(list: IngestSummary[]): string {
  return renderCsv(
    ['transcript', 'segment', 'speaker', 'role', 'start', 'end', 'text'],
    list.flatMap((t) => t.segments.map((s) => [t.id, s.id, s.speaker, s.role, s.start, s.end, s.text])),
  );
}
