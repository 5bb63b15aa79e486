// Sentence boundaries inside one paragraph, as positions in it. The splitting is natural's
// sentence tokenizer's, read in one pass: a sentence ends after a run of . ? ! … (spaces
// between them allowed) and one closing quote or bracket, except inside a web or e-mail
// address or a number such as 3.50 or 1,000. natural itself made and undid a placeholder
// for every sentence end with a regex over every sentence, so its time grew with the
// square of the sentences in a paragraph (a life story told in one turn of 20,000
// sentences took six minutes), and its e-mail pattern backtracked over a long word
// (100,000 letters: 11 s). The tests hold this module to natural's output. On top of it,
// this module keeps a sentence from ending after common abbreviations.

import type { RE2JS } from 're2js';
import type { Span } from '../types.js';
import { whenUsed } from '../when-used.js';

/** Titles: a period after them never ends a sentence ("Dr. Smith"). Case-sensitive. */
const TITLES = ['Dr', 'Mr', 'Mrs', 'Ms', 'Mx', 'Prof', 'St', 'Jr', 'Sr', 'Rev', 'Fr', 'Sgt', 'Capt', 'Lt', 'Mt'];
/** Abbreviations that may also end a sentence: they do when an upper-case word follows. */
const ABBREVIATIONS = ['vs', 'etc', 'e.g', 'i.e', 'a.m', 'p.m', 'approx', 'cf', 'al'];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TITLE_RE = new RegExp(`(?<![\\p{L}\\p{N}.])(?:${TITLES.join('|')})\\.`, 'gu');
const ABBREV_RE = new RegExp(`(?<![\\p{L}\\p{N}.])(?:${ABBREVIATIONS.map(escape).join('|')})\\.(?![\\s"'”’)\\]]*\\p{Lu})`, 'giu');
const ABBREV_INNER_RE = new RegExp(`(?<![\\p{L}\\p{N}.])(?:${ABBREVIATIONS.filter((a) => a.includes('.')).map(escape).join('|')})(?=\\.)`, 'giu');

/** Private-use characters: same UTF-16 length as what they hide, never sentence ends. */
const DOT = '\uE000';
const OPEN = '\uE001';
const CLOSE = '\uE002';

/**
 * Hide periods that do not end sentences, and braces (natural uses `{{…}}` as its own
 * placeholders), without changing the length, so positions in the masked text are
 * positions in the original.
 */
export function mask(text: string): string {
  const hideDots = (m: string): string => m.replace(/\./g, DOT);
  return text
    .replace(/[{}]/g, (b) => (b === '{' ? OPEN : CLOSE))
    .replace(TITLE_RE, hideDots)
    .replace(ABBREV_INNER_RE, hideDots)
    .replace(ABBREV_RE, hideDots);
}

/**
 * Sentence spans (UTF-16, relative to `paragraph`), trimmed, in order. A piece that
 * starts with a lower-case letter is joined to the one before (`"Leave!" she said`).
 */
export function sentenceSpans(paragraph: string): Span[] {
  const masked = mask(paragraph);
  const spans: Span[] = [];
  let start = 0;
  for (const end of [...sentenceEnds(hideAddressesAndNumbers(masked)), masked.length]) {
    const span = trimmed(masked, start, end);
    start = end;
    if (span === null) continue;
    const prev = spans[spans.length - 1];
    if (prev && LOWER_START.test(masked[span.start]!)) prev.end = span.end;
    else spans.push(span);
  }
  return spans;
}
const LOWER_START = /^\p{Ll}/u;

/** A character in no sentence end, no word and no space: what an address or a number is read as. */
const HIDDEN = '\uE003';

/**
 * natural's patterns for an address and a number. The address is found by RE2, in time
 * linear in the text; a text without "//", "www." or "@" holds none, and most paragraphs
 * are not searched at all. Spelled out as V8 reads natural's `/…/gi`: its \S is anything
 * but JavaScript's white space (RE2's is ASCII's), and its case folds ASCII letters only
 * (RE2's would let "ſ" and the Kelvin sign stand for s and k).
 */
const NOT_WHITE = '[^\\t\\n\\x0B\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]+';
const anyCase = (word: string): string => [...word].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c)).join('');
const ADDRESS = [
  `${anyCase('http')}[sS]?://${NOT_WHITE}`,
  `${anyCase('www')}\\.${NOT_WHITE}`,
  `${anyCase('ftp')}://${NOT_WHITE}`,
  `(?:${anyCase('mailto')}:)?[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}`,
  `${anyCase('file')}://${NOT_WHITE}`,
].join('|');
const MAY_HOLD_ADDRESS = /\/\/|www\.|@/i;
const NUMBER = /\b\d{1,3}(?:,\d{3})*(?:\.\d+)?\b/g;
let address: RE2JS | undefined;
const re2 = whenUsed<typeof import('re2js')>('re2js');

/** The text with every address, then every number, hidden (same length). */
function hideAddressesAndNumbers(text: string): string {
  let out = text;
  if (MAY_HOLD_ADDRESS.test(text)) {
    const { RE2JS: RE2 } = re2();
    address ??= RE2.compile(ADDRESS);
    const m = address.matcher(text);
    const parts: string[] = [];
    let at = 0;
    while (m.find()) {
      parts.push(text.slice(at, m.start()), HIDDEN.repeat(m.end() - m.start()));
      at = m.end();
    }
    out = parts.join('') + text.slice(at);
  }
  return out.replace(NUMBER, (n) => HIDDEN.repeat(n.length));
}

const isRunChar = (c: string): boolean => c === '.' || c === '?' || c === '!' || c === '…' || c === ' ';
const isStop = (c: string): boolean => c !== ' ' && isRunChar(c);
const CLOSERS = new Set(['"', "'", '”', '’', ')', '}', ']']);

/**
 * Where natural's delimiter pattern, `([.?!… ]*)([.?!…])(["'”’)}\]]?)`, ends its matches:
 * a run of . ? ! … and spaces that holds a stop ends at its last stop, and takes one
 * closing quote or bracket right after it. Read by hand, as a regex over a run of spaces
 * backtracks at every one of them.
 */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isRunChar(text[i]!)) {
      i++;
      continue;
    }
    let lastStop = -1;
    let j = i;
    for (; j < text.length && isRunChar(text[j]!); j++) if (isStop(text[j]!)) lastStop = j;
    if (lastStop < 0) {
      i = j;
      continue;
    }
    let end = lastStop + 1;
    if (end < text.length && CLOSERS.has(text[end]!)) end++;
    ends.push(end);
    i = end;
  }
  return ends;
}

/** text[start, end) without white space at either end, or null if nothing is left. */
function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && WHITE.test(text[start]!)) start++;
  while (end > start && WHITE.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}
const WHITE = /\s/;
