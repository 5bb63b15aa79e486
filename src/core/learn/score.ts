// A learned model's opinion of a text: the probability of each code and the features
// that pushed it up. Run on every eligible segment of a corpus, so it is written for
// speed: each distinct token is worked out once per run, a feature the model weighs is a
// number (its rank in the sorted feature list), and a text's sums live in arrays kept
// between texts. The result is exactly scoreFeatures(featuresOf(…)) — a test holds the
// two equal on every hand-coded line.

import { readWords, WordTable } from '../codebook/ascii-words.js';
import { REMEMBERED_TOKENS, type CompiledCodebook, type TokenLookup } from '../codebook/compile.js';
import { MAX_STEMMED_LENGTH, type StemFn } from '../codebook/stem.js';
import { blankNotes } from '../segment/notes.js';
import type { CodeId } from '../types.js';
import { readFeature, STOP } from './features.js';
import { compareText } from '../code/pass.js';
import { sigmoid } from './logistic.js';
import { distinctPairs, PairCounter, STEM_NUMBERS } from './pair-counter.js';
import { round4, type CodeModel, type LearnedModel } from './model.js';
import { groupsFromFile, type WordGroups } from './groups.js';

/** Features named on a coding: the ones that pushed its probability up most. */
const SHOWN_FEATURES = 3;

/** A code a feature weighs toward (or against), by the code's index in ScoringModel.codes. */
interface CodeWeight {
  code: number;
  weight: number;
}

/** A model ready to score. Features it weighs are known by rank: their index in `features`. */
export interface ScoringModel {
  model: LearnedModel;
  stem: StemFn;
  /** The model's codes in its own order (a model file's keys are sorted), and each one's index there. */
  codes: Array<[CodeId, CodeModel]>;
  codeIndex: Map<CodeId, number>;
  /** Every weighed feature, sorted as featuresOf sorts them. */
  features: string[];
  /**
   * The weights of each feature, flat: those of the feature ranked r are at
   * [weightStart[r], weightStart[r + 1]), each a code (its index) and a weight, in code-id order.
   */
  weightStart: Int32Array;
  weightCode: Int32Array;
  weightValue: Float64Array;
  /** The per-run memory of the scorer; see Scorer. */
  readonly scorer: Scorer;
}

/** A token as scoring reads it, worked out once per distinct token. */
interface ModelWord {
  token: string;
  stop: boolean;
  /** Its stem's number (see Scorer.stemNumbers). */
  number: number;
  /** The rank of its stem as a word feature, as a question feature (-1: not weighed). */
  word: number;
  asked: number;
  /** The ranks of the pairs it starts that are weighed, by the second stem's number. */
  pairs: Map<number, number> | undefined;
  /** Its word group's index (-1: none, or a stop word), and that group's rank as a feature (-1: not weighed). */
  group: number;
  groupRank: number;
}

/**
 * What the scorer keeps between texts: the tokens met, a number per stem (so a text's
 * distinct stems and pairs are counted without strings), and buffers reused by each text.
 */
class Scorer {
  readonly stemNumbers = new Map<string, number>();
  readonly lookups = new Map<string, ModelWord>();
  readonly table = new WordTable<ModelWord>(REMEMBERED_TOKENS, (w) => w.token);
  /**
   * The words of the tokens a codebook remembers, by the token's id there (TokenLookup.id),
   * so the tokens the coding pass read cost an array read; `idsOf` is that codebook.
   */
  byId: Array<ModelWord | undefined> = [];
  idsOf: unknown = null;
  /** Per stem number, the last text that counted it as a word or a question word. */
  countedWord = new Int32Array(1024);
  countedAsked = new Int32Array(1024);
  /** Per word group, the last text that counted it. */
  readonly countedGroup: Int32Array;
  texts = 0;
  /** A text's distinct pairs, counted as they come. */
  readonly pairs = new PairCounter();
  /** The ranks of a text's weighed features. */
  ranks = new Int32Array(256);
  /** Per code, the sum of a text's weights, and the last text a positive weight pushed it. */
  sums: Float64Array;
  pushed: Int32Array;
  /** The codes a positive weight pushed in the last text, in the order first pushed. */
  pushedCodes: Int32Array;
  pushedCount = 0;
  /** What scoring a text returns (one object, reused). */
  scores!: LastScores;

  constructor(codes: number, private readonly stem: StemFn, readonly ranked: RankedFeatures) {
    this.sums = new Float64Array(codes);
    this.pushed = new Int32Array(codes);
    this.pushedCodes = new Int32Array(codes);
    this.countedGroup = new Int32Array(ranked.groups.length);
  }

  numberOf(stem: string): number {
    let n = this.stemNumbers.get(stem);
    if (n === undefined) {
      this.stemNumbers.set(stem, (n = this.stemNumbers.size % STEM_NUMBERS));
      if (n >= this.countedWord.length) {
        this.countedWord = grown(this.countedWord);
        this.countedAsked = grown(this.countedAsked);
      }
    }
    return n;
  }

  /** The word of a token the coding pass read, from the codebook `owner` (see byId). */
  wordOfLookup(t: TokenLookup, owner: unknown): ModelWord {
    if (t.id < 0) return this.wordOf(t.token);
    if (owner !== this.idsOf) {
      this.byId = [];
      this.idsOf = owner;
    }
    return (this.byId[t.id] ??= this.wordOf(t.token));
  }

  wordOf(token: string): ModelWord {
    const known = this.lookups.get(token);
    if (known) return known;
    const stem = this.stem(token);
    const stop = STOP.has(token);
    const group = stop ? -1 : (this.ranked.groupOf?.get(token) ?? -1);
    const w: ModelWord = {
      token, stop, number: this.numberOf(stem),
      word: this.ranked.words.get(stem) ?? -1, asked: this.ranked.asked.get(stem) ?? -1, pairs: this.pairsFrom(stem),
      group, groupRank: group >= 0 ? this.ranked.groups[group]! : -1,
    };
    if (token.length <= MAX_STEMMED_LENGTH && this.lookups.size < REMEMBERED_TOKENS) this.lookups.set(token, w);
    return w;
  }

  private pairsFrom(stem: string): Map<number, number> | undefined {
    const bySecond = this.ranked.pairs.get(stem);
    if (!bySecond) return undefined;
    const out = new Map<number, number>();
    for (const [second, rank] of bySecond) out.set(this.numberOf(second), rank);
    return out;
  }

  /** Room for `n` more ranks after the first `used`. */
  roomForRanks(used: number, n: number): void {
    if (this.ranks.length >= used + n) return;
    const larger = new Int32Array(2 * (used + n));
    larger.set(this.ranks.subarray(0, used));
    this.ranks = larger;
  }
}

/** The same numbers in an array twice as long. */
function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const out = new Int32Array(2 * a.length);
  out.set(a);
  return out;
}

/**
 * The weighed features by what they are read from: a word's stem, a question word's stem,
 * a pair (first stem, then second), a word's group (its rank by group index, -1: not weighed).
 */
interface RankedFeatures {
  words: Map<string, number>;
  asked: Map<string, number>;
  pairs: Map<string, Map<string, number>>;
  short: number;
  groupOf: WordGroups['groupOf'] | null;
  groups: Int32Array;
}

export function scoringModel(model: LearnedModel, stem: StemFn): ScoringModel {
  const codes = Object.entries(model.codes);
  const byFeature = new Map<string, CodeWeight[]>();
  // Each feature's weights in code-id order: the order sums were always added up in.
  const byId = codes.map(([id], index) => ({ id, index })).sort((a, b) => compareText(a.id, b.id));
  for (const { id, index } of byId) {
    for (const [f, weight] of Object.entries(model.codes[id]!.weights)) {
      const list = byFeature.get(f) ?? [];
      list.push({ code: index, weight });
      byFeature.set(f, list);
    }
  }
  const features = [...byFeature.keys()].sort();
  const groups = model.groups ? groupsFromFile(model.groups) : null;
  const groupIndex = new Map(groups?.names.map((name, g) => [name, g]));
  const ranked: RankedFeatures = {
    words: new Map(), asked: new Map(), pairs: new Map(), short: -1, groupOf: groups?.groupOf ?? null, groups: new Int32Array(groups?.names.length ?? 0).fill(-1),
  };
  features.forEach((f, rank) => {
    const read = readFeature(f);
    if (read?.kind === 'short') ranked.short = rank;
    else if (read?.kind === 'group' && groupIndex.has(read.name)) ranked.groups[groupIndex.get(read.name)!] = rank;
    else if (read?.kind === 'word') ranked.words.set(read.stem, rank);
    else if (read?.kind === 'asked') ranked.asked.set(read.stem, rank);
    else if (read?.kind === 'pair') {
      const bySecond = ranked.pairs.get(read.first) ?? new Map<string, number>();
      bySecond.set(read.second, rank);
      ranked.pairs.set(read.first, bySecond);
    }
  });
  const m: ScoringModel = {
    model, stem, codes, codeIndex: new Map(codes.map(([id], i) => [id, i])), features, ...flatWeights(features.map((f) => byFeature.get(f)!)),
    scorer: new Scorer(codes.length, stem, ranked),
  };
  m.scorer.scores = new LastScores(m);
  return m;
}

function flatWeights(lists: CodeWeight[][]): Pick<ScoringModel, 'weightStart' | 'weightCode' | 'weightValue'> {
  const weightStart = new Int32Array(lists.length + 1);
  lists.forEach((list, r) => (weightStart[r + 1] = weightStart[r]! + list.length));
  const weightCode = new Int32Array(weightStart[lists.length]!);
  const weightValue = new Float64Array(weightStart[lists.length]!);
  lists.flat().forEach((w, k) => {
    weightCode[k] = w.code;
    weightValue[k] = w.weight;
  });
  return { weightStart, weightCode, weightValue };
}

/** The opinion of the model about one code. */
export interface Opinion {
  probability: number;
  /** Strongest features first. */
  features: string[];
}

/**
 * One text's scores, per code by its index in ScoringModel.codes. Read it before the next
 * text is scored: its arrays are the scorer's own, reused.
 */
export interface Scores {
  probability(code: number): number;
  /** Whether some feature of the text pushes toward the code. */
  evidenced(code: number): boolean;
  /** The codes evidenced, as indices (in no promised order). */
  evidencedCodes(): ArrayLike<number>;
  opinion(code: number): Opinion;
}

/** The model's probability for every code it knows, on one text and its question. */
export function scoreText(m: ScoringModel, text: string, question: string | null): Map<CodeId, Opinion> {
  return allOpinions(m, scoreSegment(m, text, question));
}

/** The scores of one text and its question. */
export function scoreSegment(m: ScoringModel, text: string, question: string | null): Scores {
  return scoreWords(m, wordsOf(m, text), question === null ? null : wordsOf(m, question));
}

/** The scores of a text given as the tokens the coding pass has read already with `cb`, and its question. */
export function scoreTokens(m: ScoringModel, cb: CompiledCodebook, tokens: readonly TokenLookup[], question: readonly TokenLookup[] | null): Scores {
  return scoreWords(m, modelWords(m, cb, tokens), question && modelWords(m, cb, question));
}

function modelWords(m: ScoringModel, cb: CompiledCodebook, tokens: readonly TokenLookup[]): ModelWord[] {
  const words: ModelWord[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) words[i] = m.scorer.wordOfLookup(tokens[i]!, cb);
  return words;
}

/** The same, from a text's features already found (sorted, as featuresOf gives them). */
export function scoreFeatures(m: ScoringModel, features: readonly string[]): Map<CodeId, Opinion> {
  const s = m.scorer;
  const stamp = ++s.texts;
  s.roomForRanks(0, features.length);
  let n = 0;
  // Both lists are sorted: one walk finds the weighed ones, in rank order.
  for (let f = 0, rank = 0; f < features.length && rank < m.features.length;) {
    const c = compareText(features[f]!, m.features[rank]!);
    if (c === 0) s.ranks[n++] = rank;
    if (c <= 0) f++;
    if (c >= 0) rank++;
  }
  return allOpinions(m, scoresOf(m, stamp, n, features.length));
}

function allOpinions(m: ScoringModel, scores: Scores): Map<CodeId, Opinion> {
  return new Map(m.codes.map(([code], i) => [code, scores.opinion(i)]));
}

/** A text's tokens (notes blanked) as scoring reads them, in order. */
function wordsOf(m: ScoringModel, text: string): ModelWord[] {
  const out: ModelWord[] = [];
  readWords(blankNotes(text), m.scorer.table, (token) => m.scorer.wordOf(token), (w) => out.push(w));
  return out;
}

/**
 * The features featuresOf finds, without spelling any: each distinct token was worked out
 * once per run, and a weighed feature is its rank.
 */
function scoreWords(m: ScoringModel, words: readonly ModelWord[], question: readonly ModelWord[] | null): Scores {
  const s = m.scorer;
  const stamp = ++s.texts;
  s.pairs.start(words.length);
  let counted = true;
  s.roomForRanks(0, 3 * words.length + 1);
  let ranks = 0;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.stop && s.countedWord[w.number] !== stamp) {
      s.countedWord[w.number] = stamp;
      count++;
      if (w.word >= 0) s.ranks[ranks++] = w.word;
    }
    // A group per token, not per stem: two words of one stem may sit in different groups.
    if (w.group >= 0 && s.countedGroup[w.group] !== stamp) {
      s.countedGroup[w.group] = stamp;
      count++;
      if (w.groupRank >= 0) s.ranks[ranks++] = w.groupRank;
    }
    if (i === 0) continue;
    const before = words[i - 1]!;
    if (counted) {
      const added = s.pairs.add(before.number, w.number);
      if (added === null) counted = false;
      else if (added) count++;
    }
    const rank = before.pairs?.get(w.number);
    if (rank !== undefined) s.ranks[ranks++] = rank;
  }
  // A text whose pairs the counter gave up on: all of them counted again, by sorting.
  if (!counted) count += distinctPairs(words.map((w) => w.number)) - s.pairs.added;
  if (words.length <= 3) {
    count++;
    if (s.ranked.short >= 0) s.ranks[ranks++] = s.ranked.short;
  }
  if (question) {
    s.roomForRanks(ranks, question.length);
    for (const w of question) {
      if (w.stop || s.countedAsked[w.number] === stamp) continue;
      s.countedAsked[w.number] = stamp;
      count++;
      if (w.asked >= 0) s.ranks[ranks++] = w.asked;
    }
  }
  return scoresOf(m, stamp, sortedOnce(s.ranks, ranks), count);
}

/** Sorts the first `n` ranks and drops repeats (a pair met twice is weighed once); how many are left. */
function sortedOnce(ranks: Int32Array, n: number): number {
  if (n < 2) return n;
  ranks.subarray(0, n).sort();
  let kept = 1;
  for (let i = 1; i < n; i++) if (ranks[i] !== ranks[kept - 1]) ranks[kept++] = ranks[i]!;
  return kept;
}

/**
 * Each code's sum over the text's first `n` ranks (ascending, so the sums are added up in
 * the sorted feature order, as always), for a text with `count` features.
 */
function scoresOf(m: ScoringModel, stamp: number, n: number, count: number): Scores {
  const s = m.scorer;
  const scale = 1 / Math.sqrt(Math.max(1, count));
  s.sums.fill(0);
  s.pushedCount = 0;
  for (let r = 0; r < n; r++) {
    const rank = s.ranks[r]!;
    for (let k = m.weightStart[rank]!, end = m.weightStart[rank + 1]!; k < end; k++) {
      const code = m.weightCode[k]!;
      const weight = m.weightValue[k]!;
      s.sums[code] = s.sums[code]! + weight * scale;
      if (weight > 0 && s.pushed[code] !== stamp) {
        s.pushed[code] = stamp;
        s.pushedCodes[s.pushedCount++] = code;
      }
    }
  }
  s.scores.text = stamp;
  s.scores.ranks = n;
  return s.scores;
}

/** The scores of the text scored last: reads the scorer's arrays, so it is read before the next text is scored. */
class LastScores implements Scores {
  text = 0;
  ranks = 0;
  constructor(private readonly m: ScoringModel) {}

  probability(code: number): number {
    return round4(sigmoid(this.m.codes[code]![1].bias + this.m.scorer.sums[code]!));
  }

  evidenced(code: number): boolean {
    return this.m.scorer.pushed[code] === this.text;
  }

  evidencedCodes(): ArrayLike<number> {
    return this.m.scorer.pushedCodes.subarray(0, this.m.scorer.pushedCount);
  }

  opinion(code: number): Opinion {
    return { probability: this.probability(code), features: this.evidenced(code) ? strongest(this.m, code, this.ranks) : [] };
  }
}

/** The names of the features among the text's first `n` ranks that push hardest toward `code`. */
function strongest(m: ScoringModel, code: number, n: number): string[] {
  const pushes: Array<[string, number]> = [];
  for (let r = 0; r < n; r++) {
    const rank = m.scorer.ranks[r]!;
    for (let k = m.weightStart[rank]!, end = m.weightStart[rank + 1]!; k < end; k++) {
      if (m.weightCode[k] === code && m.weightValue[k]! > 0) pushes.push([m.features[rank]!, m.weightValue[k]!]);
    }
  }
  pushes.sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  return pushes.slice(0, SHOWN_FEATURES).map(([f]) => f);
}
