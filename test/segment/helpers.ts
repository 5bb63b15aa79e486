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

/** A transcript in qcode's own plain-text format, shared by the reader and segmenter tests. */
export const PLAIN_EXAMPLE = [
  '---',
  'id: P03',
  'age_group: 25-34',
  'exit_attempts: 4',
  '---',
  'I: Can you tell me about the first time you tried to leave?',
  'P03: I was nineteen. I had no money and nowhere to stay.',
  '',
  'It took me four more tries.',
  '[00:12:31] I: What helped, in the end?',
  'P03: A program that lasted two years, not two weeks.',
  '',
].join('\n');
