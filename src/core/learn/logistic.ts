// A binary logistic regression over sparse binary features, written out here rather than
// taken from natural: natural's classifiers give one label per document (a segment may
// carry several codes), tokenize and stem on their own (no bigrams, no question), and its
// logistic regression keeps a dense matrix of the whole vocabulary. This one trains with
// seeded stochastic gradient steps (AdaGrad), so the same examples give the same weights.

import { mulberry32 } from '../agree/bootstrap.js';

/** One training example: indices of the features present, and whether the code applies. */
export interface Example {
  features: number[];
  /** How many features the segment has in all (the vector is scaled by 1/√count). */
  count: number;
  positive: boolean;
}

export interface TrainOptions {
  epochs: number;
  /** L2 penalty per step on the weights an example touches. */
  l2: number;
  rate: number;
  seed: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 30, l2: 3e-3, rate: 0.5, seed: 20261129 };

export interface Weights {
  bias: number;
  weights: Float64Array;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Weights for `size` features. Positives are weighted by √(negatives/positives), so a
 * code that a tenth of segments carry is not learned as "never".
 */
export function trainLogistic(examples: readonly Example[], size: number, opts: TrainOptions = DEFAULT_TRAIN): Weights {
  const w = new Float64Array(size);
  const g2 = new Float64Array(size);
  let bias = 0;
  let biasG2 = 0;
  const pos = examples.filter((e) => e.positive).length;
  const neg = examples.length - pos;
  const posWeight = pos > 0 && neg > 0 ? Math.sqrt(neg / pos) : 1;
  const order = examples.map((_, i) => i);
  // Seeded: the order of the steps, and so the weights, never vary between runs.
  const random = mulberry32(opts.seed);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const e = examples[i]!;
      const scale = 1 / Math.sqrt(Math.max(1, e.count));
      let z = bias;
      for (const f of e.features) z += w[f]! * scale;
      const weight = e.positive ? posWeight : 1;
      const err = (sigmoid(z) - (e.positive ? 1 : 0)) * weight;
      biasG2 += err * err;
      bias -= (opts.rate * err) / Math.sqrt(biasG2 + 1e-8);
      for (const f of e.features) {
        const g = err * scale + opts.l2 * w[f]!;
        g2[f] = g2[f]! + g * g;
        w[f] = w[f]! - (opts.rate * g) / Math.sqrt(g2[f]! + 1e-8);
      }
    }
  }
  return { bias, weights: w };
}

function shuffle(a: number[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}
