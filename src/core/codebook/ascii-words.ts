// The words of a plain text, each found in a table of the words met before without
// making its lower-case string: most segments of an English interview are ASCII, perhaps
// with typographic punctuation (’ “ ” — …), and for them tokenizing and looking a token
// up was a regex match, a substring, a lower-casing and a string hash per word. Here a
// word is hashed as it is read and compared with the remembered token in place; only a
// word not met before (or not remembered) is sliced. The words and tokens are exactly
// tokenize()'s: on such text its pattern reads runs of ASCII letters and digits joined
// by single apostrophes (' or ’, which the token spells '), and lower-cases.

import { normaliseToken, tokenize } from '../segment/tokenize.js';

/**
 * Calls `each` with every word of `text` as tokenize() finds it: its entry and its span.
 * Plain text (see isPlain) is read through `table` (entryOf is asked only for a word not
 * there); any other text through the tokenizer, asking entryOf for every token, so
 * entryOf keeps its own memory of the tokens it has worked out.
 */
export function readWords<T>(
  text: string, table: WordTable<T>, entryOf: (token: string) => T, each: (entry: T, start: number, end: number) => void,
): void {
  if (isPlain(text)) readPlainWords(text, table, entryOf, each);
  else for (const t of tokenize(text)) each(entryOf(t.text), t.start, t.end);
}

/**
 * Whether `text` is ASCII but for the typographic punctuation transcripts carry (no-break
 * space, ‘ ’ “ ” – — • …; none of them a letter, digit or mark): then readPlainWords
 * reads it exactly as tokenize() does. Curly apostrophes are in most lines of a
 * transcript typed in a word processor; without them here, those lines went through the
 * tokenizer (+14% on the bench's corpus with ’ for ').
 */
export function isPlain(text: string): boolean {
  return !NOT_PLAIN.test(text);
}
const NOT_PLAIN = /[^\u0000-\u007f\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/;

const APOSTROPHE = 39;
/** ’, an apostrophe to the tokenizer (a token spells it '). */
const RIGHT_QUOTE = 0x2019;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Each ASCII character in lower case. */
const LOWER = new Uint8Array(128).map((_, c) => (c >= 65 && c <= 90 ? c + 32 : c));
/**
 * A letter or digit (what the tokenizer's \p{L}\p{M}\p{N} is in ASCII) in lower case, or 0
 * for any other character: one read tells whether a word goes on and what to hash.
 */
const WORD_LOWER = new Uint8Array(128).map((_, c) => (/[0-9A-Za-z]/.test(String.fromCharCode(c)) ? LOWER[c]! : 0));

/**
 * The most slots looked at for one word. A text built so that many words share a hash
 * (the hash is not secret) would otherwise make every lookup walk a long run of slots;
 * past this, a word is simply not remembered here, and the caller's own map (whose hash
 * V8 seeds per process) finds it.
 */
const MAX_PROBES = 16;

/**
 * Remembered words by the hash of their token: open addressing over entry numbers, each
 * slot holding the entry's hash too, so most probes read one small array. The table
 * starts small and doubles at half full: an interview corpus has a vocabulary of a few
 * thousand to a few tens of thousands of words, and a table sized for the most it may
 * remember (1 MB of slots) made every lookup a cache miss.
 * `T` is what the caller keeps per token; `tokenOf(entry)` gives the token back, or
 * undefined for an entry good for one text only, which is not remembered.
 */
export class WordTable<T> {
  private slots = new Int32Array(INITIAL_SLOTS).fill(-1);
  private slotHashes = new Int32Array(INITIAL_SLOTS);
  /** Each entry's token, kept here so a lookup reads no property of T (one shape for every T). */
  private readonly tokens: string[] = [];
  private readonly entries: T[] = [];

  constructor(private readonly capacity: number, private readonly tokenOf: (entry: T) => string | undefined) {}

  /** The entry of the word text[start, end) (hash `h`), or undefined. */
  find(text: string, start: number, end: number, h: number): T | undefined {
    const mask = this.slots.length - 1;
    for (let probe = 0, at = h & mask; probe < MAX_PROBES; probe++, at = (at + 1) & mask) {
      const id = this.slots[at]!;
      if (id < 0) return undefined;
      if (this.slotHashes[at] === h && sameWord(this.tokens[id]!, text, start, end)) return this.entries[id];
    }
    return undefined;
  }

  /** Remembers an entry (until the table holds `capacity`). */
  add(h: number, entry: T): void {
    const token = this.tokenOf(entry);
    if (token === undefined || this.entries.length >= this.capacity) return;
    if (2 * (this.entries.length + 1) > this.slots.length) this.grow();
    if (!this.place(h, this.entries.length)) return;
    this.tokens.push(token);
    this.entries.push(entry);
  }

  /** Puts entry `id` in the first free slot of its run; false if the run is too long (it is then not remembered). */
  private place(h: number, id: number): boolean {
    const mask = this.slots.length - 1;
    let at = h & mask;
    for (let probe = 0; this.slots[at]! >= 0; probe++, at = (at + 1) & mask) if (probe + 1 >= MAX_PROBES) return false;
    this.slots[at] = id;
    this.slotHashes[at] = h;
    return true;
  }

  /** Twice the slots, every entry placed again by the hash its slot holds (one that no longer finds a place is never found). */
  private grow(): void {
    const [slots, hashes] = [this.slots, this.slotHashes];
    this.slots = new Int32Array(2 * slots.length).fill(-1);
    this.slotHashes = new Int32Array(2 * slots.length);
    for (let at = 0; at < slots.length; at++) if (slots[at]! >= 0) this.place(hashes[at]!, slots[at]!);
  }
}

/** Slots a table starts with (it doubles as it fills). */
const INITIAL_SLOTS = 1024;

function sameWord(token: string, text: string, start: number, end: number): boolean {
  if (token.length !== end - start) return false;
  for (let k = 0; k < token.length; k++) {
    const c = text.charCodeAt(start + k);
    if (token.charCodeAt(k) !== (c < 128 ? LOWER[c] : c === RIGHT_QUOTE ? APOSTROPHE : -1)) return false;
  }
  return true;
}

/** A character's lower-case code if it is an ASCII letter or digit, else 0 (the rest of plain text ends a word). */
function wordCode(c: number): number {
  return c < 128 ? WORD_LOWER[c]! : 0;
}

/**
 * Calls `each` with every word of a plain text (see isPlain): its start and end, and its
 * entry in `table`, or, for a word not there, `miss(token)`'s (remembered for next time).
 */
export function readPlainWords<T>(
  text: string, table: WordTable<T>, miss: (token: string) => T, each: (entry: T, start: number, end: number) => void,
): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (wordCode(text.charCodeAt(i)) === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    for (;;) {
      while (i < n) {
        const c = wordCode(text.charCodeAt(i));
        if (c === 0) break;
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
      }
      // An apostrophe joins two runs of letters ("didn't", "didn’t"); anywhere else it ends the word.
      const a = text.charCodeAt(i);
      if (i + 1 < n && (a === APOSTROPHE || a === RIGHT_QUOTE) && wordCode(text.charCodeAt(i + 1)) !== 0) {
        h = Math.imul(h ^ APOSTROPHE, FNV_PRIME);
        i++;
        continue;
      }
      break;
    }
    let entry = table.find(text, start, i, h);
    if (entry === undefined) {
      entry = miss(normaliseToken(text.slice(start, i)));
      table.add(h, entry);
    }
    each(entry, start, i);
  }
}
