import type { Span, Transcript } from '../../src/core/types.js';

/** Slice by code points, independently of the code under test. */
export function cpSlice(text: string, span: Span): string {
  return Array.from(text).slice(span.start, span.end).join('');
}

/** Every turn and paragraph span of `t`, as text. */
export function turnTexts(t: Transcript): string[] {
  return t.turns.map((turn) => cpSlice(t.text, turn.span));
}

export function paragraphTexts(t: Transcript): string[][] {
  return t.turns.map((turn) => turn.paragraphs.map((p) => cpSlice(t.text, p)));
}
