// Offsets into a text → 1-based line and column, in one place. yaml's LineCounter
// (already used for codebooks and configs) does the search; columns count UTF-16 units.

import { newLineCounter } from '../yaml-lib.js';

export interface LinePlace {
  line: number;
  col: number;
}

/** A line index over `text`, built once; `place(offset)` is a binary search. */
export function lineIndex(text: string): (offset: number) => LinePlace {
  const counter = newLineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  return (offset) => counter.linePos(offset);
}

/** What a pattern's `.` never crosses: a hand-written reader standing in for one refuses these too. */
export const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;
