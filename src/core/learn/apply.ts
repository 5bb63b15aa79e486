// The merge of a learned model's opinion of each segment with the rules' codings: a step
// the coding pass runs on each segment after its rules (scoring the tokens the pass has
// read), or, for codings made before, a pass of its own over the transcript.

import type { MergePolicy } from '../codebook/model.js';
import type { CompiledCodebook } from '../codebook/compile.js';
import { codeTranscript, compareText, type CodedTranscript, type PassOptions } from '../code/pass.js';
import { segmentQuestions } from '../segment/questions.js';
import type { CodeId, Coding, Segment, Transcript } from '../types.js';
import type { CodeModel } from './model.js';
import { scoreSegment, scoreTokens, type Opinion, type Scores, type ScoringModel } from './score.js';

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
export { scoreFeatures, scoreText, scoringModel, type Opinion, type ScoringModel } from './score.js';
/** A model ready to score and the policy its codings merge with the rules' by. */
export interface ModelStep {
  scoring: ScoringModel;
  policy: MergePolicy;
}

/**
 * The coding of record for one transcript: the rules' pass over its eligible segments,
 * and, when there is a model, the merge of its opinion of each segment (scored from the
 * tokens the rules' pass read). Every thread codes with this.
 */
export function codeAndMerge(
  cb: CompiledCodebook, t: Transcript, pass: PassOptions, segments: readonly Segment[], model: ModelStep | null,
): CodedTranscript {
  if (!model) return codeTranscript(cb, t, pass, segments);
  const { scoring, policy } = model;
  const features = pass.evidence !== false;
  return codeTranscript(cb, t, pass, segments, (seg, rules, tokens, question) =>
    mergeSegment(scoring, seg, rules, scoreTokens(scoring, cb, tokens, question), policy, features));
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
    list.push({ ...c });
    rulesBySegment.set(c.segment, list);
  }
  const codings: Coding[] = [];
  for (const seg of segments) {
    const scores = scoreSegment(m, seg.text, question(seg));
    codings.push(...mergeSegment(m, seg, rulesBySegment.get(seg.id) ?? [], scores, policy));
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
  return decides(policy, byRules, opinion.probability, opinion.features.length > 0, code);
}

function decides(policy: MergePolicy, byRules: boolean, probability: number, evidenced: boolean, code: NonNullable<Thresholds>): boolean {
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

/**
 * One segment's codings under the policy, in code order, from the rules' codings and the
 * model's scores; an opinion (with its features, if asked for) is spelled only for a
 * coding given. The rules' codings are the merge's to change: each it keeps gets the
 * model's opinion.
 */
function mergeSegment(m: ScoringModel, seg: Segment, rules: Coding[], scores: Scores, policy: MergePolicy, features = true): Coding[] {
  const out: Coding[] = [];
  for (const c of rules) {
    const i = m.codeIndex.get(c.code);
    if (i === undefined) {
      if (policy !== 'model') out.push(c);
      continue;
    }
    if (!decides(policy, true, scores.probability(i), scores.evidenced(i), m.codes[i]![1])) continue;
    const o = opinionOf(scores, i, features);
    // The rules' codings are this merge's own (see above): set in place, not spread into a copy (a slow path in V8).
    c.probability = o.probability;
    c.features = o.features;
    out.push(c);
  }
  const evidenced = scores.evidencedCodes();
  for (let k = 0; k < evidenced.length; k++) {
    const i = evidenced[k]!;
    const [code, thresholds] = m.codes[i]!;
    if (rules.some((c) => c.code === code)) continue;
    if (decides(policy, false, scores.probability(i), true, thresholds)) out.push(modelCoding(seg, code, opinionOf(scores, i, features)));
  }
  return out.length > 1 ? out.sort((a, b) => compareText(a.code, b.code)) : out;
}

/** The model's opinion of code `i`; its features only when asked for (finding them costs a sort). */
function opinionOf(scores: Scores, i: number, features: boolean): Opinion {
  return features ? scores.opinion(i) : { probability: scores.probability(i), features: [] };
}

function modelCoding(seg: Segment, code: CodeId, o: Opinion): Coding {
  const c: Coding = {
    transcript: seg.transcript, segment: seg.id, speaker: seg.speaker, code, coder: MODEL_CODER,
    start: seg.start, end: seg.end, evidence: [], probability: o.probability, features: o.features,
  };
  if (seg.time !== undefined) c.time = seg.time;
  return c;
}
