// Training: per leaf code, a logistic regression on the human-coded segments (a segment
// carrying the code is a positive, every other eligible segment a negative) and on the
// codebook's own examples (positives) and counterexamples (negatives of that code only:
// an example of one code says nothing about the others).

import { flattenCodes, type Code, type Codebook } from '../codebook/model.js';
import type { StemFn } from '../codebook/stem.js';
import type { CodeId } from '../types.js';
import { featuresOf } from './features.js';
import { DEFAULT_TRAIN, trainLogistic, type Example, type TrainOptions } from './logistic.js';
import { MODEL_FORMAT, round4, type CodeModel, type LearnedModel } from './model.js';

/** A human-coded segment: its words, the question it answers, the codes it was given. */
export interface LabelledSegment {
  transcript: string;
  segment: string;
  text: string;
  question: string | null;
  codes: ReadonlySet<CodeId>;
}

export interface LearnOptions {
  /** Weights kept per code, strongest first. */
  top: number;
  /** A feature seen in fewer training texts than this is not learned from. */
  minCount: number;
  /** The probability at which the model codes a segment. */
  threshold: number;
  train: TrainOptions;
}

export const DEFAULT_LEARN: LearnOptions = { top: 150, minCount: 2, threshold: 0.5, train: DEFAULT_TRAIN };

/** The leaf codes: the ones a coder applies, and the ones a model is learned for. */
export function leafCodes(book: Codebook): Code[] {
  return flattenCodes(book.codes).filter((c) => c.children.length === 0);
}

interface Text {
  features: string[];
}

/** One model per leaf code from the coded segments and the codebook's examples. */
export function learnModel(book: Codebook, stem: StemFn, segments: readonly LabelledSegment[], opts: LearnOptions = DEFAULT_LEARN): LearnedModel {
  const segTexts: Text[] = segments.map((s) => ({ features: featuresOf(s.text, s.question, stem) }));
  const leaves = leafCodes(book);
  const exampleTexts = new Map<CodeId, { pos: Text[]; neg: Text[] }>();
  let exampleCount = 0;
  for (const c of leaves) {
    const pos = c.examples.map((a, i) => ({ features: featuresOf(a, c.exampleQuestions?.[i] ?? null, stem) }));
    const neg = c.counterexamples.map((a, i) => ({ features: featuresOf(a, c.counterexampleQuestions?.[i] ?? null, stem) }));
    exampleCount += pos.length + neg.length;
    exampleTexts.set(c.id, { pos, neg });
  }
  const vocabulary = vocabularyOf([...segTexts, ...[...exampleTexts.values()].flatMap((e) => [...e.pos, ...e.neg])], opts.minCount);
  const names = [...vocabulary.keys()];
  const asExample = (t: Text, positive: boolean): Example => ({
    features: t.features.map((f) => vocabulary.get(f)).filter((i): i is number => i !== undefined),
    count: t.features.length,
    positive,
  });
  const codes: Record<CodeId, CodeModel> = {};
  for (const c of leaves) {
    const own = exampleTexts.get(c.id)!;
    const examples = [
      ...segments.map((s, i) => asExample(segTexts[i]!, s.codes.has(c.id))),
      ...own.pos.map((t) => asExample(t, true)),
      ...own.neg.map((t) => asExample(t, false)),
    ];
    const positives = examples.filter((e) => e.positive).length;
    if (positives === 0) continue;
    const { bias, weights } = trainLogistic(examples, names.length, opts.train);
    codes[c.id] = { bias: round4(bias), threshold: opts.threshold, positives, weights: strongest(weights, names, opts.top) };
  }
  const transcripts = new Set(segments.map((s) => s.transcript)).size;
  return { format: MODEL_FORMAT, codebook: book.name, language: book.language, trained: { transcripts, segments: segments.length, examples: exampleCount }, codes };
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
  const ranked = names.map((n, i) => [n, round4(weights[i]!)] as const).filter(([, w]) => w !== 0);
  ranked.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(ranked.slice(0, top));
}
