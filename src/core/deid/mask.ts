// What a finding shows by default (its shape, not its words) and what a redacted
// copy or a masked quote writes in its place.

import { PLACEHOLDERS, type Detection } from './types.js';

/** "Maria Lopez" → "M•••• L••••", "312-555-0142" → "•••-•••-••••": enough to find it, not to read it. */
export function maskText(text: string): string {
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => (/^\p{L}/u.test(word) ? word[0] + '•'.repeat(Math.max(0, [...word].length - 1)) : '•'.repeat([...word].length)));
}

/** `text` with each detection replaced by its typed placeholder ([NAME], [PHONE] …). */
export function replaceDetections(text: string, found: readonly Detection[], placeholder = (d: Detection) => PLACEHOLDERS[d.kind]): string {
  let out = '';
  let at = 0;
  for (const d of [...found].sort((a, b) => a.start - b.start)) {
    if (d.start < at) continue;
    out += text.slice(at, d.start) + placeholder(d);
    at = d.end;
  }
  return out + text.slice(at);
}
