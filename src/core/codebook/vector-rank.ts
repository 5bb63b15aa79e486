// How close a candidate term is, in word-vector space, to what a code already says: the
// mean direction of the words of its label and of its rules' terms. A phrase is the mean
// of its words' directions, each less the direction all the compared words share.
// Cosine similarity, from -1 to 1: a researcher compares the candidates of one list with
// it, never one number with a fixed bar.

import type { WordVectors } from './word-vectors.js';

export interface CodeWords {
  /** Words of the code's label and its (and its descendants') rule terms, lower-cased. */
  words: string[];
}

/** The words of a term as written (`couldn't pay* =rent`): its parts without `=` and `*`. */
export function wordsOfTerm(raw: string): string[] {
  return raw.toLowerCase().split(/\s+/).map((w) => w.replace(/^=/, '').replace(/\*$/, '')).filter((w) => /\p{L}/u.test(w));
}

/**
 * The mean of the unit vectors of the words the file has, each less `common` (see
 * sharedDirection); null when the file has none of them.
 */
export function meanDirection(words: readonly string[], wv: WordVectors, common?: Float32Array): Float32Array | null {
  const sum = new Float32Array(wv.dimensions);
  let found = 0;
  for (const w of words) {
    const v = wv.vectors.get(w);
    if (!v) continue;
    const n = norm(v);
    if (n === 0) continue;
    for (let d = 0; d < sum.length; d++) sum[d] = sum[d]! + v[d]! / n - (common?.[d] ?? 0);
    found++;
  }
  return found === 0 ? null : sum;
}

/**
 * The direction the words share, when the file did not give one (see WordVectors.common):
 * the mean of the selection's. Skip-gram vectors of common words point much the same
 * way, so without taking it out "once" and "time" look like every code; with it out,
 * what is left is what tells words apart.
 */
export function sharedDirection(wv: WordVectors): Float32Array {
  return meanDirection([...wv.vectors.keys()], wv) ?.map((x) => x / wv.vectors.size) ?? new Float32Array(wv.dimensions);
}

export function cosine(a: Float32Array, b: Float32Array): number {
  const na = norm(a);
  const nb = norm(b);
  if (na === 0 || nb === 0) return 0;
  let dot = 0;
  for (let d = 0; d < a.length; d++) dot += a[d]! * b[d]!;
  return dot / (na * nb);
}

function norm(v: Float32Array): number {
  let s = 0;
  for (let d = 0; d < v.length; d++) s += v[d]! * v[d]!;
  return Math.sqrt(s);
}

/**
 * A term's similarity to the code (3 decimals), or null when the file has none of the
 * term's words or none of the code's. Stopwords of the code's words are the caller's to drop.
 */
export function similarityToCode(code: CodeWords, wv: WordVectors): (term: string) => number | null {
  const common = wv.common ?? sharedDirection(wv);
  const centre = meanDirection(code.words, wv, common);
  return (term) => {
    if (!centre) return null;
    const v = meanDirection(wordsOfTerm(term), wv, common);
    return v ? Math.round(cosine(v, centre) * 1000) / 1000 : null;
  };
}
