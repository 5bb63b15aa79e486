import { QcodeError } from '../errors.js';
import type { Place } from '../types.js';

/**
 * Segment ids are `<transcript>:<turn>`, so a transcript id holding a colon
 * or a line break would make them ambiguous or unprintable.
 */
export function checkTranscriptId(id: string, place: Place): void {
  if (id.trim() === '') throw new QcodeError('transcript id is empty', place);
  if (/[:\n\r]/.test(id)) {
    throw new QcodeError(`transcript id "${id}" may not contain ":" or a line break (segment ids are <transcript>:<turn>)`, place);
  }
}

/** A segment id taken apart: `P03:4.p2` is transcript P03, turn 4, paragraph 2. */
export interface SegmentIdParts {
  transcript: string;
  turn: number;
  /** `p` for a paragraph, `s` for a sentence, absent for a whole turn. */
  unit?: 'p' | 's';
  /** The paragraph or sentence number within the turn; 0 for a whole turn. */
  sub: number;
}

// The transcript part may hold anything but a line break; the last `:<turn>` ends it.
const SEGMENT_ID = /^([^\n]+):(\d+)(?:\.([ps])(\d+))?$/;

/** The parts of a segment id, or null when it is not `<transcript>:<turn>[.p<k>|.s<k>]`. */
export function parseSegmentId(id: string): SegmentIdParts | null {
  const m = SEGMENT_ID.exec(id);
  if (!m) return null;
  const parts: SegmentIdParts = { transcript: m[1] as string, turn: Number(m[2]), sub: m[4] === undefined ? 0 : Number(m[4]) };
  if (m[3] === 'p' || m[3] === 's') parts.unit = m[3];
  return parts;
}

/** Transcript, then turn, then paragraph/sentence number; ids of other tools by text. */
export function compareSegmentIds(a: string, b: string): number {
  const pa = parseSegmentId(a);
  const pb = parseSegmentId(b);
  if (pa && pb) {
    if (pa.transcript !== pb.transcript) return pa.transcript < pb.transcript ? -1 : 1;
    if (pa.turn !== pb.turn) return pa.turn - pb.turn;
    if (pa.sub !== pb.sub) return pa.sub - pb.sub;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The transcript a segment id belongs to: the text before its last colon (ids are
 * `<transcript>:<turn>…`), or the whole id when it has none (`u7`, an id
 * from another tool, names a unit of its own).
 */
export function transcriptOfSegment(segment: string): string {
  const parts = parseSegmentId(segment);
  if (parts) return parts.transcript;
  const i = segment.lastIndexOf(':');
  return i > 0 ? segment.slice(0, i) : segment;
}
