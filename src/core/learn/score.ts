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
import { resized, withRoom } from '../room.js';

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

/**
 * The words the scorer has met, each worked out once and known by a number (its id
 * here), in flat arrays rather than an object per word: a corpus is millions of tokens,
 * and reading a text's words from a few arrays keeps them in the processor's cache.
 * Ids from TRANSIENT up are words not remembered (past REMEMBERED_TOKENS, or too long),
 * valid for the text being scored only.
 */
class ModelWords {
  /** Each remembered word's token. */
  readonly tokens: string[] = [];
  remembered = 0;
  transient = 0;
  /** Per id: a stop word (1) or not, its stem's number (see Scorer.stemNumbers). */
  stop = new Uint8Array(1024);
  number = new Int32Array(1024);
  /** The rank of its stem as a word feature, as a question feature (-1: not weighed). */
  word = new Int32Array(1024);
  asked = new Int32Array(1024);
  /** Its word group's index (-1: none, or a stop word), and that group's rank as a feature (-1: not weighed). */
  group = new Int32Array(1024);
  groupRank = new Int32Array(1024);
  /** The ranks of the weighed pairs a remembered word starts, by the second stem's number; a transient word's. */
  private readonly rememberedPairs: Array<Map<number, number> | undefined> = [];
  private readonly transientPairs: Array<Map<number, number> | undefined> = [];

  pairsOf(id: number): Map<number, number> | undefined {
    return id < TRANSIENT ? this.rememberedPairs[id] : this.transientPairs[id - TRANSIENT];
  }

  setPairs(id: number, pairs: Map<number, number> | undefined): void {
    if (id < TRANSIENT) this.rememberedPairs[id] = pairs;
    else this.transientPairs[id - TRANSIENT] = pairs;
  }

  /** A new id: the next remembered one, or the text's next transient one. */
  take(remember: boolean): number {
    const id = remember ? this.remembered++ : TRANSIENT + this.transient++;
    if (id >= this.stop.length) this.grow(id);
    return id;
  }

  private grow(id: number): void {
    const size = Math.max(2 * this.stop.length, id + 1024);
    this.stop = resized(this.stop, this.stop.length, size);
    for (const key of ['number', 'word', 'asked', 'group', 'groupRank'] as const) this[key] = resized(this[key], this[key].length, size);
  }
}
/** The first id of a word not remembered (see ModelWords). */
const TRANSIENT = REMEMBERED_TOKENS;

/**
 * What the scorer keeps between texts: the words met, a number per stem (so a text's
 * distinct stems and pairs are counted without strings), and buffers reused by each text.
 */
class Scorer {
  readonly stemNumbers = new Map<string, number>();
  readonly words = new ModelWords();
  /** Remembered words by token, and by the ASCII word as written (see ascii-words.ts). */
  readonly lookups = new Map<string, number>();
  readonly table = new WordTable<number>(REMEMBERED_TOKENS, (id) => (id < TRANSIENT ? this.words.tokens[id] : undefined));
  /**
   * The ids of the tokens a codebook remembers, by the token's id there (TokenLookup.id)
   * plus one (0: not yet worked out), so the tokens the coding pass read cost an array
   * read; `idsOf` is that codebook.
   */
  byId = new Int32Array(1024);
  idsOf: unknown = null;
  /** A text's word ids and its question's, reused (see scoreTokens). */
  textIds = new Int32Array(256);
  questionIds = new Int32Array(64);
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
        this.countedWord = withRoom(this.countedWord, n, n + 1);
        this.countedAsked = withRoom(this.countedAsked, n, n + 1);
      }
    }
    return n;
  }

  /** The id of a token the coding pass read, from the codebook `owner` (see byId). */
  idOfLookup(t: TokenLookup, owner: unknown): number {
    if (t.id < 0) return this.idOf(t.token);
    if (owner !== this.idsOf) {
      this.byId = new Int32Array(1024);
      this.idsOf = owner;
    }
    this.byId = withRoom(this.byId, this.byId.length, t.id + 1);
    const known = this.byId[t.id]!;
    if (known > 0) return known - 1;
    const id = this.idOf(t.token);
    // A transient id is good for this text only: not kept.
    if (id < TRANSIENT) this.byId[t.id] = id + 1;
    return id;
  }

  idOf(token: string): number {
    const known = this.lookups.get(token);
    if (known !== undefined) return known;
    const remember = token.length <= MAX_STEMMED_LENGTH && this.lookups.size < REMEMBERED_TOKENS;
    const w = this.words;
    const id = w.take(remember);
    const stem = this.stem(token);
    const stop = STOP.has(token);
    const group = stop ? -1 : (this.ranked.groupOf?.get(token) ?? -1);
    w.stop[id] = stop ? 1 : 0;
    w.number[id] = this.numberOf(stem);
    w.word[id] = this.ranked.words.get(stem) ?? -1;
    w.asked[id] = this.ranked.asked.get(stem) ?? -1;
    w.group[id] = group;
    w.groupRank[id] = group >= 0 ? this.ranked.groups[group]! : -1;
    w.setPairs(id, this.pairsFrom(stem));
    if (remember) {
      w.tokens.push(token);
      this.lookups.set(token, id);
    }
    return id;
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
    this.ranks = withRoom(this.ranks, used, used + n);
  }
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
  m.scorer.words.transient = 0;
  const words = idsOf(m, text);
  return scoreWords(m, words, words.length, question === null ? null : idsOf(m, question));
}

/** The scores of a text given as the tokens the coding pass has read already with `cb`, and its question. */
export function scoreTokens(m: ScoringModel, cb: CompiledCodebook, tokens: readonly TokenLookup[], question: readonly TokenLookup[] | null): Scores {
  const s = m.scorer;
  s.words.transient = 0;
  s.textIds = withRoom(s.textIds, 0, tokens.length);
  for (let i = 0; i < tokens.length; i++) s.textIds[i] = s.idOfLookup(tokens[i]!, cb);
  let asked: Int32Array | null = null;
  if (question) {
    s.questionIds = withRoom(s.questionIds, 0, question.length);
    for (let i = 0; i < question.length; i++) s.questionIds[i] = s.idOfLookup(question[i]!, cb);
    asked = s.questionIds.subarray(0, question.length);
  }
  return scoreWords(m, s.textIds, tokens.length, asked);
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

/** The ids of a text's tokens (notes blanked) as scoring reads them, in order. */
function idsOf(m: ScoringModel, text: string): Int32Array {
  const out: number[] = [];
  readWords(blankNotes(text), m.scorer.table, (token) => m.scorer.idOf(token), (id) => out.push(id));
  return Int32Array.from(out);
}

/**
 * The features featuresOf finds, without spelling any, for a text of `n` words (their
 * ids in `ids`) and its question's: each distinct token was worked out once per run, and
 * a weighed feature is its rank.
 */
function scoreWords(m: ScoringModel, ids: Int32Array, n: number, question: Int32Array | null): Scores {
  const s = m.scorer;
  const w = s.words;
  const stamp = ++s.texts;
  s.pairs.start(n);
  let counted = true;
  s.roomForRanks(0, 3 * n + 1);
  let ranks = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    const number = w.number[id]!;
    if (w.stop[id] === 0 && s.countedWord[number] !== stamp) {
      s.countedWord[number] = stamp;
      count++;
      if (w.word[id]! >= 0) s.ranks[ranks++] = w.word[id]!;
    }
    // A group per token, not per stem: two words of one stem may sit in different groups.
    const group = w.group[id]!;
    if (group >= 0 && s.countedGroup[group] !== stamp) {
      s.countedGroup[group] = stamp;
      count++;
      if (w.groupRank[id]! >= 0) s.ranks[ranks++] = w.groupRank[id]!;
    }
    if (i === 0) continue;
    const before = ids[i - 1]!;
    if (counted) {
      const added = s.pairs.add(w.number[before]!, number);
      if (added === null) counted = false;
      else if (added) count++;
    }
    const rank = w.pairsOf(before)?.get(number);
    if (rank !== undefined) s.ranks[ranks++] = rank;
  }
  // A text whose pairs the counter gave up on: all of them counted again, by sorting.
  if (!counted) count += distinctPairs(Array.from(ids.subarray(0, n), (id) => w.number[id]!)) - s.pairs.added;
  if (n <= 3) {
    count++;
    if (s.ranked.short >= 0) s.ranks[ranks++] = s.ranked.short;
  }
  if (question) {
    s.roomForRanks(ranks, question.length);
    for (const id of question) {
      const number = w.number[id]!;
      if (w.stop[id] === 1 || s.countedAsked[number] === stamp) continue;
      s.countedAsked[number] = stamp;
      count++;
      if (w.asked[id]! >= 0) s.ranks[ranks++] = w.asked[id]!;
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
