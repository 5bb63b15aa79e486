// The coding pass (coder `auto`) against a human coder taken as the reference:
// per code, over the segments both reviewed, precision = TP / (TP + FP),
// recall = TP / (TP + FN), F1 = 2TP / (2TP + FP + FN); 0/0 is null with a note.

import { twoByTwo, type Ratings } from './stats.js';
import type { AutoScores } from './types.js';

export function autoScores(ratings: Ratings, autoCol: number, goldCol: number, gold: string): { scores: AutoScores; notes: string[] } {
  const t = twoByTwo(ratings, autoCol, goldCol);
  const [tp, fp, fn] = [t.both, t.only_first, t.only_second];
  const notes: string[] = [];
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  if (precision === null) notes.push('precision undefined: the coding pass applied the code to no segment the human coder reviewed (0/0)');
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  if (recall === null) notes.push(`recall undefined: ${gold} applied the code to no segment the coding pass covered (0/0)`);
  const f1 = 2 * tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn);
  if (f1 === null) notes.push('f1 undefined: neither the coding pass nor the human coder applied the code (0/0)');
  return { scores: { gold, true_positive: tp, false_positive: fp, false_negative: fn, precision, recall, f1 }, notes };
}
