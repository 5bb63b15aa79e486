import type { CodeId } from '../types.js';
import { WordTable } from './ascii-words.js';
import { flattenCodes, type Code, type Codebook, type Term } from './model.js';
import { CodebookPattern, compilePatternSet, planPattern, type PatternPlan, type PatternSet } from './regex.js';
import type { ScannerTables } from './prefilter.js';
import { flatParts, type TermParts } from './term-parts.js';
import { COMMON_ENGLISH } from './common-words.js';
import { loadStemmer, type StemFn } from './stem.js';
import { fitsBook, numbering, trieFromData, type CompiledData } from './compiled-data.js';

// The rules of every code are compiled once into one index keyed by what a token can
// be looked up by (its stem, its exact form, its prefixes). A coding pass then looks
// each token up once, whatever the number of codes, and only evaluates the rules
// whose terms it actually met.

export type TermId = number;
export type RuleId = number;

/**
 * Distinct tokens remembered per codebook; past this, tokens are looked up afresh. The
 * words a corpus repeats come early, so a hundred thousand covers them; a larger memory
 * only grows with names and typos (peak memory on the 50 MB bench corpus: 165 MB with
 * 500,000, 155 MB with 100,000, and no slower).
 */
export const REMEMBERED_TOKENS = 100_000;

/**
 * What compiling a codebook works out from its text alone: each regex's plan and the
 * stem of each word of its terms. Kept (in a build's snapshot of a shipped codebook, or
 * handed to a worker thread), it lets another compile of the same codebook skip that work.
 */
export interface CompileHints {
  plans: Array<[string, PatternPlan]>;
  wordStems: Array<[string, string]>;
  /** The regex pre-filter's automaton (used only for the very literals it was built from). */
  scanner?: ScannerTables;
  /** The whole compile, as data (used only for the very codebook it was made from: see compiled-data.ts). */
  compiled?: CompiledData;
}

export interface CompiledPart {
  kind: 'stem' | 'prefix' | 'exact';
  /** The stem for `stem` parts; the lower-cased word otherwise. */
  value: string;
  /**
   * `value` as a number (CompiledCodebook.stemCodes for a stem, wordCodes for an exact
   * word; -1 for a prefix): the matcher compares a token's number with it, not strings.
   */
  code: number;
}

export interface CompiledTerm {
  id: TermId;
  raw: string;
  parts: CompiledPart[];
  /** The part the index finds the term by; the others are checked around it. */
  anchor: number;
}

export interface CompiledRule {
  id: RuleId;
  code: CodeId;
  /** Terms of which one must occur in the segment's question. */
  prompt?: TermId[];
  any?: TermId[];
  all?: TermId[];
  near?: { left: TermId[]; right: TermId[]; within: number };
  /** Indices into CompiledCodebook.patterns. */
  regex?: number[];
  not?: TermId[];
  /** Terms of which none may occur in the question: its code's and its ancestors' `not_prompt`. */
  notPrompt?: TermId[];
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  /** Terms found by a prefix part ending at this node. */
  terms: TermId[];
}

export interface CompiledCodebook {
  book: Codebook;
  stem: StemFn;
  terms: CompiledTerm[];
  rules: CompiledRule[];
  byStem: Map<string, TermId[]>;
  byExact: Map<string, TermId[]>;
  prefixes: TrieNode;
  /** Term → the rules its occurrence triggers (see triggersOf; never a `not` term). */
  rulesByTerm: RuleId[][];
  /** Term → the rules with `prompt` and no answer terms (a regex at most): a question's terms trigger them. */
  rulesByPromptTerm: RuleId[][];
  /** Term → whether some rule looks for it in the question: only those are kept from a question. */
  promptTerm: boolean[];
  /**
   * Term → whether the index finds it as tokens are looked up: the terms that trigger a
   * rule (see triggersOf), those of questions, and any not found by a common word. The
   * others (a `not` or the second side of a `near` made of words like "I" or "we") are
   * looked for only when a rule that names them is evaluated.
   */
  indexed: boolean[];
  /** Whether any rule has `prompt`: if none, a pass need not find a segment's question. */
  hasPrompt: boolean;
  /** Every distinct regex of the codebook, each compiled for finding its spans… */
  patterns: CodebookPattern[];
  /** …and those that trigger rules on their own, searched together for each segment. */
  patternSet: PatternSet;
  /**
   * Pattern → the rules it alone can make hold (a regex is their only positive key). A
   * rule with other keys as well tests its patterns only once those hold.
   */
  rulesByPattern: RuleId[][];
  /** What this compile worked out from the codebook's text alone, for another compile of it. */
  hints: CompileHints;
  /** Token → its stem and the terms it finds, filled by the matcher as tokens come… */
  lookups: Map<string, TokenLookup>;
  /** …and the same entries, found from an ASCII word as written (see ascii-words.ts). */
  words: WordTable<TokenLookup>;
  /** Each stem of a `stem` part, and each word of an `exact` part, numbered (see CompiledPart.code). */
  stemCodes: Map<string, number>;
  wordCodes: Map<string, number>;
  /** `terms`' parts in flat arrays, as the matcher's inner loop reads them. */
  termParts: TermParts;
}

export interface TokenLookup {
  /** The token (lower case, ’ as '). */
  token: string;
  stem: string;
  /** Terms whose anchor part this token is, in index order (by stem, exact, prefix). */
  terms: TermId[];
  /** The stem's and the token's numbers among the parts' (-1: no part has it). */
  stemCode: number;
  wordCode: number;
  /** Its number among the tokens the codebook remembers (-1: not remembered), for a later step's own memory of it. */
  id: number;
}

/** A codebook compiled with its language's stemmer, reusing what `hints` (of an earlier compile of it) know. */
export async function compileWithHints(book: Codebook, hints?: CompileHints): Promise<CompiledCodebook> {
  const stem = await loadStemmer(book.language, hints?.wordStems);
  if (hints?.compiled && fitsBook(hints.compiled, book)) return fromCompiledData(book, stem, hints, hints.compiled);
  return compileCodebook(book, stem, new Map(hints?.plans), hints?.scanner);
}

/** The compile of `book` that `hints.compiled` holds, made ready to match (see compiled-data.ts). */
function fromCompiledData(book: Codebook, stem: StemFn, hints: CompileHints, d: CompiledData): CompiledCodebook {
  const patterns = d.patterns.map((source) => new CodebookPattern(source));
  const plans = new Map(hints.plans);
  const planned = new Map(patterns.map((p) => [p.source, plans.get(p.source) ?? planPattern(p.source)]));
  const patternSet = compilePatternSet(patterns, d.rulesByPattern.map((rules) => rules.length > 0), planned, hints.scanner);
  return {
    book, stem, terms: d.terms, rules: d.rules, byStem: new Map(d.byStem), byExact: new Map(d.byExact), prefixes: trieFromData(d.prefixes),
    rulesByTerm: d.rulesByTerm, rulesByPromptTerm: d.rulesByPromptTerm, promptTerm: d.promptTerm, indexed: d.indexed, hasPrompt: d.hasPrompt,
    patterns, patternSet, rulesByPattern: d.rulesByPattern,
    hints: { plans: [...planned], wordStems: hints.wordStems, scanner: patternSet.scannerTables, compiled: d },
    lookups: new Map(), words: new WordTable(REMEMBERED_TOKENS, (e) => e.token),
    stemCodes: numbering(d.stemCodes), wordCodes: numbering(d.wordCodes), termParts: flatParts(d.terms),
  };
}

/** `plans` and `scanner`: what is known already of its patterns (see CompileHints). */
export function compileCodebook(book: Codebook, stem: StemFn, plans?: ReadonlyMap<string, PatternPlan>, scanner?: ScannerTables): CompiledCodebook {
  const out: CompiledCodebook = {
    book, stem, terms: [], rules: [], byStem: new Map(), byExact: new Map(),
    prefixes: { next: new Map(), terms: [] }, rulesByTerm: [], rulesByPromptTerm: [], promptTerm: [], indexed: [], hasPrompt: false,
    patterns: [], patternSet: compilePatternSet([]), rulesByPattern: [], hints: { plans: [], wordStems: [] }, lookups: new Map(), words: new WordTable(REMEMBERED_TOKENS, (e) => e.token),
    stemCodes: new Map(), wordCodes: new Map(), termParts: flatParts([]),
  };
  const termIds = new Map<string, TermId>();
  const stems = new Map<string, string>();
  const stemWord = (word: string): string => {
    let s = stems.get(word);
    if (s === undefined) stems.set(word, (s = stem(word)));
    return s;
  };
  const numbered = (codes: Map<string, number>, value: string): number => {
    let code = codes.get(value);
    if (code === undefined) codes.set(value, (code = codes.size));
    return code;
  };
  const partOf = (kind: CompiledPart['kind'], value: string): CompiledPart => ({
    kind, value, code: kind === 'stem' ? numbered(out.stemCodes, value) : kind === 'exact' ? numbered(out.wordCodes, value) : -1,
  });
  // Each term's words are stemmed once: counted for the anchors first, interned after.
  const stemmed = new Map<Term, CompiledPart[]>();
  const partsOf = (t: Term): CompiledPart[] => {
    let parts = stemmed.get(t);
    if (!parts) stemmed.set(t, (parts = t.parts.map((p) => partOf(p.kind, p.kind === 'stem' ? stemWord(p.word) : p.word))));
    return parts;
  };
  const uses = partUses(book, partsOf, stemWord);
  const intern = (t: Term): TermId => {
    const parts = partsOf(t);
    const key = parts.map(partKey).join(' ');
    const known = termIds.get(key);
    if (known !== undefined) return known;
    const id = out.terms.length;
    const anchor = anchorOf(parts, uses);
    out.terms.push({ id, raw: t.raw, parts, anchor });
    out.rulesByTerm.push([]);
    out.rulesByPromptTerm.push([]);
    out.promptTerm.push(false);
    out.indexed.push(false);
    termIds.set(key, id);
    return id;
  };
  const commonness = (t: TermId): number => {
    const { parts, anchor } = out.terms[t]!;
    return uses.get(partKey(parts[anchor]!)) ?? 0;
  };
  // A phrase is rarer than its commonest word: "been there" is said far less than "she".
  const triggerCost = (t: TermId): number => commonness(t) * PHRASE_RARITY ** (out.terms[t]!.parts.length - 1);
  const patternIds = new Map<string, number>();
  const pattern = (source: string): number => {
    let id = patternIds.get(source);
    if (id === undefined) {
      id = out.patterns.length;
      out.patterns.push(new CodebookPattern(source));
      out.rulesByPattern.push([]);
      patternIds.set(source, id);
    }
    return id;
  };
  const vetoes = notPromptTerms(book);
  for (const code of flattenCodes(book.codes)) {
    const notPrompt = vetoes.get(code.id)?.map(intern);
    if (notPrompt) {
      out.hasPrompt = true;
      for (const t of notPrompt) out.promptTerm[t] = out.indexed[t] = true;
    }
    for (const r of code.rules) {
      const id = out.rules.length;
      const rule: CompiledRule = { id, code: code.id };
      if (notPrompt) rule.notPrompt = notPrompt;
      if (r.prompt) rule.prompt = r.prompt.map(intern);
      if (r.any) rule.any = r.any.map(intern);
      if (r.all) rule.all = r.all.map(intern);
      if (r.not) rule.not = r.not.map(intern);
      if (r.near) rule.near = { left: r.near.left.map(intern), right: r.near.right.map(intern), within: r.near.within };
      if (r.regex) rule.regex = r.regex.map((x) => pattern(x.source));
      out.rules.push(rule);
      // Every rule has a positive key, so a term or a pattern it needs (or, for a rule with
      // only `prompt`, a term of its question) always triggers it.
      const triggers = triggersOf(rule, triggerCost);
      for (const t of triggers) {
        out.rulesByTerm[t]!.push(id);
        out.indexed[t] = true;
      }
      if (triggers.length === 0 && !rule.prompt) for (const p of new Set(rule.regex ?? [])) out.rulesByPattern[p]!.push(id);
      if (rule.prompt) {
        out.hasPrompt = true;
        for (const t of rule.prompt) out.promptTerm[t] = out.indexed[t] = true;
        // A rule with answer terms is found by them; one without, by its question's terms.
        if (triggers.length === 0) for (const t of new Set(rule.prompt)) out.rulesByPromptTerm[t]!.push(id);
      }
    }
  }
  // A term found by a common word is indexed only when it triggers: indexed, it would be
  // found at every "I" of the corpus; otherwise it is looked for when a rule asks.
  out.terms.forEach((t) => {
    if (commonness(t.id) < COMMON) out.indexed[t.id] = true;
    if (out.indexed[t.id]) indexPart(out, t.id, t.parts[t.anchor]!);
  });
  const planned = new Map(out.patterns.map((p) => [p.source, plans?.get(p.source) ?? planPattern(p.source)]));
  out.termParts = flatParts(out.terms);
  out.patternSet = compilePatternSet(out.patterns, out.rulesByPattern.map((rules) => rules.length > 0), planned, scanner);
  out.hints = { plans: [...planned], wordStems: [...stems], scanner: out.patternSet.scannerTables };
  return out;
}

const partKey = (p: CompiledPart): string => `${p.kind}:${p.value}`;

/** Each code's `not_prompt` terms with its ancestors' (a parent's veto holds for its children). */
function notPromptTerms(book: Codebook): Map<CodeId, Term[]> {
  const out = new Map<CodeId, Term[]>();
  const walk = (codes: readonly Code[], inherited: Term[]): void => {
    for (const c of codes) {
      const own = [...inherited, ...(c.notPrompt ?? [])];
      if (own.length > 0) out.set(c.id, own);
      walk(c.children, own);
    }
  };
  walk(book.codes, []);
  return out;
}

/**
 * The terms whose occurrence makes a rule worth evaluating. A rule holds only when each
 * of its clauses does, so one clause is enough to find it by: all of `any` (one of them
 * must occur), the rarest term of `all` (every one must), or the rarer side of `near`.
 * The cheapest clause wins, counted by how common each term's looked-up word is: `near:
 * [[=i, =we], [left, ran]]` is found at "left" and "ran", not at every "I", and "I" is
 * then looked for only in the segments that say "left" or "ran".
 */
function triggersOf(rule: CompiledRule, commonness: (t: TermId) => number): TermId[] {
  const clauses: TermId[][] = [];
  if (rule.any) clauses.push(rule.any);
  if (rule.all) clauses.push([rarest(rule.all, commonness)]);
  if (rule.near) clauses.push(rule.near.left, rule.near.right);
  let best: TermId[] = [];
  let bestCost = Infinity;
  for (const c of clauses) {
    const cost = c.reduce((sum, t) => sum + commonness(t), 0);
    if (cost < bestCost) {
      best = c;
      bestCost = cost;
    }
  }
  return [...new Set(best)];
}

function rarest(terms: TermId[], commonness: (t: TermId) => number): TermId {
  return terms.reduce((a, b) => (commonness(b) < commonness(a) ? b : a));
}

/** The count a common word is given in partUses: more than any codebook's terms. */
const COMMON = 1_000_000;

/**
 * How much rarer each further word makes a term, when clauses are weighed to choose a
 * rule's triggers: a phrase of common words ("been there") is still met far less often
 * than one common word ("she"), and a side of a dozen such phrases is cheaper to find a
 * `near` rule by than a side of pronouns. Weighed by their commonest word alone, the
 * starter codebook's peer-support rule was found at every "she" and "her"; with this,
 * reading and matching the bench's 10 MB took 5% less (755 → 709 ms, best of seven).
 */
const PHRASE_RARITY = 0.02;

/** How many of the codebook's terms use each word (stemmed or exact): a stand-in for how common it is. */
function partUses(book: Codebook, partsOf: (t: Term) => CompiledPart[], stem: StemFn): Map<string, number> {
  const uses = new Map<string, number>();
  // Common words count as used by every term, so any other word anchors first.
  if (book.language === 'en') {
    for (const w of COMMON_ENGLISH) {
      uses.set(`stem:${stem(w)}`, COMMON);
      uses.set(`exact:${w}`, COMMON);
    }
  }
  for (const code of flattenCodes(book.codes)) {
    for (const t of code.notPrompt ?? []) for (const p of partsOf(t)) uses.set(partKey(p), (uses.get(partKey(p)) ?? 0) + 1);
    for (const r of code.rules) {
      const terms = [...(r.prompt ?? []), ...(r.any ?? []), ...(r.all ?? []), ...(r.not ?? []), ...(r.near?.left ?? []), ...(r.near?.right ?? [])];
      for (const t of terms) for (const p of partsOf(t)) uses.set(partKey(p), (uses.get(partKey(p)) ?? 0) + 1);
    }
  }
  return uses;
}

/**
 * A phrase is looked up by its rarest stemmed or exact word, not its first: `on the bus`
 * is then checked where the text says "bus", instead of at every "the". A word many of
 * the codebook's phrases use ("the", "didn't", "had") is a common word of the corpus
 * too; among words as rare, the longest. Phrases of prefixes only go by their first
 * word. Which word anchors a phrase changes only speed: the others are checked around it.
 */
function anchorOf(parts: CompiledPart[], uses: Map<string, number>): number {
  let best = 0;
  let bestUses = Infinity;
  let bestLength = -1;
  parts.forEach((p, i) => {
    if (p.kind === 'prefix') return;
    const n = uses.get(partKey(p)) ?? 0;
    if (n < bestUses || (n === bestUses && p.value.length > bestLength)) {
      best = i;
      bestUses = n;
      bestLength = p.value.length;
    }
  });
  return best;
}

function indexPart(out: CompiledCodebook, id: TermId, part: CompiledPart): void {
  if (part.kind === 'prefix') {
    // Keyed by UTF-16 unit, as the matcher walks a token.
    let node = out.prefixes;
    for (const ch of part.value.split('')) {
      let next = node.next.get(ch);
      if (!next) node.next.set(ch, (next = { next: new Map(), terms: [] }));
      node = next;
    }
    node.terms.push(id);
    return;
  }
  const map = part.kind === 'stem' ? out.byStem : out.byExact;
  const list = map.get(part.value);
  if (list) list.push(id);
  else map.set(part.value, [id]);
}
