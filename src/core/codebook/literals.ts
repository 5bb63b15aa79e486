import { overlaps, parseRegex, setOf, SPACE, within, WORD, type RegexNode } from './regex-syntax.js';

// Required literals of a regex: groups of strings such that every match of the
// pattern contains at least one string of each group (lower-cased; patterns run
// case-insensitively). A segment that lacks every string of some group cannot match,
// so the pattern is not run on it — the pre-filter ripgrep and Hyperscan use.
// `\b(i|she)\s+(was|got)\s+hurt` gives [i, she] and [got, was] and [hurt]. The syntax
// reader (regex-syntax.ts) understands the common RE2 syntax and gives up (null here:
// "always run the pattern") on anything else, so an unusual construct can cost speed,
// never a match.
//
// Only ASCII literals are derived: a case-insensitive RE2 letter also matches its
// other case forms, and for ASCII those are the other ASCII case plus two signs the
// scanner folds itself (U+212A KELVIN SIGN → k, U+017F LONG S → s).
//
// A literal may also say where a word starts or ends, with WORD_EDGE: `\bten\b` gives
// "⁂ten⁂" (a word "ten"), not "ten", which "often" and "attention" hold too. The scanner
// sees an edge wherever RE2's \b holds (between an ASCII letter, digit or _ and anything
// else), and every literal carries one at each change from word to non-word character
// inside it, so a literal is found exactly where its characters and edges are. Edges
// come from \b (also across an optional piece beside it), from the start of the text, and
// from a word character next to a piece that always starts (ends) with a non-word one:
// `\bat\s+` gives "⁂at⁂".

// Whitespace is read as the scanner reads it: any run of RE2's \s characters (tab, line
// feed, form feed, carriage return, space) as one space. So `\s` and `\s+` are an exact
// " ", and `went\s+back` requires "went back" whatever spaces the text has between them.

/** RE2's \s: what the scanner folds, run by run, into one space. */
const SPACES = setOf(SPACE);

/** A string as the scanner reads it: each run of \s characters one space. */
function foldSpaces(s: string): string {
  return /[\t\n\f\r ]/.test(s) ? s.replace(/[\t\n\f\r ]+/g, ' ') : s;
}

/** Stands for a word's edge in a literal; the scanner's alphabet has it after ASCII. */
export const WORD_EDGE = '\u0080';
/**
 * Stands for the start of the text (`^`, `\A`; a codebook's patterns are not multi-line):
 * the scanner reads it before the text's first character, so `(^|[.?!]\s+)back` requires
 * "back" at the start or after a sentence's end, not any "back".
 */
export const TEXT_START = '\u0081';

/** What one piece of a pattern can match. */
interface Info {
  /** Every string the piece can match, when that is a small finite set. */
  exact: Set<string> | null;
  /** Every match contains a string of each of these sets (none of them holds ""). */
  all: Array<Set<string>>;
  /** What its matches start and end with (for word edges); when unsure: may be empty, not known to be non-word. */
  ends: Ends;
  /**
   * Every string the piece can match, when that is a set too large to combine with its
   * neighbours' (over MAX_EXACT) but small enough to be a group: a long alternation of
   * words. Each is a whole match, so its edges can be read from what is beside the piece.
   */
  whole?: Set<string>;
  /** The piece is the assertion \b: a word starts or ends here, whatever is beside it. */
  boundary?: boolean;
}

/**
 * `startsNonWord`: every non-empty match starts with a non-word character (as \b counts
 * them: anything but an ASCII letter, digit or _); `endsNonWord` likewise at the end.
 */
interface Ends {
  canBeEmpty: boolean;
  startsNonWord: boolean;
  endsNonWord: boolean;
}

/** A zero-width piece (an assertion, an empty sequence): it neither starts nor ends with a word character. */
const ZERO_WIDTH: Ends = { canBeEmpty: true, startsNonWord: true, endsNonWord: true };

/** The most strings one "one of these" group may hold. */
const MAX_SET = 64;
/** The most strings a set of exact matches may hold before it is given up. */
const MAX_EXACT = 32;
const MAX_LITERAL = 24;
/** The most groups kept for one pattern: the most selective ones. */
const MAX_GROUPS = 6;
const EMPTY = (): Info => ({ exact: new Set(['']), all: [], ends: ZERO_WIDTH });

/** Groups of literals (see above) of a pattern or its parsed tree, or null when none can be derived safely. */
export function requiredLiterals(source: string | RegexNode | null): string[][] | null {
  const tree = typeof source === 'string' ? parseRegex(source) : source;
  if (tree === null) return null;
  const groups = conjunction(infoOf(tree));
  return groups.length > 0 ? groups.map((g) => [...new Set([...g].map(withEdges))].sort()) : null;
}

/** A literal's length in characters, its word edges and the text's start not counted. */
function literalLength(literal: string): number {
  return literal.replaceAll(WORD_EDGE, '').replaceAll(TEXT_START, '').length;
}

const WORD_CHARS = setOf(WORD);
const isWordChar = (c: string): boolean => WORD.includes(c.charCodeAt(0));

/** The literal with an edge at every change between word and non-word characters in it, and no edge twice. */
function withEdges(literal: string): string {
  let out = '';
  let last: string | undefined;
  for (const c of literal) {
    if (c === WORD_EDGE) {
      if (!out.endsWith(WORD_EDGE)) out += c;
      continue;
    }
    if (last !== undefined && isWordChar(last) !== isWordChar(c) && !out.endsWith(WORD_EDGE)) out += WORD_EDGE;
    out += c;
    last = c;
  }
  return out;
}

function usable(set: Set<string> | null): set is Set<string> {
  if (set === null || set.size === 0 || set.size > MAX_SET) return false;
  for (const s of set) if (literalLength(s) === 0) return false;
  return true;
}

/** Every group a piece requires, its exact set included, most selective first. */
function conjunction(info: Info): Array<Set<string>> {
  const groups = usable(info.exact) ? [info.exact, ...info.all] : [...info.all];
  const seen = new Set<string>();
  const unique = groups.filter((g) => {
    const key = [...g].sort().join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Of two groups that imply each other, the first goes and the second stays.
  const dropped = new Set<Set<string>>();
  for (const g of unique) if (unique.some((other) => other !== g && !dropped.has(other) && implies(other, g))) dropped.add(g);
  const needed = unique.filter((g) => !dropped.has(g));
  const score = new Map(needed.map((g) => [g, selectivity(g)]));
  return needed.sort((a, b) => score.get(b)! - score.get(a)!).slice(0, MAX_GROUPS);
}

/**
 * Whether a text holding a literal of `a` always holds one of `b`: each of a's literals
 * contains one of b's (`⁂was⁂` contains `was`). Such a `b` rules nothing out and is dropped.
 */
function implies(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) {
    let contained = false;
    for (const y of b) if (x.includes(y)) contained = true;
    if (!contained) return false;
  }
  return true;
}

/** Longer shortest literal is more selective (an edge counts as a character); among equals, fewer literals. */
function selectivity(set: Set<string>): number {
  let min = Infinity;
  for (const s of set) min = Math.min(min, s.length);
  return min * 1000 - set.size;
}

/** The single most selective group of a piece, or null. */
function representative(info: Info): Set<string> | null {
  let best: Set<string> | null = usable(info.exact) ? info.exact : null;
  for (const g of info.all) if (!best || selectivity(g) > selectivity(best)) best = g;
  return best;
}

function product(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const x of a) {
    for (const y of b) {
      if (x.length + y.length > MAX_LITERAL) return null;
      out.add(foldSpaces(x + y));
    }
  }
  return out;
}

/** What a node of the pattern can match, read from its parts. */
function infoOf(n: RegexNode): Info {
  switch (n.kind) {
    case 'atom': {
      const nonWord = n.set !== null && !overlaps(n.set, WORD_CHARS);
      const ends = { canBeEmpty: false, startsNonWord: nonWord, endsNonWord: nonWord };
      const spaces = n.set !== null && within(n.set, SPACES);
      return { exact: spaces ? new Set([' ']) : n.exact ? new Set(n.exact.map(foldSpaces)) : null, all: [], ends };
    }
    case 'assert':
      // At the start of the text a word character starts a word, as after a \b.
      if (n.which === '^') return { exact: new Set([TEXT_START]), all: [], ends: ZERO_WIDTH, boundary: true };
      return n.which === '\\b' ? { exact: new Set([WORD_EDGE]), all: [], ends: ZERO_WIDTH, boundary: true } : EMPTY();
    case 'alt':
      return alternation(n.items.map(infoOf));
    case 'cat':
      return concatenation(n.items.map(infoOf));
    case 'rep':
      return repetition(infoOf(n.node), n.min, n.max);
    case 'cased':
      return infoOf(n.node);
  }
}

function alternation(branches: Info[]): Info {
  let exact: Set<string> | null = new Set();
  let either: Set<string> | null = new Set();
  for (const b of branches) {
    if (exact && b.exact) for (const x of b.exact) exact.add(x);
    else exact = null;
    const r = representative(b);
    if (either && r) for (const x of r) either.add(x);
    else either = null;
  }
  let whole: Set<string> | undefined;
  if (exact && exact.size > MAX_EXACT) {
    if (usable(exact)) whole = exact;
    exact = null;
  }
  const ends = {
    canBeEmpty: branches.some((b) => b.ends.canBeEmpty),
    startsNonWord: branches.every((b) => b.ends.startsNonWord),
    endsNonWord: branches.every((b) => b.ends.endsNonWord),
  };
  return { exact, all: usable(either) ? [either] : [], ends, ...(whole ? { whole } : {}) };
}

function concatenation(pieces: Info[]): Info {
  const ends = sequenceEnds(pieces.map((p) => p.ends));
  // What comes before piece i ends with a non-word character, or a \b holds just before it
  // (false at the start: unknown): either way a word character there starts a word…
  const before: boolean[] = [];
  let last = false;
  for (const p of pieces) {
    before.push(last);
    last = p.boundary ? true : p.ends.canBeEmpty ? p.ends.endsNonWord && last : p.ends.endsNonWord;
  }
  // …and what comes from piece i on starts with one, or starts with a \b (false at the end).
  const from: boolean[] = new Array<boolean>(pieces.length + 1).fill(false);
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i]!;
    from[i] = p.boundary ? true : p.ends.canBeEmpty ? p.ends.startsNonWord && from[i + 1]! : p.ends.startsNonWord;
  }
  // `run` is the exact set of the pieces read since the last piece without one; it
  // started after a non-word character when `runAfterNonWord`.
  let run: Set<string> = new Set(['']);
  let runAfterNonWord = false;
  const all: Array<Set<string>> = [];
  let allExact = true;
  pieces.forEach((piece, i) => {
    all.push(...piece.all);
    // A long alternation's words, each the whole of the piece's match, with the edges its
    // neighbours give (`\b(a\s+)?(bed|rent|…)\s*,` holds "⁂rent⁂", not the "rent" of "parent").
    if (piece.whole) all.push(edgesAround(piece.whole, before[i]!, from[i + 1]!));
    const joined = piece.exact ? product(run, piece.exact) : null;
    if (joined) {
      run = joined;
      return;
    }
    allExact = false;
    const edged = edgesAround(run, runAfterNonWord, from[i]!);
    if (usable(edged)) all.push(edged);
    run = piece.exact ?? new Set(['']);
    runAfterNonWord = piece.exact ? before[i]! : before[i + 1] ?? last;
  });
  if (allExact) return { exact: run, all, ends };
  const edged = edgesAround(run, runAfterNonWord, false);
  if (usable(edged)) all.push(edged);
  return { exact: null, all, ends };
}

/** What a sequence of pieces starts and ends with. */
function sequenceEnds(list: Ends[]): Ends {
  const canBeEmpty = list.every((e) => e.canBeEmpty);
  // Up to and including the first piece that cannot be empty, every piece must start non-word.
  let startsNonWord = true;
  for (const e of list) {
    startsNonWord &&= e.startsNonWord;
    if (!e.canBeEmpty) break;
  }
  let endsNonWord = true;
  for (let i = list.length - 1; i >= 0; i--) {
    endsNonWord &&= list[i]!.endsNonWord;
    if (!list[i]!.canBeEmpty) break;
  }
  return { canBeEmpty, startsNonWord, endsNonWord };
}

/**
 * A run's literals with an edge where a word character of theirs meets a non-word one
 * outside the run: at the start when what comes before always ends with one, at the end
 * when what comes after always starts with one.
 */
function edgesAround(run: Set<string>, afterNonWord: boolean, beforeNonWord: boolean): Set<string> {
  if (!afterNonWord && !beforeNonWord) return run;
  const out = new Set<string>();
  for (const lit of run) {
    const bare = lit.replaceAll(WORD_EDGE, '');
    const start = afterNonWord && bare !== '' && isWordChar(bare[0]!) ? WORD_EDGE : '';
    const end = beforeNonWord && bare !== '' && isWordChar(bare[bare.length - 1]!) ? WORD_EDGE : '';
    out.add(start + lit + end);
  }
  return out;
}

function repetition(atom: Info, min: number, max: number): Info {
  if (min === 1 && max === 1) return atom;
  const ends = { ...atom.ends, canBeEmpty: min === 0 || atom.ends.canBeEmpty };
  // Any number of spaces reads as one.
  if (atom.exact && atom.exact.size === 1 && atom.exact.has(' ')) return { exact: new Set(min === 0 ? ['', ' '] : [' ']), all: [], ends };
  if (min === 0 && max === 1) return { exact: atom.exact ? new Set([...atom.exact, '']) : null, all: [], ends };
  if (min === 0) return { exact: null, all: [], ends };
  return { exact: null, all: usable(atom.exact) ? [atom.exact, ...atom.all] : atom.all, ends };
}
