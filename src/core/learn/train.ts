// Training: per leaf code, a logistic regression on the human-coded segments (a segment
// carrying the code is a positive, every other eligible segment a negative) and on the
// codebook's own examples (positives) and counterexamples (negatives of that code only:
// an example of one code says nothing about the others).

import { flattenCodes, type Code, type Codebook } from '../codebook/model.js';
import type { StemFn } from '../codebook/stem.js';
import type { CodeId, Unit } from '../types.js';
import { featuresOf } from './features.js';
import { DEFAULT_TRAIN, trainLogistic, type Example, type TrainOptions } from './logistic.js';
import { MODEL_FORMAT, round4, type CodeModel, type LearnedModel } from './model.js';
import { scoreFeatures, scoreText, scoringModel } from './apply.js';
import { foldsOf } from './folds.js';
import { groupsToFile, type WordGroups } from './groups.js';

/** A human-coded segment: its words, the question it answers, the codes it was given. */
export interface LabelledSegment {
  transcript: string;
  segment: string;
  text: string;
  question: string | null;
  codes: ReadonlySet<CodeId>;
  /** Its features, when already found (cross-validation finds them once, not once per fold). */
  features?: readonly string[];
  /** The codings file its human codes came from: a batch of interviews coded together. */
  batch?: string;
}

export interface LearnOptions {
  /** Weights kept per code, strongest first. */
  top: number;
  /** A feature seen in fewer training texts than this is not learned from. */
  minCount: number;
  /** The probability at which the model codes a segment, when it is not calibrated. */
  threshold: number;
  /** Folds of the out-of-fold probabilities the thresholds are set on (see calibrateBy); below 2, none. */
  calibrate: number;
  /**
   * What a calibration fold holds: whole transcripts, or whole batches (codings files) when
   * there are as many as folds, so the thresholds are set on interviews of batches the
   * fold's model never met — as the interviews a team codes next will be.
   */
  calibrateBy: 'transcript' | 'batch';
  train: TrainOptions;
  /** The segment unit of the coded segments (default: the codebook's). */
  unit?: Unit;
  /** Word groups read as features too (see groups.ts); the model file carries them. */
  groups?: WordGroups;
}

export const DEFAULT_LEARN: LearnOptions = { top: 150, minCount: 3, threshold: 0.5, calibrate: 3, calibrateBy: 'transcript', train: DEFAULT_TRAIN };

/** The leaf codes: the ones a coder applies, and the ones a model is learned for. */
export function leafCodes(book: Codebook): Code[] {
  return flattenCodes(book.codes).filter((c) => c.children.length === 0);
}

interface Text {
  features: readonly string[];
}

/**
 * One model per leaf code from the coded segments and the codebook's examples, its
 * thresholds set on out-of-fold probabilities when there are transcripts enough.
 */
export function learnModel(book: Codebook, stem: StemFn, labelled: readonly LabelledSegment[], opts: LearnOptions = DEFAULT_LEARN): LearnedModel {
  // Each segment's features found once, however many fits read them.
  const segments = labelled.map((s) => (s.features ? s : { ...s, features: featuresOf(s.text, s.question, stem, opts.groups) }));
  const model = fitModel(book, stem, segments, opts);
  const unit = calibrationUnit(segments, opts);
  const folds = Math.min(opts.calibrate, new Set(segments.map(unit)).size);
  if (folds >= 2) calibrate(model, outOfFold(book, stem, segments, folds, unit, opts));
  return model;
}

/** What a segment's calibration fold is chosen by: its batch when asked and there are batches enough, else its transcript. */
function calibrationUnit(segments: readonly LabelledSegment[], opts: LearnOptions): (s: LabelledSegment) => string {
  const byTranscript = (s: LabelledSegment): string => s.transcript;
  if (opts.calibrateBy !== 'batch' || segments.some((s) => s.batch === undefined)) return byTranscript;
  return new Set(segments.map((s) => s.batch)).size >= opts.calibrate ? (s) => s.batch! : byTranscript;
}

/** Each segment's probability per code from a model that never saw its fold's unit (its transcript, or its batch). */
function outOfFold(
  book: Codebook, stem: StemFn, segments: readonly LabelledSegment[], folds: number, unit: (s: LabelledSegment) => string, opts: LearnOptions,
): Scored[] {
  const foldOf = foldsOf(segments.map(unit), folds);
  const out: Array<Map<CodeId, number>> = segments.map(() => new Map());
  for (let f = 0; f < folds; f++) {
    const scoring = scoringModel(fitModel(book, stem, segments.filter((s) => foldOf.get(unit(s)) !== f), opts), stem);
    segments.forEach((s, i) => {
      if (foldOf.get(unit(s)) !== f) return;
      const opinions = s.features ? scoreFeatures(scoring, s.features) : scoreText(scoring, s.text, s.question);
      for (const [code, o] of opinions) out[i]!.set(code, o.probability);
    });
  }
  return out.map((probability, i) => ({ probability, human: segments[i]!.codes }));
}

/**
 * Per code: `threshold`, the probability where the model alone agreed best with the
 * human coding out of fold (F1); `confident`, the lowest at or above it where at least
 * 80% of the model's own codings were right (none: never). Judged on the model alone,
 * not on what it adds to the rules: rules tuned on the training segments leave only
 * their hardest misses there, which says little about interviews they have not met.
 */
function calibrate(model: LearnedModel, scored: readonly Scored[]): void {
  for (const [code, c] of Object.entries(model.codes)) {
    const pairs = scored.map((s) => ({ p: s.probability.get(code) ?? 0, human: s.human.has(code) }));
    let best = { t: c.threshold, f1: -1 };
    for (const t of GRID) {
      let tp = 0, fp = 0, fn = 0;
      for (const x of pairs) {
        if (x.p >= t) x.human ? tp++ : fp++;
        else if (x.human) fn++;
      }
      const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
      if (f1 > best.f1) best = { t, f1 };
    }
    c.threshold = best.t;
    for (const t of GRID) {
      if (t < best.t) continue;
      const given = pairs.filter((x) => x.p >= t);
      if (given.length >= MIN_CONFIDENT && given.filter((x) => x.human).length >= CONFIDENT_PRECISION * given.length) {
        c.confident = t;
        break;
      }
    }
  }
}

const GRID = Array.from({ length: 19 }, (_, i) => round4(0.05 * (i + 1)));
const CONFIDENT_PRECISION = 0.8;
const MIN_CONFIDENT = 3;

interface Scored {
  probability: Map<CodeId, number>;
  human: ReadonlySet<CodeId>;
}

function fitModel(book: Codebook, stem: StemFn, segments: readonly LabelledSegment[], opts: LearnOptions = DEFAULT_LEARN): LearnedModel {
  const segTexts: Text[] = segments.map((s) => ({ features: s.features ?? featuresOf(s.text, s.question, stem, opts.groups) }));
  const leaves = leafCodes(book);
  const exampleTexts = new Map<CodeId, { pos: Text[]; neg: Text[] }>();
  let exampleCount = 0;
  for (const c of leaves) {
    const pos = c.examples.map((a, i) => ({ features: featuresOf(a, c.exampleQuestions?.[i] ?? null, stem, opts.groups) }));
    const neg = c.counterexamples.map((a, i) => ({ features: featuresOf(a, c.counterexampleQuestions?.[i] ?? null, stem, opts.groups) }));
    exampleCount += pos.length + neg.length;
    exampleTexts.set(c.id, { pos, neg });
  }
  const vocabulary = vocabularyOf([...segTexts, ...[...exampleTexts.values()].flatMap((e) => [...e.pos, ...e.neg])], opts.minCount);
  const names = [...vocabulary.keys()];
  const indexed = (t: Text): Omit<Example, 'positive'> => ({
    features: t.features.map((f) => vocabulary.get(f)).filter((i): i is number => i !== undefined),
    count: t.features.length,
  });
  const segExamples = segTexts.map(indexed);
  const asExample = (t: Text, positive: boolean): Example => ({ ...indexed(t), positive });
  const codes: Record<CodeId, CodeModel> = {};
  for (const c of leaves) {
    const own = exampleTexts.get(c.id)!;
    const examples = [
      ...segments.map((s, i) => ({ ...segExamples[i]!, positive: s.codes.has(c.id) })),
      ...own.pos.map((t) => asExample(t, true)),
      ...own.neg.map((t) => asExample(t, false)),
    ];
    const positives = examples.filter((e) => e.positive).length;
    if (positives === 0) continue;
    const { bias, weights } = trainLogistic(examples, names.length, opts.train);
    codes[c.id] = { bias: round4(bias), threshold: opts.threshold, positives, weights: strongest(weights, names, opts.top) };
  }
  const transcripts = new Set(segments.map((s) => s.transcript)).size;
  return {
    format: MODEL_FORMAT, codebook: book.name, language: book.language, unit: opts.unit ?? book.unit,
    trained: { transcripts, segments: segments.length, examples: exampleCount }, codes, ...(opts.groups ? { groups: groupsToFile(opts.groups) } : {}),
  };
}

/** Features seen in at least `minCount` texts, indexed in sorted order. */
function vocabularyOf(texts: readonly Text[], minCount: number): Map<string, number> {
  const seen = new Map<string, number>();
  for (const t of texts) for (const f of t.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const kept = [...seen].filter(([, n]) => n >= minCount).map(([f]) => f).sort();
  return new Map(kept.map((f, i) => [f, i]));
}

/** The `top` weights of largest size (ties by name), rounded; the rest are dropped. */
function strongest(weights: Float64Array, names: readonly string[], top: number): Record<string, number> {
  const ranked: Array<readonly [string, number]> = [];
  weights.forEach((w, i) => {
    const r = round4(w);
    if (r !== 0) ranked.push([names[i]!, r]);
  });
  ranked.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(ranked.slice(0, top));
}
