// What a model buys, measured before anyone relies on it: k-fold cross-validation by
// transcript (a transcript's segments are never both learned from and judged), with the
// rules alone, the model alone and each merge policy scored against the human coding.

import { cohenKappaOf } from '../agree/stats.js';
import type { Codebook } from '../codebook/model.js';
import type { StemFn } from '../codebook/stem.js';
import { featuresOf } from './features.js';
import { foldsOf } from './folds.js';
import type { CodeId } from '../types.js';
import { decide, MERGE_POLICIES, scoreFeatures, scoringModel, type MergePolicy } from './apply.js';
import { round4 } from './model.js';
import { DEFAULT_LEARN, leafCodes, learnModel, type LabelledSegment, type LearnOptions } from './train.js';

/** A human-coded segment and the codes the rules gave it. */
export interface JudgedSegment extends LabelledSegment {
  rules: ReadonlySet<CodeId>;
}

export interface Scores {
  /** Cohen's κ of this coder against the human one over the held-out segments; null when undefined. */
  kappa: number | null;
  precision: number | null;
  recall: number | null;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

export interface CodeEvaluation {
  code: CodeId;
  /** Segments the human coder gave the code. */
  human: number;
  rules: Scores;
  model: Scores;
  merge: Scores;
}

export interface Summary {
  /** Mean of the leaf codes' κ (those where κ is defined). */
  meanKappa: number | null;
  /** Over all leaf codes' segment decisions together. */
  precision: number | null;
  recall: number | null;
}

export interface Evaluation {
  folds: number;
  transcripts: number;
  segments: number;
  /** The policy of the per-code `merge` column. */
  merge: MergePolicy;
  codes: CodeEvaluation[];
  /** rules alone (= policy `rules`), model alone (= `model`), `union`, `vote`. */
  summary: Record<MergePolicy, Summary>;
}


export function crossValidate(
  book: Codebook, stem: StemFn, judged: readonly JudgedSegment[], k: number, merge: MergePolicy, opts: LearnOptions = DEFAULT_LEARN,
): Evaluation {
  const segments = judged.map((s) => ({ ...s, features: s.features ?? featuresOf(s.text, s.question, stem, opts.groups) }));
  const transcripts = [...new Set(segments.map((s) => s.transcript))];
  const folds = Math.max(0, Math.min(k, transcripts.length));
  const foldOf = foldsOf(transcripts, folds);
  const leaves = leafCodes(book).map((c) => c.id);
  // decisions[policy][code] = [human, given] per held-out segment
  const decisions = new Map<MergePolicy, Map<CodeId, Array<[boolean, boolean]>>>(MERGE_POLICIES.map((p) => [p, new Map(leaves.map((c) => [c, []]))]));
  for (let f = 0; f < (folds >= 2 ? folds : 0); f++) {
    const train = segments.filter((s) => foldOf.get(s.transcript) !== f);
    const held = segments.filter((s) => foldOf.get(s.transcript) === f);
    const scoring = scoringModel(learnModel(book, stem, train, opts), stem);
    for (const s of held) {
      const opinions = scoreFeatures(scoring, s.features);
      for (const code of leaves) {
        const o = opinions.get(code);
        for (const p of MERGE_POLICIES) decisions.get(p)!.get(code)!.push([s.codes.has(code), decide(p, s.rules.has(code), o, scoring.model.codes[code])]);
      }
    }
  }
  const perCode = (p: MergePolicy, code: CodeId): Scores => scoresOf(decisions.get(p)!.get(code)!);
  const codes = leaves.map((code) => ({
    code,
    human: segments.filter((s) => s.codes.has(code)).length,
    rules: perCode('rules', code),
    model: perCode('model', code),
    merge: perCode(merge, code),
  }));
  const summary = Object.fromEntries(MERGE_POLICIES.map((p) => [p, summaryOf(leaves.map((c) => perCode(p, c)))])) as Record<MergePolicy, Summary>;
  return { folds: folds >= 2 ? folds : 0, transcripts: transcripts.length, segments: segments.length, merge, codes, summary };
}

function scoresOf(pairs: ReadonlyArray<[boolean, boolean]>): Scores {
  let tp = 0, fp = 0, fn = 0;
  for (const [human, given] of pairs) {
    if (human && given) tp++;
    else if (given) fp++;
    else if (human) fn++;
  }
  const kappa = cohenKappaOf(pairs.map(([h, g]) => [h ? '1' : '0', g ? '1' : '0'])).value;
  return {
    kappa: kappa === null ? null : round4(kappa),
    precision: tp + fp > 0 ? round4(tp / (tp + fp)) : null,
    recall: tp + fn > 0 ? round4(tp / (tp + fn)) : null,
    truePositive: tp, falsePositive: fp, falseNegative: fn,
  };
}

function summaryOf(scores: readonly Scores[]): Summary {
  const kappas = scores.map((s) => s.kappa).filter((k): k is number => k !== null);
  let tp = 0, fp = 0, fn = 0;
  for (const s of scores) {
    tp += s.truePositive;
    fp += s.falsePositive;
    fn += s.falseNegative;
  }
  return {
    meanKappa: kappas.length > 0 ? round4(kappas.reduce((a, b) => a + b, 0) / kappas.length) : null,
    precision: tp + fp > 0 ? round4(tp / (tp + fp)) : null,
    recall: tp + fn > 0 ? round4(tp / (tp + fn)) : null,
  };
}
