import { blankNotes } from '../segment/notes.js';
import type { CodeId } from '../types.js';
import { readWords } from './ascii-words.js';
import { REMEMBERED_TOKENS, type CompiledCodebook, type CompiledRule, type TermId, type TokenLookup } from './compile.js';
import { MAX_STEMMED_LENGTH } from './stem.js';
import { EXACT, partsMatchAt, STEM } from './term-parts.js';
import { withRoom } from '../room.js';

/** A term found in a text: first and last token index. */
interface Occurrence {
  term: TermId;
  first: number;
  last: number;
}

/** Evidence in UTF-16 offsets of the matched text; the caller converts to code points. */
export interface RawEvidence {
  start: number;
  end: number;
  term: string;
}

/**
 * The terms of `prompt` keys found in a segment's question. Worked out once per question
 * (every sentence or paragraph of a turn shares its turn's question) with the same
 * term index as the segments.
 */
export type QuestionTerms = ReadonlySet<TermId>;
/** What a segment without a question has: no `prompt` holds. */
export const NO_QUESTION: QuestionTerms = new Set();

export function questionTerms(cb: CompiledCodebook, question: ReadText): QuestionTerms {
  if (!cb.hasPrompt || question.words.entries.length === 0) return NO_QUESTION;
  // Only `prompt` terms are looked for: a question's other terms would be found for nothing.
  const found = new Set<TermId>();
  const { entries } = question.words;
  for (let i = 0; i < entries.length; i++) {
    for (const term of entries[i]!.terms) if (cb.promptTerm[term] && anchoredAt(cb, entries, term, i) >= 0) found.add(term);
  }
  return found.size > 0 ? found : NO_QUESTION;
}

/**
 * Codes whose own rules hold for `text` (asked by `question`), each with its evidence, in
 * rule order. Bracketed notes are not read (see blankNotes).
 */
export function matchText(cb: CompiledCodebook, spoken: string, question: QuestionTerms = NO_QUESTION): Map<CodeId, RawEvidence[]> {
  return matchRead(cb, readText(cb, spoken), question);
}

/** A text as the matcher reads it: bracketed notes blanked, and its tokens. */
export interface ReadText {
  text: string;
  words: Words;
}

export function readText(cb: CompiledCodebook, spoken: string): ReadText {
  const text = blankNotes(spoken);
  return { text, words: lookedUp(cb, text) };
}

/**
 * matchText on a text read already (so a later step can read its tokens too). Without
 * `evidence`, each code's list stays empty and a code's remaining rules are not tried once
 * one holds: a pass that only counts codes needs to know which hold, not where.
 */
export function matchRead(
  cb: CompiledCodebook, { text, words }: ReadText, question: QuestionTerms = NO_QUESTION, evidence = true,
): Map<CodeId, RawEvidence[]> {
  const occ = occurrencesIn(cb, words);
  const patterns = cb.patternSet.matching(text);
  const result = new Map<CodeId, RawEvidence[]>();
  if (occ.foundCount === 0 && patterns.length === 0 && question.size === 0) return result;
  const candidates = triggeredRules(cb, occ, patterns, question);
  const regex = new RegexAnswers(cb, text, patterns, occ.scratch);
  for (let k = 0; k < candidates.length; k++) {
    const rule = cb.rules[candidates[k]!]!;
    if (rule.prompt && !askedAny(rule.prompt, question)) continue;
    if (rule.notPrompt && askedAny(rule.notPrompt, question)) continue;
    const list = result.get(rule.code);
    if (list) {
      if (evidence) evaluate(cb, rule, occ, regex, words, text, list);
    } else {
      const found: RawEvidence[] = [];
      if (evaluate(cb, rule, occ, regex, words, text, evidence ? found : null)) result.set(rule.code, found);
    }
  }
  // Each code's evidence from all its rules, sorted and without repeats, merged once.
  if (evidence) for (const [code, list] of result) result.set(code, sortedEvidence(list));
  return result;
}

/** The rules a segment's terms, patterns and question trigger: each once, in rule order. */
function triggeredRules(cb: CompiledCodebook, occ: Occurrences, patterns: number[], question: QuestionTerms): Int32Array {
  const s = occ.scratch;
  let n = 0;
  const add = (rules: number[]): void => {
    for (const r of rules) {
      if (s.ruleAt[r] === s.segment) continue;
      s.ruleAt[r] = s.segment;
      s.rules = withRoom(s.rules, n, n + 1);
      s.rules[n++] = r;
    }
  };
  for (let k = 0; k < occ.foundCount; k++) add(cb.rulesByTerm[s.found[k]!]!);
  for (const p of patterns) add(cb.rulesByPattern[p]!);
  for (const term of question) add(cb.rulesByPromptTerm[term]!);
  return s.rules.subarray(0, n).sort();
}

/**
 * A text's tokens, in order: each one's entry (token, stem, and the terms the index finds
 * by it) and its UTF-16 span. Parallel arrays rather than an object per token: a corpus
 * is millions of tokens, and only the few in evidence need their span.
 */
export interface Words {
  entries: TokenLookup[];
  starts: number[];
  ends: number[];
}

/** A text's tokens, each looked up in the codebook's index. */
function lookedUp(cb: CompiledCodebook, text: string): Words {
  const words: Words = { entries: [], starts: [], ends: [] };
  readWords(text, cb.words, (token) => lookUp(cb, token), (entry, start, end) => {
    words.entries.push(entry);
    words.starts.push(start);
    words.ends.push(end);
  });
  return words;
}

/**
 * What the matcher keeps per codebook and reuses segment after segment: each array has a
 * cell per term, rule, pattern, stem or word of the codebook, stamped with the segment
 * that last wrote it, so nothing is cleared or allocated per segment. A corpus is tens of
 * thousands of segments, and a map per segment (of terms found, terms asked for, regexes
 * tested) was a good part of the pass's garbage. A pass is synchronous and a codebook is
 * matched by one thread, so one segment's state is never read while another's is built.
 */
interface Scratch {
  /** The current segment's stamp. */
  segment: number;
  /** Per term: the segment whose answer `lists` holds (found, or looked for). */
  termAt: Int32Array;
  lists: Array<Occurrence[] | undefined>;
  /** The indexed terms found in the segment, in the order first found. */
  found: Int32Array<ArrayBuffer>;
  /** Per rule: the segment that last triggered it; and the segment's triggered rules. */
  ruleAt: Int32Array;
  rules: Int32Array<ArrayBuffer>;
  /** Per pattern tested on its own: the segment it was tested on, and whether it matched. */
  patternAt: Int32Array;
  patternYes: Uint8Array;
  /** Per stem and exact word of the codebook: the segment whose tokens last held it (see mayHold). */
  stemAt: Int32Array;
  wordAt: Int32Array;
  /** The segment whose tokens stemAt and wordAt were last stamped with. */
  stamped: number;
}
const scratches = new WeakMap<CompiledCodebook, Scratch>();

function scratchOf(cb: CompiledCodebook): Scratch {
  let s = scratches.get(cb);
  if (!s) {
    const terms = cb.terms.length;
    s = {
      segment: 0, termAt: new Int32Array(terms), lists: new Array<Occurrence[] | undefined>(terms).fill(undefined),
      found: new Int32Array(64), ruleAt: new Int32Array(cb.rules.length), rules: new Int32Array(64),
      patternAt: new Int32Array(cb.patterns.length), patternYes: new Uint8Array(cb.patterns.length),
      stemAt: new Int32Array(cb.stemCodes.size), wordAt: new Int32Array(cb.wordCodes.size), stamped: 0,
    };
    scratches.set(cb, s);
  }
  if (++s.segment === 0x7fffffff) {
    for (const a of [s.termAt, s.ruleAt, s.patternAt, s.stemAt, s.wordAt]) a.fill(0);
    s.segment = 1;
    s.stamped = 0;
  }
  return s;
}

/**
 * Where each term occurs in a segment. The index found the indexed terms as the tokens
 * were looked up (see CompiledCodebook.indexed); a term of common words that triggers
 * nothing (in a `not`, on the other side of a `near`) is looked for along the tokens
 * when a rule first asks, which is rarely. Valid until the next segment is matched.
 */
class Occurrences {
  readonly scratch: Scratch;
  /** How many indexed terms were found (scratch.found). */
  foundCount = 0;

  constructor(private readonly cb: CompiledCodebook, private readonly words: Words) {
    this.scratch = scratchOf(cb);
  }

  /** Records an indexed term found at tokens first…last. */
  add(term: TermId, first: number, last: number): void {
    const s = this.scratch;
    const occurrence = { term, first, last };
    if (s.termAt[term] === s.segment) {
      s.lists[term]!.push(occurrence);
      return;
    }
    s.termAt[term] = s.segment;
    s.lists[term] = [occurrence];
    s.found = withRoom(s.found, this.foundCount, this.foundCount + 1);
    s.found[this.foundCount++] = term;
  }

  get(term: TermId): Occurrence[] | undefined {
    const s = this.scratch;
    if (s.termAt[term] === s.segment) return s.lists[term];
    if (this.cb.indexed[term]) return undefined;
    const list = this.lookFor(term);
    s.termAt[term] = s.segment;
    s.lists[term] = list;
    return list;
  }

  has(term: TermId): boolean {
    return this.get(term) !== undefined;
  }

  /**
   * Whether the segment holds every stem and exact word of a term's parts. Most terms a
   * rule asks for (its `not`, the common side of a `near`) are not in the segment at all,
   * and are then ruled out without walking its tokens once per term.
   */
  private mayHold(term: TermId): boolean {
    const s = this.scratch;
    if (s.stamped !== s.segment) {
      for (const e of this.words.entries) {
        if (e.stemCode >= 0) s.stemAt[e.stemCode] = s.segment;
        if (e.wordCode >= 0) s.wordAt[e.wordCode] = s.segment;
      }
      s.stamped = s.segment;
    }
    const tp = this.cb.termParts;
    for (let k = tp.start[term]!, end = tp.start[term + 1]!; k < end; k++) {
      const kind = tp.kind[k];
      if (kind === STEM ? s.stemAt[tp.code[k]!] !== s.segment : kind === EXACT && s.wordAt[tp.code[k]!] !== s.segment) return false;
    }
    return true;
  }

  private lookFor(term: TermId): Occurrence[] | undefined {
    if (!this.mayHold(term)) return undefined;
    const tp = this.cb.termParts;
    const length = termLength(this.cb, term);
    let list: Occurrence[] | undefined;
    const { entries } = this.words;
    for (let first = 0; first + length <= entries.length; first++) {
      if (!partsMatchAt(tp, term, -1, entries, first)) continue;
      (list ??= []).push({ term, first, last: first + length - 1 });
    }
    return list;
  }
}

function askedAny(terms: TermId[], question: QuestionTerms): boolean {
  if (question.size === 0) return false;
  for (const t of terms) if (question.has(t)) return true;
  return false;
}

const NO_TERMS: TermId[] = [];

/**
 * A token's stem and the terms found by it (by stem, exactly, or as a prefix), worked
 * out once per distinct token: a corpus repeats its words, so most tokens cost one
 * map read.
 */
function lookUp(cb: CompiledCodebook, token: string): TokenLookup {
  const known = cb.lookups.get(token);
  if (known) return known;
  const stem = cb.stem(token);
  let terms: TermId[] = NO_TERMS;
  const add = (list: TermId[] | undefined): void => {
    if (list && list.length > 0) terms = terms === NO_TERMS ? [...list] : terms.concat(list);
  };
  add(cb.byStem.get(stem));
  add(cb.byExact.get(token));
  // Terms whose first word is a prefix of the token: walk the trie along the token.
  let node = cb.prefixes;
  add(node.terms);
  for (let k = 0; k < token.length; k++) {
    const next = node.next.get(token[k]!);
    if (!next) break;
    node = next;
    add(node.terms);
  }
  const remembered = token.length <= MAX_STEMMED_LENGTH && cb.lookups.size < REMEMBERED_TOKENS;
  const entry = { token, stem, terms, stemCode: cb.stemCodes.get(stem) ?? -1, wordCode: cb.wordCodes.get(token) ?? -1, id: remembered ? cb.lookups.size : -1 };
  if (remembered) cb.lookups.set(token, entry);
  return entry;
}

/** The indexed terms of a segment, found along its tokens (see Occurrences). */
function occurrencesIn(cb: CompiledCodebook, words: Words): Occurrences {
  const occ = new Occurrences(cb, words);
  const { entries } = words;
  // Once per token: plain loops, no closures, an allocation only when a term is found.
  for (let i = 0; i < entries.length; i++) {
    const terms = entries[i]!.terms;
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k]!;
      const first = anchoredAt(cb, entries, term, i);
      if (first >= 0) occ.add(term, first, first + termLength(cb, term) - 1);
    }
  }
  return occ;
}

/**
 * Where `term` starts when its anchor part, found at token `i`, has the term's other words
 * around it; -1 when it has not.
 */
function anchoredAt(cb: CompiledCodebook, entries: TokenLookup[], term: TermId, i: number): number {
  const tp = cb.termParts;
  const anchor = tp.anchor[term]!;
  const first = i - anchor;
  if (first < 0 || first + termLength(cb, term) > entries.length) return -1;
  return partsMatchAt(tp, term, anchor, entries, first) ? first : -1;
}

/** A term's number of words. */
function termLength(cb: CompiledCodebook, term: TermId): number {
  return cb.termParts.start[term + 1]! - cb.termParts.start[term]!;
}

function hasAny(terms: TermId[], occ: Occurrences): boolean {
  for (const t of terms) if (occ.has(t)) return true;
  return false;
}

/**
 * Whether each pattern matches the segment: known for the patterns searched for in every
 * segment, tested (once) for the others when a rule whose other keys hold asks.
 */
class RegexAnswers {
  constructor(private readonly cb: CompiledCodebook, private readonly text: string, private readonly found: number[], private readonly s: Scratch) {}

  holds(p: number): boolean {
    if (this.cb.rulesByPattern[p]!.length > 0) return this.found.includes(p);
    const s = this.s;
    if (s.patternAt[p] !== s.segment) {
      s.patternAt[p] = s.segment;
      s.patternYes[p] = this.cb.patternSet.test(p, this.text) ? 1 : 0;
    }
    return s.patternYes[p] === 1;
  }
}

/**
 * Whether `rule` holds; if so, its evidence is added to `evidence` (the code's list:
 * spans are written there directly, as most segments trigger several rules), unless that
 * is null.
 */
function evaluate(
  cb: CompiledCodebook, rule: CompiledRule, occ: Occurrences, regex: RegexAnswers, words: Words, text: string, evidence: RawEvidence[] | null,
): boolean {
  // Cheap yes/no checks first: most triggered rules fail one, and then no evidence is built.
  // `not` comes last: its terms trigger nothing, so those of common words are not indexed,
  // and asking for them means a look along the tokens.
  if (rule.any && !hasAny(rule.any, occ)) return false;
  if (rule.all) for (const t of rule.all) if (!occ.has(t)) return false;
  if (rule.near && !(hasAny(rule.near.left, occ) && hasAny(rule.near.right, occ))) return false;
  if (rule.not && hasAny(rule.not, occ)) return false;
  if (rule.regex && !rule.regex.some((p) => regex.holds(p))) return false;
  const paired = rule.near ? nearPairs(occurrencesOf(rule.near.left, occ), occurrencesOf(rule.near.right, occ), rule.near.within) : null;
  if (paired && paired.length === 0) return false;
  if (!evidence) return true;
  if (rule.any) addSpans(cb, rule.any, occ, words, evidence);
  if (rule.all) addSpans(cb, rule.all, occ, words, evidence);
  for (const o of paired ?? []) evidence.push(spanOf(cb, o, words));
  // Only the patterns known to match are searched again, for their spans.
  for (const p of rule.regex ?? []) {
    if (!regex.holds(p)) continue;
    const { source } = cb.patterns[p]!;
    for (const [start, end] of cb.patternSet.spans(p, text)) evidence.push({ start, end, term: source });
  }
  return true;
}

function occurrencesOf(terms: TermId[], occ: Occurrences): Occurrence[] {
  const out: Occurrence[] = [];
  for (const t of terms) for (const o of occ.get(t) ?? []) out.push(o);
  return out;
}

function addSpans(cb: CompiledCodebook, terms: TermId[], occ: Occurrences, words: Words, evidence: RawEvidence[]): void {
  for (const t of terms) for (const o of occ.get(t) ?? []) evidence.push(spanOf(cb, o, words));
}

function spanOf(cb: CompiledCodebook, o: Occurrence, words: Words): RawEvidence {
  return { start: words.starts[o.first]!, end: words.ends[o.last]!, term: cb.terms[o.term]!.raw };
}

/**
 * The occurrences of either list that have a partner of the other list at most
 * `within` tokens away (counting from the nearer ends; overlapping counts as 0).
 * Two sweeps over the sorted occurrences keep this n log n, never |left|×|right|.
 */
export function nearPairs(left: Occurrence[], right: Occurrence[], within: number): Occurrence[] {
  const all = [...left.map((o) => ({ o, side: 0 })), ...right.map((o) => ({ o, side: 1 }))];
  if (left.length === 0 || right.length === 0) return [];
  all.sort((a, b) => a.o.first - b.o.first || a.side - b.side);
  const keep = new Set<number>();
  // Forward: the partner that started earlier and reaches furthest.
  const best: Array<number | undefined> = [undefined, undefined];
  all.forEach((x, i) => {
    const other = best[1 - x.side];
    if (other !== undefined && x.o.first - all[other]!.o.last <= within) {
      keep.add(i);
      keep.add(other);
    }
    const mine = best[x.side];
    if (mine === undefined || all[mine]!.o.last < x.o.last) best[x.side] = i;
  });
  // Backward: the partner that starts soonest after this one.
  const next: Array<number | undefined> = [undefined, undefined];
  for (let i = all.length - 1; i >= 0; i--) {
    const x = all[i]!;
    const other = next[1 - x.side];
    if (other !== undefined && all[other]!.o.first - x.o.last <= within) {
      keep.add(i);
      keep.add(other);
    }
    next[x.side] = i;
  }
  return [...keep].sort((a, b) => a - b).map((i) => all[i]!.o);
}

/** Evidence spans sorted by position, without repeats. */
function sortedEvidence(spans: RawEvidence[]): RawEvidence[] {
  const out: RawEvidence[] = [];
  // Sorted on all three fields, repeats are side by side.
  for (const e of spans.sort((x, y) => x.start - y.start || x.end - y.end || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0))) {
    const last = out[out.length - 1];
    if (!last || last.start !== e.start || last.end !== e.end || last.term !== e.term) out.push(e);
  }
  return out;
}
