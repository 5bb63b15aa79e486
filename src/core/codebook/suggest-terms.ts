// `codebook suggest`: words and short phrases of the corpus that go with a code's
// coded segments but that none of the code's rules use yet, so an author widens a
// code from evidence. Candidates are stems and stem bigrams/trigrams (what the rules
// match on), shown in the surface form the corpus uses most.

import { excerpt, type Excerpt } from '../aggregate/quotes.js';
import { tokenize } from '../segment/tokenize.js';
import type { SegmentId, TranscriptId } from '../types.js';
import type { CompiledPart, CompiledTerm } from './compile.js';
import type { StemFn } from './stem.js';

/** One eligible segment as the tally sees it. */
export interface SuggestSegment {
  id: SegmentId;
  transcript: TranscriptId;
  text: string;
  /** Carries the code (or a descendant) in the coding the suggestions learn from. */
  coded: boolean;
  /** The rules code it with the code (or a descendant). */
  ruleCoded: boolean;
}

export interface TermExample {
  segment: SegmentId;
  /** Coded, but the rules miss it: the segments a new term would win. */
  missed: boolean;
  excerpt: Excerpt;
}

export interface TermSuggestion {
  /** The surface form the corpus uses most (`nobody to call`). */
  term: string;
  /** The stems the candidate is keyed by (`nobodi to call`). */
  stems: string;
  /** Coded segments that contain it. */
  coded: number;
  /** Other eligible segments that contain it. */
  other: number;
  /** Coded segments that contain it and that the rules miss. */
  missed: number;
  /** Transcripts with a coded segment that contains it. */
  cases: number;
  /** Of the segments containing it, the share that is coded. */
  precision: number;
  /** Log-odds ratio z-score (coded vs other segments), informative Dirichlet prior. */
  score: number;
  /** Cosine similarity of its words to the code's words in word-vector space, when ranked by vectors (null: no vector). */
  similarity?: number | null;
  examples: TermExample[];
}

export interface SuggestTermsOptions {
  /** A candidate must occur in at least this many coded segments. */
  min: number;
  /** At most this many suggestions. */
  top: number;
  /** Example segments per suggestion. */
  examples?: number;
  /** Code points of text shown around the term in an example. */
  width?: number;
  /** Rank by this (highest first; null last) instead of the score, and show it. */
  similarity?: (term: string) => number | null;
}

/** A candidate that passed the filters, with its score; listed best score first. */
export interface ListedCandidate {
  key: string;
  /** The surface form the corpus uses most. */
  term: string;
  c: Readonly<Candidate>;
  score: number;
}

export interface TermSuggestions {
  suggestions: TermSuggestion[];
  /** Eligible segments, coded ones, coded ones the rules miss, and segments the rules code. */
  segments: { eligible: number; coded: number; missed: number; rule_coded: number };
}

/** Words longer than a trigram are rarely what an author writes as a term. */
const MAX_WORDS = 3;
const DEFAULT_EXAMPLES = 2;
const DEFAULT_WIDTH = 120;
/** Candidate tokens: only a word with a letter is a term an author would write (no bare numbers). */
const HAS_LETTER = /\p{L}/u;
/** Words join into a phrase only across spaces or hyphens, never across a clause or sentence break. */
const JOINS = /^[\s\-‐]*$/u;

interface Occurrence {
  segment: number;
  /** UTF-16 offsets of the candidate's first occurrence in the segment. */
  start: number;
  end: number;
}

interface Candidate {
  coded: number;
  other: number;
  missed: number;
  cases: Set<TranscriptId>;
  surfaces: Map<string, number>;
  /** The first coded segments that hold it (missed ones first when picking examples). */
  seenMissed: Occurrence[];
  seenCoded: Occurrence[];
}

/**
 * Counts every candidate over the corpus one segment at a time. Only coded segments'
 * text is kept (the examples come from them), so other segments cost their counts only.
 * With `othersLater`, a segment that is not coded is only counted on the first pass, and
 * read again with `addOther` once every coded one has been added: only the terms of coded
 * segments are then kept (a corpus's other terms, most of them trigrams seen once, took
 * 1.3 GB at 50 MB of transcripts), and the counts come out the same.
 */
export class TermTally {
  private readonly candidates = new Map<string, Candidate>();
  private readonly kept: SuggestSegment[] = [];
  readonly totals = { eligible: 0, coded: 0, missed: 0, rule_coded: 0 };
  /** Candidates counted in coded segments and in the others (each once per segment): the corpus rates' denominators. */
  readonly counted = { coded: 0, other: 0 };

  constructor(
    private readonly stem: StemFn, private readonly stopwords: ReadonlySet<string>, private readonly keepExamples = DEFAULT_EXAMPLES,
    private readonly othersLater = false,
  ) {}

  add(seg: SuggestSegment): void {
    const missed = seg.coded && !seg.ruleCoded;
    this.totals.eligible++;
    if (seg.coded) this.totals.coded++;
    if (missed) this.totals.missed++;
    if (seg.ruleCoded) this.totals.rule_coded++;
    if (!seg.coded && this.othersLater) {
      this.counted.other += new Set(Array.from(this.grams(seg.text), (g) => g.key)).size;
      return;
    }
    const index = seg.coded ? this.kept.push(seg) - 1 : -1;
    const seen = new Set<string>();
    for (const g of this.grams(seg.text)) {
      const c = this.candidate(g.key);
      c.surfaces.set(g.surface, (c.surfaces.get(g.surface) ?? 0) + 1);
      if (seen.has(g.key)) continue;
      seen.add(g.key);
      if (!seg.coded) {
        c.other++;
        this.counted.other++;
        continue;
      }
      c.coded++;
      this.counted.coded++;
      c.cases.add(seg.transcript);
      const at: Occurrence = { segment: index, start: g.start, end: g.end };
      if (missed) {
        c.missed++;
        if (c.seenMissed.length < this.keepExamples) c.seenMissed.push(at);
      } else if (c.seenCoded.length < this.keepExamples) c.seenCoded.push(at);
    }
  }

  /** The second pass of `othersLater`: a segment that is not coded, counted for the candidates the coded ones made. */
  addOther(text: string): void {
    const seen = new Set<string>();
    for (const g of this.grams(text)) {
      const c = this.candidates.get(g.key);
      if (!c) continue;
      c.surfaces.set(g.surface, (c.surfaces.get(g.surface) ?? 0) + 1);
      if (seen.has(g.key)) continue;
      seen.add(g.key);
      c.other++;
    }
  }

  /** The candidates with their counts, and the kept text of coded segments, for `suggestTerms`. */
  entries(): Array<[string, Readonly<Candidate>]> {
    return [...this.candidates];
  }

  segment(index: number): SuggestSegment {
    return this.kept[index]!;
  }

  private candidate(key: string): Candidate {
    let c = this.candidates.get(key);
    if (!c) this.candidates.set(key, (c = { coded: 0, other: 0, missed: 0, cases: new Set(), surfaces: new Map(), seenMissed: [], seenCoded: [] }));
    return c;
  }

  /** Unigrams, bigrams and trigrams within a clause; none starts or ends with a stopword. */
  private *grams(text: string): Generator<{ key: string; surface: string; start: number; end: number }> {
    const tokens = tokenize(text);
    const stems = tokens.map((t) => this.stem(t.text));
    const usable = tokens.map((t) => HAS_LETTER.test(t.text) && !this.stopwords.has(t.text));
    for (let i = 0; i < tokens.length; i++) {
      if (!usable[i]) continue;
      for (let n = 1; n <= MAX_WORDS && i + n <= tokens.length; n++) {
        const last = i + n - 1;
        if (n > 1 && !JOINS.test(text.slice(tokens[last - 1]!.end, tokens[last]!.start))) break;
        if (!usable[last]) continue;
        yield {
          key: stems.slice(i, last + 1).join(' '),
          surface: tokens.slice(i, last + 1).map((t) => t.text).join(' '),
          start: tokens[i]!.start,
          end: tokens[last]!.end,
        };
      }
    }
  }
}

/**
 * The best candidates that no rule term of the code already matches, best first.
 *
 * Score: the log-odds ratio of a candidate between coded and other segments, with an
 * informative Dirichlet prior taken from the whole corpus, divided by its standard
 * error (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). A plain precision ranks a
 * word seen twice, both times coded, above one seen in forty coded segments and two
 * others; the z-score grows with the evidence, and the corpus prior shrinks the odds
 * of rare words toward the corpus rate instead of dividing by near-zero counts.
 * Ties go to more coded segments, then the stems in code-unit order, so the same
 * inputs always give the same list.
 */
export function suggestTerms(tally: TermTally, ruleTerms: readonly CompiledTerm[], opts: SuggestTermsOptions): TermSuggestions {
  return suggestionsOf(tally, listCandidates(tally, ruleTerms, opts.min), opts);
}

/** Every candidate in at least `min` coded segments, more typical of the code than not, no rule's yet; best score first. */
export function listCandidates(tally: TermTally, ruleTerms: readonly CompiledTerm[], min: number): ListedCandidate[] {
  const entries = tally.entries();
  const { coded: n1, other: n2 } = tally.counted;
  const scored: Array<{ key: string; c: Readonly<Candidate>; score: number }> = [];
  for (const [key, c] of entries) {
    if (c.coded < min) continue;
    const score = logOddsZ(c.coded, c.other, n1, n2);
    if (!(score > 0)) continue;
    if (coveredByRules(key, c, ruleTerms)) continue;
    scored.push({ key, c, score });
  }
  const listed = dropRedundantPhrases(scored);
  listed.sort((a, b) => b.score - a.score || b.c.coded - a.c.coded || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return listed.map((l) => ({ ...l, term: commonest(l.c.surfaces) }));
}

/**
 * The best `top` of the listed candidates as suggestions. With a similarity, the list is
 * ordered by it (the score's order breaks ties, and terms without a vector come last).
 */
export function suggestionsOf(tally: TermTally, listed: readonly ListedCandidate[], opts: SuggestTermsOptions): TermSuggestions {
  const similarity = opts.similarity;
  const withSimilarity = listed.map((l) => ({ ...l, similarity: similarity ? similarity(l.term) : undefined }));
  // A stable sort: equal similarities keep the score's order.
  if (similarity) withSimilarity.sort((a, b) => bySimilarity(a.similarity ?? null, b.similarity ?? null));
  const width = opts.width ?? DEFAULT_WIDTH;
  const perTerm = opts.examples ?? DEFAULT_EXAMPLES;
  const suggestions = withSimilarity.slice(0, opts.top).map(({ key, term, c, score, similarity: s }) => ({
    term,
    stems: key,
    coded: c.coded,
    other: c.other,
    missed: c.missed,
    cases: c.cases.size,
    precision: c.coded / (c.coded + c.other),
    score: round(score),
    ...(s !== undefined ? { similarity: s } : {}),
    examples: [...c.seenMissed, ...c.seenCoded].slice(0, perTerm).map((o) => example(tally, o, width)),
  }));
  return { suggestions, segments: { ...tally.totals } };
}

/** Highest similarity first; a term without one after every term with one. */
function bySimilarity(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return b - a;
}

/**
 * Log-odds ratio with an informative Dirichlet prior: α_w = a0 · (y1+y2)/(n1+n2), with
 * a0 = n1+n2 (the pooled corpus as the prior, as for a background corpus).
 */
export function logOddsZ(y1: number, y2: number, n1: number, n2: number): number {
  const a0 = n1 + n2;
  if (a0 === 0) return 0;
  const aw = (a0 * (y1 + y2)) / (n1 + n2);
  const odds1 = (y1 + aw) / (n1 + a0 - y1 - aw);
  const odds2 = (y2 + aw) / (n2 + a0 - y2 - aw);
  const delta = Math.log(odds1) - Math.log(odds2);
  const variance = 1 / (y1 + aw) + 1 / (y2 + aw);
  return delta / Math.sqrt(variance);
}

/**
 * Whether a rule term of the code already says this: the term occurs within the
 * candidate (`my family` holds the rule's `family`), or the candidate is a run of a
 * rule phrase (`burned every` of `burned every bridge`). Checked against every surface
 * form seen, since exact (`=stay`) and prefix (`homeless*`) parts compare words, not stems.
 */
export function coveredByRules(key: string, c: Pick<Candidate, 'surfaces'>, terms: readonly CompiledTerm[]): boolean {
  const stems = key.split(' ');
  for (const surface of c.surfaces.keys()) {
    const words = surface.split(' ');
    for (const t of terms) {
      if (runMatches(t.parts, stems, words, 'term-in-candidate') || runMatches(t.parts, stems, words, 'candidate-in-term')) return true;
    }
  }
  return false;
}

function runMatches(parts: CompiledPart[], stems: string[], words: string[], how: 'term-in-candidate' | 'candidate-in-term'): boolean {
  const [short, long] = how === 'term-in-candidate' ? [parts.length, stems.length] : [stems.length, parts.length];
  for (let at = 0; at + short <= long; at++) {
    let all = true;
    for (let k = 0; k < short && all; k++) {
      const [p, i] = how === 'term-in-candidate' ? [parts[k]!, at + k] : [parts[at + k]!, k];
      all = partMatches(p, stems[i]!, words[i]!);
    }
    if (all) return true;
  }
  return false;
}

function partMatches(p: CompiledPart, stem: string, word: string): boolean {
  if (p.kind === 'stem') return p.value === stem;
  if (p.kind === 'exact') return p.value === word;
  return word.startsWith(p.value);
}

/**
 * A phrase seen in exactly the same coded and other segments as a shorter candidate
 * inside it is the same evidence: the shorter (more general) one is listed instead.
 */
function dropRedundantPhrases<T extends { key: string; c: Readonly<Candidate> }>(list: T[]): T[] {
  const counts = new Map(list.map((x) => [x.key, x.c]));
  return list.filter(({ key, c }) => {
    const stems = key.split(' ');
    for (let n = 1; n < stems.length; n++) {
      for (let i = 0; i + n <= stems.length; i++) {
        const inner = counts.get(stems.slice(i, i + n).join(' '));
        if (inner && inner.coded === c.coded && inner.other === c.other) return false;
      }
    }
    return true;
  });
}

/** The most frequent surface form; ties to the first in code-unit order. */
function commonest(surfaces: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [s, n] of surfaces) {
    if (n > bestCount || (n === bestCount && s < best)) [best, bestCount] = [s, n];
  }
  return best;
}

function example(tally: TermTally, o: Occurrence, width: number): TermExample {
  const seg = tally.segment(o.segment);
  // Token offsets are UTF-16; excerpts take code points.
  const start = Array.from(seg.text.slice(0, o.start)).length;
  const end = start + Array.from(seg.text.slice(o.start, o.end)).length;
  return { segment: seg.id, missed: seg.coded && !seg.ruleCoded, excerpt: excerpt(seg.text, [{ start, end }], width) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
