import { QcodeError } from '../errors.js';
import type { Place } from '../types.js';

/**
 * Segment ids are `<transcript>:<turn>` (SPEC §3), so a transcript id holding a colon
 * or a line break would make them ambiguous or unprintable.
 */
export function checkTranscriptId(id: string, place: Place): void {
  if (id.trim() === '') throw new QcodeError('transcript id is empty', place);
  if (/[:\n\r]/.test(id)) {
    throw new QcodeError(`transcript id "${id}" may not contain ":" or a line break (segment ids are <transcript>:<turn>)`, place);
  }
}

/**
 * The transcript a segment id belongs to: the text before its last colon (SPEC §3
 * ids are `<transcript>:<turn>…`), or the whole id when it has none (`u7`, an id
 * from another tool, names a unit of its own).
 */
export function transcriptOfSegment(segment: string): string {
  const i = segment.lastIndexOf(':');
  return i > 0 ? segment.slice(0, i) : segment;
}
