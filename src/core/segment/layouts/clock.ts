// Clock times as export tools write them beside names and on lines of their own.

import { LINE_TERMINATOR } from '../lines.js';

/** `0:09`, `12:31`, `1:02:05`, `00:00:44.5`: what the layouts accept as a written time. */
export const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;

const BARE_TIME = new RegExp(String.raw`^(?:\[(${CLOCK})\]|(${CLOCK}))$`);

/** The clock of a line that holds only a time (`0:00:17`, `[00:00:44]`), or undefined. */
export function bareTime(line: string): string | undefined {
  const m = BARE_TIME.exec(line);
  return m ? (m[1] ?? m[2]) : undefined;
}

// The two layouts below are read by hand around the time rather than by one pattern for
// the whole line: `^(\S.*?)(?: {2,}|\t)[ \t]*…$` tried every way of sharing a run of
// spaces between the name and the gap, and a line of 2,000 spaces took four seconds
// (20,000: minutes). What they accept is the same: tests hold them to those patterns.

/** The line's first character is not white space (the name's first character). */
const STARTS_WITH_WORD = /^\S/;
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** `Name  0:09` (two or more spaces, or a tab, before the time): Otter and Teams. */
const TIME_AT_END = new RegExp(String.raw`[ \t](${CLOCK})$`);

export function nameTime(line: string): { name: string; start: string } | undefined {
  if (!STARTS_WITH_WORD.test(line) || LINE_TERMINATOR.test(line)) return undefined;
  const m = TIME_AT_END.exec(line);
  if (!m) return undefined;
  const clock = m.index + 1;
  let gap = clock;
  while (gap > 1 && isBlank(line[gap - 1])) gap--;
  const blanks = line.slice(gap, clock);
  if (!blanks.includes('\t') && !blanks.includes('  ')) return undefined;
  return { name: line.slice(0, gap).trim(), start: m[1] as string };
}

/** `Speaker 1 (00:09):` alone or followed by the words: Rev and similar services. */
const REV_TIME = new RegExp(String.raw`\((${CLOCK})\):(?=$|[ \t])`, 'g');

export function revLabel(line: string): { name: string; start: string; words?: string } | undefined {
  // Most lines have no "):" at all.
  if (!line.includes('):') || !STARTS_WITH_WORD.test(line) || LINE_TERMINATOR.test(line)) return undefined;
  // The first time in brackets after the name's first character: the name is what comes before it.
  REV_TIME.lastIndex = 1;
  const m = REV_TIME.exec(line);
  if (!m) return undefined;
  const out: { name: string; start: string; words?: string } = { name: line.slice(0, m.index).trim(), start: m[1] as string };
  const words = line.slice(m.index + m[0].length).trim();
  if (words !== '') out.words = words;
  return out;
}
