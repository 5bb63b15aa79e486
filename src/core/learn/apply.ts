// The model's opinion of each segment, and the merge of that opinion with the rules'
// codings. A step of its own after the coding pass: the same transcript and rules'
// codings in, the coding of record out.

import type { MergePolicy } from '../codebook/model.js';
import type { CompiledCodebook } from '../codebook/compile.js';
import type { StemFn } from '../codebook/stem.js';
import { codeTranscript, compareText, type CodedTranscript, type PassOptions } from '../code/pass.js';
import { segmentQuestions } from '../segment/questions.js';
import type { CodeId, Coding, Segment, Transcript } from '../types.js';
import { FEATURE, STOP } from './features.js';
import { readWords, WordTable } from '../codebook/ascii-words.js';
import { REMEMBERED_TOKENS } from '../codebook/compile.js';
import { MAX_STEMMED_LENGTH } from '../codebook/stem.js';
import { blankNotes } from '../segment/notes.js';
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

/** A code a feature weighs toward (or against). */
interface CodeWeight {
  code: CodeId;
  weight: number;
}

/** A model ready to score: feature → the codes that weigh it, and the same by kind of feature. */
export interface ScoringModel {
  model: LearnedModel;
  stem: StemFn;
  byFeature: Map<string, CodeWeight[]>;
  /** By the stem of a word feature, of a question feature; pairs by first, then second stem. */
  words: Map<string, CodeWeight[]>;
  asked: Map<string, CodeWeight[]>;
  pairs: Map<string, Map<string, CodeWeight[]>>;
  short: CodeWeight[] | undefined;
  /** The model's codes in its own order (a model file's keys are sorted). */
  codes: Array<[CodeId, CodeModel]>;
  /** A number per stem met, so a text's distinct stems and pairs are counted without strings. */
  stemNumbers: Map<string, number>;
  /** Each token met, with what scoring needs of it (see ModelWord), by token and as written in ASCII. */
  lookups: Map<string, ModelWord>;
  table: WordTable<ModelWord>;
  /** Per stem number, the last text that counted it as a word or a question word (see scoreText). */
  countedWord: number[];
  countedAsked: number[];
  texts: number;
  /** A text's pair numbers, sorted to count the distinct ones (reused). */
  pairKeys: Float64Array;
}

/** A token as scoring reads it, worked out once per distinct token. */
interface ModelWord {
  token: string;
  stem: string;
  stop: boolean;
  number: number;
  /** The weights of the features it starts: as a word, as a question word, as the first of a pair (by second stem). */
  words: CodeWeight[] | undefined;
  asked: CodeWeight[] | undefined;
  pairs: Map<string, CodeWeight[]> | undefined;
}

export interface Opinion {
  probability: number;
  /** Strongest features first. */
  features: string[];
}

export function scoringModel(model: LearnedModel, stem: StemFn): ScoringModel {
  const byFeature = new Map<string, CodeWeight[]>();
  for (const code of Object.keys(model.codes).sort(compareText)) {
    for (const [f, weight] of Object.entries(model.codes[code]!.weights)) {
      const list = byFeature.get(f) ?? [];
      list.push({ code, weight });
      byFeature.set(f, list);
    }
  }
  const m: ScoringModel = {
    model, stem, byFeature, codes: Object.entries(model.codes), words: new Map(), asked: new Map(), pairs: new Map(), short: undefined, stemNumbers: new Map(),
    lookups: new Map(), table: new WordTable(REMEMBERED_TOKENS, (w) => w.token), countedWord: [], countedAsked: [], texts: 0,
    pairKeys: new Float64Array(256),
  };
  for (const [f, list] of byFeature) {
    if (f === FEATURE.short) m.short = list;
    else if (f.startsWith('w:')) m.words.set(f.slice(2), list);
    else if (f.startsWith('q:')) m.asked.set(f.slice(2), list);
    else if (f.startsWith('b:')) {
      // Stems hold no space: the first one ends at the first space.
      const [first, second] = [f.slice(2, f.indexOf(' ')), f.slice(f.indexOf(' ') + 1)];
      const bySecond = m.pairs.get(first) ?? new Map<string, CodeWeight[]>();
      bySecond.set(second, list);
      m.pairs.set(first, bySecond);
    }
  }
  return m;
}

/** Stem numbers fit in 26 bits, so a pair of them is one exact double. */
const PAIR = 2 ** 26;

function numberOf(m: ScoringModel, stem: string): number {
  let n = m.stemNumbers.get(stem);
  if (n === undefined) m.stemNumbers.set(stem, (n = m.stemNumbers.size % PAIR));
  return n;
}

function wordOf(m: ScoringModel, token: string): ModelWord {
  const known = m.lookups.get(token);
  if (known) return known;
  const stem = m.stem(token);
  const w: ModelWord = {
    token, stem, stop: STOP.has(token), number: numberOf(m, stem), words: m.words.get(stem), asked: m.asked.get(stem), pairs: m.pairs.get(stem),
  };
  if (token.length <= MAX_STEMMED_LENGTH && m.lookups.size < REMEMBERED_TOKENS) m.lookups.set(token, w);
  return w;
}

/** A text's tokens (notes blanked) as scoring reads them, in order. */
function wordsOf(m: ScoringModel, text: string): ModelWord[] {
  const out: ModelWord[] = [];
  readWords(blankNotes(text), m.table, (token) => wordOf(m, token), (w) => out.push(w));
  return out;
}

/**
 * The model's probability for every code it knows, on one text and its question: what
 * scoreFeatures(featuresOf(…)) gives — the same features as featuresOf finds (a test
 * holds the two equal on every hand-coded line) — without spelling every feature of the
 * text: each distinct token is looked up once per run, and only the few features the
 * model weighs are named.
 */
export function scoreText(m: ScoringModel, text: string, question: string | null): Map<CodeId, Opinion> {
  const stamp = ++m.texts;
  const weighed: Array<[string, CodeWeight[]]> = [];
  const words = wordsOf(m, text);
  let count = 0;
  // Pairs are counted by sorting their numbers in a buffer kept between texts: no string,
  // set entry or array per pair.
  if (m.pairKeys.length < words.length) m.pairKeys = new Float64Array(2 * words.length);
  let pairs = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.stop && m.countedWord[w.number] !== stamp) {
      m.countedWord[w.number] = stamp;
      count++;
      if (w.words) weighed.push([FEATURE.word(w.stem), w.words]);
    }
    if (i === 0) continue;
    const before = words[i - 1]!;
    m.pairKeys[pairs++] = before.number * PAIR + w.number;
    const list = before.pairs?.get(w.stem);
    if (list) weighed.push([FEATURE.pair(before.stem, w.stem), list]);
  }
  count += distinct(m.pairKeys.subarray(0, pairs));
  if (words.length <= 3) {
    count++;
    if (m.short) weighed.push([FEATURE.short, m.short]);
  }
  for (const w of question ? wordsOf(m, question) : []) {
    if (w.stop || m.countedAsked[w.number] === stamp) continue;
    m.countedAsked[w.number] = stamp;
    count++;
    if (w.asked) weighed.push([FEATURE.asked(w.stem), w.asked]);
  }
  // In the order of the sorted feature list, so the sums are added up alike; a pair met
  // twice is weighed once.
  weighed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const once = weighed.filter((w, i) => i === 0 || w[0] !== weighed[i - 1]![0]);
  return opinionsOf(m, once, count);
}

/** How many different numbers `keys` holds (sorted in place). */
function distinct(keys: Float64Array): number {
  if (keys.length < 2) return keys.length;
  keys.sort();
  let n = 1;
  for (let i = 1; i < keys.length; i++) if (keys[i] !== keys[i - 1]) n++;
  return n;
}

/** The same, from a text's features already found (sorted, as featuresOf gives them). */
export function scoreFeatures(m: ScoringModel, features: readonly string[]): Map<CodeId, Opinion> {
  const weighed: Array<[string, CodeWeight[]]> = [];
  for (const f of features) {
    const list = m.byFeature.get(f);
    if (list) weighed.push([f, list]);
  }
  return opinionsOf(m, weighed, features.length);
}

/** Each code's probability from the weighed features (in feature order) of a text with `count` features. */
function opinionsOf(m: ScoringModel, weighed: ReadonlyArray<[string, CodeWeight[]]>, count: number): Map<CodeId, Opinion> {
  const scale = 1 / Math.sqrt(Math.max(1, count));
  const sums = new Map<CodeId, number>();
  const pushes = new Map<CodeId, Array<[string, number]>>();
  for (const [f, list] of weighed) {
    for (const { code, weight } of list) {
      sums.set(code, (sums.get(code) ?? 0) + weight * scale);
      if (weight > 0) {
        const list = pushes.get(code) ?? [];
        list.push([f, weight]);
        pushes.set(code, list);
      }
    }
  }
  const out = new Map<CodeId, Opinion>();
  for (const [code, c] of m.codes) {
    const pushed = pushes.get(code);
    const top = pushed ? pushed.sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).slice(0, SHOWN_FEATURES).map(([f]) => f) : [];
    out.set(code, { probability: round4(sigmoid(c.bias + (sums.get(code) ?? 0))), features: top });
  }
  return out;
}

/** A model ready to score and the policy its codings merge with the rules' by. */
export interface ModelStep {
  scoring: ScoringModel;
  policy: MergePolicy;
}

/**
 * The coding of record for one transcript: the rules' pass over its eligible segments,
 * then, when there is a model, the merge of its opinion. Every thread codes with this.
 */
export function codeAndMerge(
  cb: CompiledCodebook, t: Transcript, pass: PassOptions, segments: readonly Segment[], model: ModelStep | null,
): CodedTranscript {
  const coded = codeTranscript(cb, t, pass, segments);
  return model ? applyModel(model.scoring, t, segments, coded, model.policy) : coded;
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
