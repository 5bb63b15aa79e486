import type { RE2JS, RE2Set } from 're2js';
import { whenUsed } from '../when-used.js';
import { requiredLiterals, WORD_EDGE } from './literals.js';
import { COMMON_ENGLISH } from './common-words.js';
import { buildScanner, withinScanBudget, type LiteralScanner, type ScannerTables } from './prefilter.js';
import { matchesEmpty, parseRegex } from './regex-syntax.js';
import { v8CanRead, v8Source } from './regex-v8.js';

// Codebook regexes run through RE2 (re2js): matching is linear in the text, so no
// pattern a researcher writes — `(a+)+$` included — can hang a coding pass. The price
// is that lookaround and backreferences don't exist; the message says so.

/**
 * re2js, loaded when first needed (~15 ms of start-up): with the starter codebook V8
 * answers every pattern exactly, and RE2 is met only by a pattern V8 may not run, a
 * span V8 cannot give, or a codebook that is checked rather than read from its snapshot.
 */
const re2 = whenUsed<typeof import('re2js')>('re2js');

export type CompiledRegex = RE2JS;

/**
 * The largest compiled pattern accepted, in RE2 instructions. RE2 stays linear, but
 * its cost per character grows with the program: `(a?){1000}a{1000}` (5,002
 * instructions) takes most of a second on 20 kB of text. The largest pattern of the
 * starter codebook compiles to about 1,000.
 */
export const MAX_REGEX_INSTRUCTIONS = 2000;

// Validation compiles every pattern; the coding pass reuses that program instead of
// compiling the same source again.
const compiled = new Map<string, RE2JS>();

/** Null when the pattern is valid RE2 of acceptable size, else a message a researcher can act on. */
export function checkRegex(source: string): string | null {
  let re: RE2JS;
  try {
    re = compileRegex(source);
  } catch (e) {
    const msg = e instanceof Error ? e.message.replace(/^error parsing regexp: /, '') : String(e);
    const hint = /\(\?<?[=!]|\\[1-9]/.test(source)
      ? ' (RE2 has no lookaround or backreferences, which is what keeps matching linear-time)'
      : /invalid repeat count/.test(msg) ? ' (RE2 allows at most {1000})' : '';
    return msg + hint;
  }
  const size = re.programSize();
  if (size > MAX_REGEX_INSTRUCTIONS) {
    return `pattern too large: it compiles to ${size.toLocaleString('en')} RE2 instructions, ` +
      `more than the limit of ${MAX_REGEX_INSTRUCTIONS.toLocaleString('en')} ` +
      '(repetition counts such as {500} copy what they repeat; use smaller counts, or + and *)';
  }
  return null;
}

export function compileRegex(source: string): CompiledRegex {
  let re = compiled.get(source);
  if (!re) {
    const { RE2JS } = re2();
    re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
    compiled.set(source, re);
  }
  return re;
}

/**
 * A codebook's pattern, compiled for RE2 when first needed: V8 answers most yes/no
 * questions and most patterns match nowhere in a given study, so compiling all of
 * them up front (a fifth of a second for the starter codebook) is mostly wasted.
 */
export class CodebookPattern {
  private compiled: CompiledRegex | null = null;
  constructor(readonly source: string) {}

  get re(): CompiledRegex {
    return (this.compiled ??= compileRegex(this.source));
  }
}

/** Every non-overlapping match as UTF-16 [start, end) in `text`. */
export function regexSpans(re: CompiledRegex, text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const m = re.matcher(text);
  while (m.find()) {
    const start = m.start();
    const end = m.end();
    spans.push([start, end]);
    if (end === start && end >= text.length) break;
  }
  return spans;
}

/** Every pattern of a codebook, run so that the text is read as few times as possible. */
export interface PatternSet {
  /** Indices of the searched-for patterns that match somewhere in `text`, ascending. */
  matching(text: string): number[];
  /** Whether pattern `p` matches somewhere in `text` (asked when a rule needs to know). */
  test(p: number, text: string): boolean;
  /** Every non-overlapping match of pattern `p` in `text`, as UTF-16 [start, end). */
  spans(p: number, text: string): Array<[number, number]>;
  /** The pre-filter's tables, for another compile of the same patterns (see compilePatternSet). */
  readonly scannerTables: ScannerTables;
}

/**
 * `searched[i]`: pattern i is looked for in every segment, because a rule holds on it
 * alone. The others are tested only when asked: a pattern beside a question or answer
 * term (`^\W*(no|nope)\b` after "did you have family…?") need not run on the segments
 * where those terms are missing, which are nearly all of them.
 */
export function compilePatternSet(
  patterns: CodebookPattern[], searched: boolean[] = patterns.map(() => true), plans: ReadonlyMap<string, PatternPlan> = new Map(),
  scanner?: ScannerTables,
): PatternSet {
  const planned = patterns.map((p) => plans.get(p.source) ?? planPattern(p.source));
  const testers = patterns.map((p, i) => tester(p, planned[i]!));
  const literals = withinScanBudget(patterns.map((_, i) => (searched[i] ? scannedGroups(planned[i]!.literals, testers[i]!) : null)));
  const always = patterns.flatMap((_, i) => (searched[i] && !literals[i] ? [i] : []));
  const sets = always.length > 0 ? [new SplittingSet(always, patterns.map((p) => p.source))] : [];
  return new LiteralFilteredSet(testers, buildScanner(literals, scanner), sets);
}

/** Literals shorter than this are scanned for only when a pattern's test is slow. */
const MIN_SCANNED_LITERAL = 3;

/**
 * The groups the scan looks for. Short literals (`i`, `he`, `to`) are in nearly every
 * segment and make the scan slow while ruling out little; for a pattern V8 tests
 * quickly, testing a few more segments costs less than finding them (on the bench
 * corpus: 40% less regex time). A group of common words only ("was", "is", "were") is
 * not scanned for either, whatever the pattern: each one the scan meets costs it a step
 * aside to note the group (one character in eight of the bench corpus ended such a
 * literal), and nearly every segment holds one. Its most selective group always stays.
 */
function scannedGroups(groups: string[][] | null, t: Tester): string[][] | null {
  if (!groups) return groups;
  const kept = groups.filter((g) => !g.every(isCommonWord) && (!t.fast || g.every((literal) => literal.length >= MIN_SCANNED_LITERAL)));
  return kept.length > 0 ? kept : [groups[0]!];
}

/** A literal that is one common word (see COMMON_ENGLISH), its word edges and the spaces beside it aside. */
function isCommonWord(literal: string): boolean {
  return COMMON_ENGLISH.has(literal.replaceAll(WORD_EDGE, '').trim());
}

/**
 * A pattern's yes/no, and its spans: V8's engine where that is safe and gives RE2's
 * answer (see regex-v8.ts), else RE2. Both engines find the leftmost match and prefer
 * alternatives and repeats in the same order, so a safe pattern's matches are the same
 * in both; only after an empty match do they step on differently, so a pattern that can
 * match nothing gets its spans from RE2.
 */
interface Tester {
  pattern: CodebookPattern;
  /**
   * The pattern in V8, when V8 may answer it; with the g flag when it cannot match the
   * empty string, so the same object also gives the spans. One object, not one for the
   * yes/no and another for the spans: V8 compiles each, and for the long alternations of
   * a codebook that was most of a small study's regex time.
   */
  fast: RegExp | null;
}

function tester(p: CodebookPattern, plan: PatternPlan): Tester {
  return { pattern: p, fast: plan.v8 === null ? null : new RegExp(plan.v8, plan.nonEmpty ? 'gi' : 'i') };
}

function spansWith(t: Tester, text: string): Array<[number, number]> {
  const re = t.fast;
  if (re === null || !re.global || !v8CanRead(text)) return regexSpans(t.pattern.re, text);
  const spans: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** What a pattern set needs of one pattern, read from its source alone (and so kept in a build-time snapshot). */
export interface PatternPlan {
  /** The pattern in V8 syntax where V8 may answer its yes/no (see regex-v8.ts), else null. */
  v8: string | null;
  /** Its required literals (see literals.ts), or null. */
  literals: string[][] | null;
  /** Whether it surely cannot match the empty string. */
  nonEmpty: boolean;
}

export function planPattern(source: string): PatternPlan {
  const tree = parseRegex(source);
  return { v8: v8Source(tree), literals: requiredLiterals(tree), nonEmpty: tree !== null && !matchesEmpty(tree) };
}

function testWith(t: Tester, text: string, v8Reads: boolean): boolean {
  if (!v8Reads || t.fast === null) return t.pattern.re.test(text);
  // A global pattern's test starts where its last search ended.
  t.fast.lastIndex = 0;
  return t.fast.test(text);
}

/**
 * Patterns with required literals are run only on segments that hold one of them (one
 * scan for all); the rest are run on every segment, together in RE2 sets.
 */
class LiteralFilteredSet implements PatternSet {
  constructor(private readonly testers: Tester[], private readonly scanner: LiteralScanner, private readonly sets: SplittingSet[]) {}

  get scannerTables(): ScannerTables {
    return this.scanner.tables;
  }

  matching(text: string): number[] {
    const out: number[] = [];
    for (const set of this.sets) set.match(text, out);
    const candidates = this.scanner.candidates(text);
    if (candidates.length === 0) return out.sort((a, b) => a - b);
    const v8Reads = v8CanRead(text);
    for (const p of candidates) if (testWith(this.testers[p]!, text, v8Reads)) out.push(p);
    return out.sort((a, b) => a - b);
  }

  test(p: number, text: string): boolean {
    return testWith(this.testers[p]!, text, v8CanRead(text));
  }

  spans(p: number, text: string): Array<[number, number]> {
    return spansWith(this.testers[p]!, text);
  }
}

/**
 * Patterns without literals, in one automaton per group. re2js caches the DFA states
 * it builds and starts over when the cache is full; a set that outgrows it builds the
 * same states again and again, which costs far more than a second, smaller set. So
 * the groups are sized by measuring: a set whose cache is cleared is split in two.
 */
class SplittingSet {
  private parts: SetPart[];

  constructor(ids: number[], private readonly sources: string[]) {
    this.parts = [];
    for (let i = 0; i < ids.length; i += MAX_SET_SIZE) this.parts.push(this.part(ids.slice(i, i + MAX_SET_SIZE)));
  }

  match(text: string, out: number[]): void {
    let split = false;
    for (const part of this.parts) {
      for (const i of part.set.match(text)) out.push(part.ids[i]!);
      if (part.clears > 0 && part.ids.length > 1) split = true;
    }
    if (split) this.parts = this.parts.flatMap((p) => (p.clears > 0 && p.ids.length > 1 ? this.halves(p.ids) : [p]));
  }

  private halves(ids: number[]): SetPart[] {
    const mid = ids.length >> 1;
    return [this.part(ids.slice(0, mid)), this.part(ids.slice(mid))];
  }

  private part(ids: number[]): SetPart {
    const { RE2JS, RE2Set } = re2();
    const set = new RE2Set(RE2Set.UNANCHORED, RE2JS.CASE_INSENSITIVE);
    for (const i of ids) set.add(this.sources[i]!);
    set.compile();
    const part: SetPart = { ids, set, clears: 0 };
    watchClears(set, () => part.clears++);
    return part;
  }
}

interface SetPart {
  /** Pattern index of each member, in the set's own order. */
  ids: number[];
  set: RE2Set;
  /** How many times the set's DFA cache has been full and cleared. */
  clears: number;
}

/**
 * The most patterns one set starts with; sets that outgrow re2js's cache split further.
 * Measured with the starter codebook's 138 patterns, all run on every segment of the
 * bench corpus: sets of 8 or 16 took 0.8–1.1 s, of 32 twice that (one cache clear),
 * of 64 five times (five clears); a bigger set also builds more states before its
 * cache is even full.
 */
const MAX_SET_SIZE = 16;

/**
 * Calls `onClear` whenever re2js empties the set's DFA state cache. The cache lives on
 * an internal object of re2js; when a version lacks it, sets just don't split.
 */
function watchClears(set: RE2Set, onClear: () => void): void {
  const dfa = (set as unknown as { dfa?: { clearCache?: () => void } }).dfa;
  const clear = dfa?.clearCache;
  if (!dfa || typeof clear !== 'function') return;
  dfa.clearCache = function (this: unknown) {
    onClear();
    clear.call(this);
  };
}
