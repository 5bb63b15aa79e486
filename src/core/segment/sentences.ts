// Sentence boundaries inside one paragraph. natural's tokenizer does the splitting;
// this module keeps it from splitting after common abbreviations and maps its
// output (which it trims and rebuilds) back onto positions in the paragraph.

import SentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer.js';
import type { Span } from '../types.js';

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
function mask(text: string): string {
  const hideDots = (m: string): string => m.replace(/\./g, DOT);
  return text
    .replace(/[{}]/g, (b) => (b === '{' ? OPEN : CLOSE))
    .replace(TITLE_RE, hideDots)
    .replace(ABBREV_INNER_RE, hideDots)
    .replace(ABBREV_RE, hideDots);
}

const tokenizer = new SentenceTokenizer([], true);

/**
 * Sentence spans (UTF-16, relative to `paragraph`), trimmed, in order. A piece that
 * starts with a lower-case letter is joined to the one before (`"Leave!" she said`).
 */
export function sentenceSpans(paragraph: string): Span[] {
  const masked = mask(paragraph);
  const spans: Span[] = [];
  let cursor = 0;
  for (const piece of tokenizer.tokenize(masked)) {
    const sentence = piece.trim();
    if (sentence === '') continue;
    const at = masked.indexOf(sentence, cursor);
    if (at < 0) break; // the tokenizer rewrote something: the rest becomes one sentence below
    const span = { start: at, end: at + sentence.length };
    const prev = spans[spans.length - 1];
    if (prev && /^[\p{Ll}]/u.test(sentence)) prev.end = span.end;
    else spans.push(span);
    cursor = span.end;
  }
  const rest = paragraph.slice(cursor);
  const lead = rest.length - rest.trimStart().length;
  const tail = rest.trimEnd().length;
  if (tail > lead) spans.push({ start: cursor + lead, end: cursor + tail });
  return spans;
}
