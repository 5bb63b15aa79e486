// The question a turn answers: the last non-empty interviewer turn before it. One
// reading, used by `prompt` rules in the coding pass and by the question quotes show.

import type { Segment, Transcript, Turn } from '../types.js';
import { OffsetMap } from './offsets.js';

/**
 * For each turn that some non-empty interviewer turn precedes, the last such turn (keyed
 * by turn index). Consecutive participant turns answer the same question. An
 * interviewer's own turn maps to the interviewer turn before it: whether that counts as
 * a question is the caller's to say (`prompt` rules say no).
 */
export function questionTurns(t: Transcript): Map<number, Turn> {
  const askedBy = new Map<number, Turn>();
  let last: Turn | undefined;
  for (const turn of t.turns) {
    if (last) askedBy.set(turn.index, last);
    if (turn.role === 'interviewer' && turn.span.end > turn.span.start) last = turn;
  }
  return askedBy;
}

/**
 * The text of the question each segment answers: its turn's question. A segment of an
 * interviewer's own turn, or one that no interviewer turn precedes, answers none (null).
 * Every paragraph and sentence of a turn shares its turn's question.
 */
export function segmentQuestions(t: Transcript): (seg: Segment) => string | null {
  const askedBy = questionTurns(t);
  let map: OffsetMap | null = null;
  return (seg) => {
    if (seg.role === 'interviewer') return null;
    const q = askedBy.get(seg.turn);
    if (!q) return null;
    map ??= new OffsetMap(t.text);
    return map.slice(q.span.start, q.span.end);
  };
}
