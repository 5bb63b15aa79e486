// How close a candidate term is, in word-vector space, to what a code already says: the
// mean direction of the words of its label and of its rules' terms. A phrase is the mean
// of its words' directions, each less the direction all the compared words share.
// Cosine similarity, from -1 to 1: a researcher compares the candidates of one list with
// it, never one number with a fixed bar.

// Type only: word-vectors.ts takes MeanDirection from here, so the two never load each other in a cycle.
import type { WordVectors } from './word-vectors.js';

export interface CodeWords {
  /** Words of the code's label and its (and its descendants') rule terms, lower-cased. */
  words: string[];
}

/** The words of a term as written (`couldn't pay* =rent`): its parts without `=` and `*`. */
export function wordsOfTerm(raw: string): string[] {
  return raw.toLowerCase().split(/\s+/).map((w) => w.replace(/^=/, '').replace(/\*$/, '')).filter((w) => /\p{L}/u.test(w));
}

/** The mean of unit vectors added one at a time (a zero vector has no direction and is skipped). */
export class MeanDirection {
  private sum: Float64Array | null = null;
  count = 0;

  add(v: Float32Array): void {
    const n = norm(v);
    if (n === 0) return;
    this.sum ??= new Float64Array(v.length);
    for (let d = 0; d < v.length; d++) this.sum[d] = this.sum[d]! + v[d]! / n;
    this.count++;
  }

  mean(): Float32Array | undefined {
    return this.sum ? Float32Array.from(this.sum, (x) => x / this.count) : undefined;
  }
}

/** The mean unit vector of the words the file has, less `common`; null when it has none of them. */
function directionOf(words: Iterable<string>, wv: WordVectors, common: Float32Array): Float32Array | null {
  const mean = new MeanDirection();
  for (const w of words) {
    const v = wv.vectors.get(w);
    if (v) mean.add(v);
  }
  return mean.mean()?.map((x, d) => x - common[d]!) ?? null;
}

/**
 * The direction the words share, when the file did not give one (see WordVectors.common):
 * the mean of the selection's. Skip-gram vectors of common words point much the same
 * way, so without taking it out "once" and "time" look like every code; with it out,
 * what is left is what tells words apart.
 */
function sharedDirection(wv: WordVectors): Float32Array {
  return directionOf(wv.vectors.keys(), wv, new Float32Array(wv.dimensions)) ?? new Float32Array(wv.dimensions);
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
  const centre = directionOf(code.words, wv, common);
  return (term) => {
    if (!centre) return null;
    const v = directionOf(wordsOfTerm(term), wv, common);
    return v ? Math.round(cosine(v, centre) * 1000) / 1000 : null;
  };
}
