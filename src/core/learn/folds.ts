import { compareText } from '../code/pass.js';

/** Folds by id (a transcript's, or a batch's): ids in code-unit order, the i-th in fold i mod k (the same folds every run). */
export function foldsOf(transcripts: readonly string[], k: number): Map<string, number> {
  const ids = [...new Set(transcripts)].sort(compareText);
  return new Map(ids.map((id, i) => [id, i % k]));
}
