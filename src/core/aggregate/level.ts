// `--level N`: every report can roll codes up to depth N (1 = the themes). A code's
// counts always include its descendants, so rolling up is choosing which codes to
// show: those above depth N.

import { flattenCodes, type Code } from '../codebook/model.js';
import { QcodeError } from '../errors.js';

/** The codes a report shows, parents before children: every code, or those at depth < level. */
export function codesAtLevel(codes: Code[], level?: number): Code[] {
  const all = flattenCodes(codes);
  return level === undefined ? all : all.filter((c) => c.depth < level);
}

/** `--level` is a whole number from 1; deeper than the codebook goes is simply every code. */
export function checkLevel(level: number | undefined): void {
  if (level === undefined) return;
  if (!Number.isInteger(level) || level < 1) {
    throw new QcodeError(`--level must be a whole number from 1 (1 = top-level codes), not "${level}"`);
  }
}
