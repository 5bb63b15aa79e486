import { tokenize } from '../segment/tokenize.js';
import type { Place } from '../types.js';
import type { Term, TermPart } from './model.js';

/**
 * Reads a term as written in a codebook. Each whitespace-separated word may carry
 * `=` (exact, unstemmed) in front or `*` (prefix, unstemmed) at its end; a word is
 * tokenized like segment text, so `e-mail` becomes the phrase `e mail` and matches
 * the same tokens the text gives. Returns null when nothing token-like is left.
 */
export function parseTerm(raw: string, place: Place): Term | null {
  const parts: TermPart[] = [];
  for (const word of raw.trim().split(/\s+/)) {
    const exact = word.startsWith('=');
    const prefix = !exact && word.endsWith('*');
    const body = word.slice(exact ? 1 : 0, prefix ? -1 : undefined);
    const tokens = tokenize(body);
    tokens.forEach((t, i) => {
      const last = i === tokens.length - 1;
      parts.push({ kind: exact ? 'exact' : prefix && last ? 'prefix' : 'stem', word: t.text });
    });
  }
  return parts.length > 0 ? { raw: raw.trim(), parts, place } : null;
}
