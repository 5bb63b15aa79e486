// turns, paragraphs and sentences as codable segments with stable ids.
// Every turn is segmented whatever its role; choosing which ones to code is the caller's job.

import type { Segment, Span, Transcript, Turn, Unit } from '../types.js';
import { OffsetMap } from './offsets.js';
import { sentenceSpans } from './sentences.js';

function make(t: Transcript, turn: Turn, id: string, unit: Unit, span: Span, map: OffsetMap): Segment {
  const segment: Segment = {
    id,
    transcript: t.id,
    turn: turn.index,
    unit,
    speaker: turn.speaker,
    role: turn.role,
    start: span.start,
    end: span.end,
    text: map.slice(span.start, span.end),
  };
  if (turn.time !== undefined) segment.time = turn.time;
  return segment;
}

/** Segments of every non-empty turn, in document order. */
export function segmentTranscript(t: Transcript, unit: Unit): Segment[] {
  const map = new OffsetMap(t.text);
  const out: Segment[] = [];
  for (const turn of t.turns) {
    if (turn.span.end <= turn.span.start || turn.paragraphs.length === 0) continue;
    const base = `${t.id}:${turn.index}`;
    if (unit === 'turn') {
      out.push(make(t, turn, base, unit, turn.span, map));
    } else if (unit === 'paragraph') {
      turn.paragraphs.forEach((p, k) => out.push(make(t, turn, `${base}.p${k + 1}`, unit, p, map)));
    } else {
      let k = 0;
      for (const p of turn.paragraphs) {
        const u0 = map.toUtf16(p.start);
        const text = t.text.slice(u0, map.toUtf16(p.end));
        for (const s of sentenceSpans(text)) {
          const span = { start: map.toCodePoint(u0 + s.start), end: map.toCodePoint(u0 + s.end) };
          out.push(make(t, turn, `${base}.s${++k}`, unit, span, map));
        }
      }
    }
  }
  return out;
}
