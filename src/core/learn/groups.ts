// Word groups: the words of a fixed English vocabulary put in K groups by what their word
// vectors say about them (k-means on the vectors' directions), so a model that learned
// "apartment" from the hand codings also hears "bedsit" and "flat" — words in its group
// that no coder happened to meet. The groups are a table of words, carried by the model
// file: coding needs no vectors, only the table.

import { QcodeError } from '../errors.js';
import { compareText } from '../code/pass.js';

export interface WordGroups {
  /** Each group's name (its three commonest words, "rent/landlord/lease"), in code-unit order. */
  names: string[];
  /** A word (lower-cased) → the index of its group in `names`. */
  groupOf: Map<string, number>;
}

/** How a model file writes its groups: name → the group's words, commonest first, one space apart. */
export type WordGroupsFile = Record<string, string>;

export interface GroupingOptions {
  /** How many groups. */
  groups: number;
  /** Rounds of k-means (it stops early when no word moves). */
  rounds: number;
}

export const DEFAULT_GROUPING: GroupingOptions = { groups: 500, rounds: 12 };

/** How many of a vectors file's commonest words the groups are made of. */
export const DEFAULT_GROUPED_WORDS = 10000;

/** A word worth grouping: letters only (an apostrophe inside), at least two of them. */
export function isGroupable(word: string): boolean {
  return /^[a-z][a-z']*[a-z]$/.test(word);
}

/**
 * The words in `groups` groups by k-means on their unit vectors (cosine), the same on
 * every machine: the words come commonest first, the first centres are words spread
 * evenly over that list, ties go to the lower group, and the arithmetic is in a fixed
 * order. Each group is named by its three commonest words.
 */
export function groupWords(words: readonly string[], vectors: readonly Float32Array[], opts: GroupingOptions = DEFAULT_GROUPING): WordGroups {
  const k = Math.min(opts.groups, words.length);
  if (k < 1) throw new QcodeError('word groups need at least one word with a vector');
  const dims = vectors[0]!.length;
  const units = vectors.map(unit);
  const centres = Array.from({ length: k }, (_, g) => Float64Array.from(units[Math.floor((g * words.length) / k)]!));
  const assigned = new Int32Array(words.length).fill(-1);
  for (let round = 0; round < opts.rounds; round++) {
    let moved = 0;
    units.forEach((u, w) => {
      const g = nearest(u, centres);
      if (g !== assigned[w]) moved++;
      assigned[w] = g;
    });
    if (moved === 0) break;
    recentre(centres, units, assigned, dims);
  }
  return namedGroups(words, assigned, k);
}

function unit(v: Float32Array): Float64Array {
  let norm = 0;
  for (let d = 0; d < v.length; d++) norm += v[d]! * v[d]!;
  const out = Float64Array.from(v);
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let d = 0; d < out.length; d++) out[d] = out[d]! * inv;
  }
  return out;
}

function nearest(u: Float64Array, centres: readonly Float64Array[]): number {
  let best = 0;
  let bestDot = -Infinity;
  for (let g = 0; g < centres.length; g++) {
    const c = centres[g]!;
    let dot = 0;
    for (let d = 0; d < u.length; d++) dot += u[d]! * c[d]!;
    if (dot > bestDot) {
      bestDot = dot;
      best = g;
    }
  }
  return best;
}

/** Each centre moved to the direction of its words' mean; a group left empty keeps its centre. */
function recentre(centres: Float64Array[], units: readonly Float64Array[], assigned: Int32Array, dims: number): void {
  const sums = centres.map(() => new Float64Array(dims));
  units.forEach((u, w) => {
    const s = sums[assigned[w]!]!;
    for (let d = 0; d < dims; d++) s[d] = s[d]! + u[d]!;
  });
  sums.forEach((s, g) => {
    if (s.some((x) => x !== 0)) centres[g] = unit(Float32Array.from(s));
  });
}

function namedGroups(words: readonly string[], assigned: Int32Array, k: number): WordGroups {
  const members: string[][] = Array.from({ length: k }, () => []);
  words.forEach((w, i) => members[assigned[i]!]!.push(w));
  return groupsFromFile(Object.fromEntries(members.filter((m) => m.length > 0).map((m) => [m.slice(0, 3).join('/'), m.join(' ')])));
}

/** The groups as a model file writes them. */
export function groupsToFile(groups: WordGroups): WordGroupsFile {
  const members: string[][] = groups.names.map(() => []);
  for (const [word, g] of groups.groupOf) members[g]!.push(word);
  return Object.fromEntries(groups.names.map((name, g) => [name, members[g]!.join(' ')]));
}

/** The groups of a model file (its keys sorted, so a group's index is the same however the file was written). */
export function groupsFromFile(file: WordGroupsFile): WordGroups {
  const names = Object.keys(file).sort(compareText);
  const groupOf = new Map<string, number>();
  names.forEach((name, g) => {
    for (const word of file[name]!.split(' ')) if (word !== '' && !groupOf.has(word)) groupOf.set(word, g);
  });
  return { names, groupOf };
}
