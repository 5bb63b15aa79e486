// The model's opinion of each segment, and the merge of that opinion with the rules'
// codings. A step of its own after the coding pass: the same transcript and rules'
// codings in, the coding of record out.

import type { MergePolicy } from '../codebook/model.js';
import type { StemFn } from '../codebook/stem.js';
import { compareText, type CodedTranscript } from '../code/pass.js';
import { segmentQuestions } from '../segment/questions.js';
import type { CodeId, Coding, Segment, Transcript } from '../types.js';
import { featuresOf } from './features.js';
import { sigmoid } from './logistic.js';
import { round4, type CodeModel, type LearnedModel } from './model.js';

/**
 * How the rules' codings and the model's are combined (p = the model's probability that
 * the code applies to the segment; t = the code's `threshold` and c its `confident`
 * threshold in the model file, both set by `learn` on out-of-fold probabilities):
 * - `rules`: the rules' codings only; each carries the model's p as a second opinion.
 * - `model`: the model's codings only: every code with p ≥ t.
 * - `union`: the rules' codings, plus every code with p ≥ t the rules did not give.
 * - `vote`: the rules hold two votes, the model one at p ≥ t and one more at p ≥ c; two
 *   votes give the code. So every rules coding stays, and the model adds a code the
 *   rules missed only at p ≥ c (where, out of fold, at least 80% of the model's codings
 *   were right); a code without c gets nothing from the model.
 * A code the model has no weights for is left to the rules under every policy but `model`.
 */
export { DEFAULT_MERGE, MERGE_POLICIES, type MergePolicy } from '../codebook/model.js';
export const MODEL_CODER = 'model';
/** Features named on a coding: the ones that pushed its probability up most. */
const SHOWN_FEATURES = 3;

/** A model ready to score: feature → the codes that weigh it. */
export interface ScoringModel {
  model: LearnedModel;
  stem: StemFn;
  byFeature: Map<string, Array<{ code: CodeId; weight: number }>>;
}

export interface Opinion {
  probability: number;
  /** Strongest features first. */
  features: string[];
}

export function scoringModel(model: LearnedModel, stem: StemFn): ScoringModel {
  const byFeature = new Map<string, Array<{ code: CodeId; weight: number }>>();
  for (const code of Object.keys(model.codes).sort(compareText)) {
    for (const [f, weight] of Object.entries(model.codes[code]!.weights)) {
      const list = byFeature.get(f) ?? [];
      list.push({ code, weight });
      byFeature.set(f, list);
    }
  }
  return { model, stem, byFeature };
}

/** The model's probability for every code it knows, on one text and its question. */
export function scoreText(m: ScoringModel, text: string, question: string | null): Map<CodeId, Opinion> {
  return scoreFeatures(m, featuresOf(text, question, m.stem));
}

/** The same, from a text's features already found. */
export function scoreFeatures(m: ScoringModel, features: readonly string[]): Map<CodeId, Opinion> {
  const scale = 1 / Math.sqrt(Math.max(1, features.length));
  const sums = new Map<CodeId, number>();
  const pushes = new Map<CodeId, Array<[string, number]>>();
  for (const f of features) {
    for (const { code, weight } of m.byFeature.get(f) ?? []) {
      sums.set(code, (sums.get(code) ?? 0) + weight * scale);
      if (weight > 0) {
        const list = pushes.get(code) ?? [];
        list.push([f, weight]);
        pushes.set(code, list);
      }
    }
  }
  const out = new Map<CodeId, Opinion>();
  for (const [code, c] of Object.entries(m.model.codes)) {
    const top = (pushes.get(code) ?? []).sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).slice(0, SHOWN_FEATURES).map(([f]) => f);
    out.set(code, { probability: round4(sigmoid(c.bias + (sums.get(code) ?? 0))), features: top });
  }
  return out;
}

/**
 * The coding of record for one transcript under a merge policy: the rules' codings of
 * `coded` and the model's opinion of each eligible segment. Codings the model gave keep
 * coder `model`; every coding the model scored carries its probability and features.
 */
export function applyModel(m: ScoringModel, t: Transcript, segments: readonly Segment[], coded: CodedTranscript, policy: MergePolicy): CodedTranscript {
  const question = segmentQuestions(t);
  const rulesBySegment = new Map<string, Coding[]>();
  for (const c of coded.codings) {
    const list = rulesBySegment.get(c.segment) ?? [];
    list.push(c);
    rulesBySegment.set(c.segment, list);
  }
  const codings: Coding[] = [];
  for (const seg of segments) {
    const opinions = scoreText(m, seg.text, question(seg));
    codings.push(...mergeSegment(m, seg, rulesBySegment.get(seg.id) ?? [], opinions, policy));
  }
  return { ...coded, codings };
}

/** A code's thresholds in the model, if the model has the code. */
export type Thresholds = Pick<CodeModel, 'threshold' | 'confident'> | undefined;

/**
 * Whether a code is given under the policy, from whether the rules gave it and the
 * model's opinion (undefined: the model has no weights for the code). The model says yes
 * only on evidence: a probability at the threshold and some feature of the segment that
 * pushes toward the code — a code common in training clears a low threshold on its bias
 * alone, and would then be given to every segment, words or none.
 */
export function decide(policy: MergePolicy, byRules: boolean, opinion: Opinion | undefined, code: Thresholds): boolean {
  if (opinion === undefined || code === undefined) return policy !== 'model' && byRules;
  const { probability } = opinion;
  const evidenced = opinion.features.length > 0;
  const says = evidenced && probability >= code.threshold;
  switch (policy) {
    case 'rules':
      return byRules;
    case 'model':
      return says;
    case 'union':
      return byRules || says;
    case 'vote': {
      const votes = (byRules ? 2 : 0) + (says ? 1 : 0) + (says && code.confident !== undefined && probability >= code.confident ? 1 : 0);
      return votes >= 2;
    }
  }
}

/** One segment's codings under the policy, in code order. */
export function mergeSegment(m: ScoringModel, seg: Segment, rules: readonly Coding[], opinions: Map<CodeId, Opinion>, policy: MergePolicy): Coding[] {
  const out: Coding[] = [];
  const byRules = new Set(rules.map((c) => c.code));
  for (const c of rules) {
    const o = opinions.get(c.code);
    if (!decide(policy, true, o, m.model.codes[c.code])) continue;
    out.push(o ? { ...c, probability: o.probability, features: o.features } : c);
  }
  for (const [code, o] of opinions) {
    if (byRules.has(code)) continue;
    if (decide(policy, false, o, m.model.codes[code])) out.push(modelCoding(seg, code, o));
  }
  return out.sort((a, b) => compareText(a.code, b.code));
}

function modelCoding(seg: Segment, code: CodeId, o: Opinion): Coding {
  const c: Coding = {
    transcript: seg.transcript, segment: seg.id, speaker: seg.speaker, code, coder: MODEL_CODER,
    start: seg.start, end: seg.end, evidence: [], probability: o.probability, features: o.features,
  };
  if (seg.time !== undefined) c.time = seg.time;
  return c;
}
