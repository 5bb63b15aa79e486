import { OffsetMap } from '../segment/offsets.js';
import { segmentTranscript } from '../segment/segment.js';
import { tokenize } from '../segment/tokenize.js';
import type { Attributes, Format, Layout, Role, Segment, Transcript, Unit, UnreadLine, Warning } from '../types.js';

export interface SpeakerSummary {
  label: string;
  role: Role;
  turns: number;
  words: number;
}

/** What `qcode ingest` reports of one transcript. */
export interface IngestSummary {
  id: string;
  source: string;
  format: Format;
  /** Which tool's export the file was read as. */
  layout: Layout;
  attributes: Attributes;
  turns: number;
  words: number;
  speakers: SpeakerSummary[];
  /** How many segments the unit makes. */
  segment_count: number;
  /** The segments themselves; empty when the caller asked for counts only. */
  segments: Segment[];
  /** Lines with text that were not read as anybody's words. */
  unread: UnreadLine[];
  warnings: Warning[];
}

/** What `ingest` reports of one transcript; `keepSegments: false` keeps only their count. */
export function summarise(t: Transcript, unit: Unit, keepSegments = true): IngestSummary {
  const speakers = new Map<string, SpeakerSummary>();
  // One map for the whole text: sliceCodePoints would rescan it for every turn.
  const text = new OffsetMap(t.text);
  let words = 0;
  for (const turn of t.turns) {
    const s = speakers.get(turn.speaker) ?? { label: turn.speaker, role: turn.role, turns: 0, words: 0 };
    const n = tokenize(text.slice(turn.span.start, turn.span.end)).length;
    s.turns++;
    s.words += n;
    words += n;
    speakers.set(turn.speaker, s);
  }
  const segments = segmentTranscript(t, unit);
  return {
    id: t.id, source: t.source, format: t.format, layout: t.layout, attributes: t.attributes,
    turns: t.turns.length, words, speakers: [...speakers.values()],
    segment_count: segments.length, segments: keepSegments ? segments : [], unread: t.unread, warnings: t.warnings,
  };
}
