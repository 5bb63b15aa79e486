// A faster yes/no for the common codebook pattern, in V8's own regex engine.
//
// Every pattern is RE2 (re2js), so none can hang a run. But most of a coding pass's
// regex time is re2js answering "does this segment match?" for phrases such as
// `\b(he|they)\s+(checked|read)\s+(my|her)\s+phone\b`, which V8's engine answers three
// to four times faster. V8 backtracks, though, so a pattern is handed to it only when
// its shape rules out runaway backtracking, and only on text where the two engines
// cannot disagree. Everything else stays with RE2; spans (the evidence) always come
// from RE2.
//
// The shape (checked on the pattern's syntax tree, conservatively):
// - a group is repeated at most 3 times (`(a\s+)?`, `(\w+\s+){0,2}`), never `*`/`+`;
// - an unbounded run of one kind of character (`\s+`, `[a-z]*`) starts right after a
//   character it cannot match (or the start of the text, or `\b` before word
//   characters), so each run of text is entered once, and giving it back costs its
//   length once: `he\s+was`, not `\s+was` or `a\s*\s+b`;
// - bounded runs (`[^.?!]{0,20}`) cost at most their bound per start.
// The text: at most MAX_V8_TEXT code units, no character outside the Basic Multilingual
// Plane (V8 without the u flag counts code units, RE2 code points), and neither
// U+017F LONG S nor U+212A KELVIN SIGN (RE2 folds them to s and k, V8 does not).
// Only the subset of RE2 syntax regex-syntax.ts reads is translated; anything else → RE2.

import { EMPTY_SET as EMPTY, WORD, complement, matchesEmpty, overlaps, parseRegex, setOf, union, within, type CharSet, type RegexNode } from './regex-syntax.js';

/** Longest text handed to V8: a bounded run's cost grows with it. */
export const MAX_V8_TEXT = 20_000;
const MAX_GROUP_REPEAT = 3;
const MAX_GROUP_DEPTH = 3;
const MAX_COUNT = 1000;

/** The V8 source (flag `i`) of an RE2 pattern (or its parsed tree) that is safe to run there, or null. */
export function v8Source(pattern: string | RegexNode | null): string | null {
  const tree = typeof pattern === 'string' ? parseRegex(pattern) : pattern;
  if (tree === null) return null;
  const source = emit(tree);
  return source !== null && safe(tree, null, 0) ? source : null;
}

/** Whether V8 and RE2 must agree on `text` (see the header). */
export function v8CanRead(text: string): boolean {
  return text.length <= MAX_V8_TEXT && !UNSAFE_TEXT.test(text);
}
const UNSAFE_TEXT = /[\uD800-\uDFFF\u017F\u212A]/;

// ---- V8 syntax ------------------------------------------------------------------

/** The tree in V8 syntax, or null when a part has no exact translation. */
function emit(n: RegexNode): string | null {
  switch (n.kind) {
    case 'cased':
      return null;
    case 'atom':
      return n.v8;
    case 'assert':
      return n.which;
    case 'cat': {
      const parts = n.items.map(emit);
      return parts.includes(null) ? null : parts.join('');
    }
    case 'alt': {
      const parts = n.items.map(emit);
      return parts.includes(null) ? null : `(?:${parts.join('|')})`;
    }
    case 'rep': {
      if (n.node.kind === 'assert' || n.min > MAX_COUNT || (n.max !== Infinity && (n.max > MAX_COUNT || n.max < n.min))) return null;
      const inner = emit(n.node);
      if (inner === null) return null;
      const base = n.node.kind === 'atom' ? inner : `(?:${inner})`;
      return base + quantifier(n.min, n.max) + (n.lazy ? '?' : '');
    }
  }
}

function quantifier(min: number, max: number): string {
  if (min === 0 && max === 1) return '?';
  if (min === 0 && max === Infinity) return '*';
  if (min === 1 && max === Infinity) return '+';
  if (max === Infinity) return `{${min},}`;
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

// ---- what a node can start and end with --------------------------------------

/** Null stands for "any character at all" (the start of an unanchored search). */
function disjoint(a: CharSet | null, b: CharSet): boolean {
  return a !== null && !overlaps(a, b);
}

function edge(n: RegexNode, side: 'first' | 'last'): CharSet {
  switch (n.kind) {
    case 'cased':
      return edge(n.node, side);
    case 'atom':
      return n.set!;
    case 'assert':
      return EMPTY;
    case 'alt':
      return n.items.map((i) => edge(i, side)).reduce(union, EMPTY);
    case 'rep':
      return edge(n.node, side);
    case 'cat':
      return through(side === 'first' ? n.items : [...n.items].reverse(), side);
  }
}

/**
 * The characters that can come first (or last) in a sequence, reading past items that
 * may match nothing. Read backwards, `^` ends it: nothing comes before the start.
 */
function through(items: RegexNode[], side: 'first' | 'last'): CharSet {
  let acc = EMPTY;
  for (const item of items) {
    if (side === 'last' && item.kind === 'assert' && item.which === '^') return acc;
    acc = union(acc, edge(item, side));
    if (!matchesEmpty(item)) return acc;
  }
  return acc;
}

/**
 * For each item of a sequence, the characters that can come just before it — `before`
 * for the first, null for "anything". One pass: each item's from the one before.
 */
function priors(items: RegexNode[], before: CharSet | null): Array<CharSet | null> {
  const out: Array<CharSet | null> = [];
  let acc = before;
  for (const item of items) {
    out.push(acc);
    if (item.kind === 'assert' && item.which === '^') acc = EMPTY;
    else if (matchesEmpty(item)) acc = acc === null ? null : union(acc, edge(item, 'last'));
    else acc = edge(item, 'last');
  }
  return out;
}

// ---- the shape check ----------------------------------------------------------

/**
 * Whether `n` cannot backtrack out of hand, given the characters that can come just
 * before its match (`before`; null: anything). What comes after never matters: giving
 * characters back costs a run's length once per entry (see the rep case).
 */
function safe(n: RegexNode, before: CharSet | null, depth: number): boolean {
  switch (n.kind) {
    case 'cased':
      return false;
    case 'atom':
    case 'assert':
      return true;
    case 'alt':
      return n.items.every((i) => safe(i, before, depth));
    case 'cat': {
      const prior = priors(n.items, before);
      return n.items.every((item, i) => safe(item, afterWordBoundary(n.items[i - 1], item) ? NON_WORD : prior[i]!, depth));
    }
    case 'rep': {
      // A run is entered only where the character before cannot belong to it: once per
      // run of text. What follows may overlap it: giving characters back costs the run's
      // length once per entry, and a second unbounded run there fails its own entry test.
      if (n.node.kind === 'atom') return n.max !== Infinity || disjoint(before, n.node.set!);
      if (n.max > MAX_GROUP_REPEAT || depth >= MAX_GROUP_DEPTH) return false;
      // Repeated, the group can follow itself.
      const around = before === null ? null : union(before, edge(n.node, 'last'));
      return safe(n.node, around, depth + 1);
    }
  }
}

const WORD_SET = setOf(WORD);
const NON_WORD = complement(WORD_SET);

/** `\b` right before a node that starts with a word character: what precedes it is not one. */
function afterWordBoundary(prev: RegexNode | undefined, item: RegexNode): boolean {
  if (prev?.kind !== 'assert' || prev.which !== '\\b') return false;
  const first = edge(item, 'first');
  return !matchesEmpty(item) && within(first, WORD_SET);
}
