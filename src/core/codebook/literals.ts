import { parseRegex, type RegexNode } from './regex-syntax.js';

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

/** What one piece of a pattern can match. */
interface Info {
  /** Every string the piece can match, when that is a small finite set. */
  exact: Set<string> | null;
  /** Every match contains a string of each of these sets (none of them holds ""). */
  all: Array<Set<string>>;
}

/** The most strings one "one of these" group may hold. */
const MAX_SET = 64;
/** The most strings a set of exact matches may hold before it is given up. */
const MAX_EXACT = 32;
const MAX_LITERAL = 24;
/** The most groups kept for one pattern: the most selective ones. */
const MAX_GROUPS = 6;
const UNKNOWN = (): Info => ({ exact: null, all: [] });
const EMPTY = (): Info => ({ exact: new Set(['']), all: [] });

/** Groups of literals (see above) of a pattern or its parsed tree, or null when none can be derived safely. */
export function requiredLiterals(source: string | RegexNode | null): string[][] | null {
  const tree = typeof source === 'string' ? parseRegex(source) : source;
  if (tree === null) return null;
  const groups = conjunction(infoOf(tree));
  return groups.length > 0 ? groups.map((g) => [...g].sort()) : null;
}

function usable(set: Set<string> | null): set is Set<string> {
  return set !== null && set.size > 0 && set.size <= MAX_SET && !set.has('');
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
  return unique.sort((a, b) => selectivity(b) - selectivity(a)).slice(0, MAX_GROUPS);
}

/** Longer shortest literal is more selective; among equals, fewer literals. */
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
      out.add(x + y);
    }
  }
  return out;
}

/** What a node of the pattern can match, read from its parts. */
function infoOf(n: RegexNode): Info {
  switch (n.kind) {
    case 'atom':
      return n.exact ? { exact: new Set(n.exact), all: [] } : UNKNOWN();
    case 'assert':
      return EMPTY();
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
  if (exact && exact.size > MAX_EXACT) exact = null;
  return { exact, all: usable(either) ? [either] : [] };
}

function concatenation(pieces: Info[]): Info {
  // `run` is the exact set of the pieces read since the last piece without one.
  let run: Set<string> = new Set(['']);
  const all: Array<Set<string>> = [];
  let allExact = true;
  for (const piece of pieces) {
    all.push(...piece.all);
    const joined = piece.exact ? product(run, piece.exact) : null;
    if (joined) {
      run = joined;
      continue;
    }
    allExact = false;
    if (usable(run)) all.push(run);
    run = piece.exact ?? new Set(['']);
  }
  if (allExact) return { exact: run, all };
  if (usable(run)) all.push(run);
  return { exact: null, all };
}

function repetition(atom: Info, min: number, max: number): Info {
  if (min === 1 && max === 1) return atom;
  if (min === 0 && max === 1) return { exact: atom.exact ? new Set([...atom.exact, '']) : null, all: [] };
  if (min === 0) return UNKNOWN();
  return { exact: null, all: usable(atom.exact) ? [atom.exact, ...atom.all] : atom.all };
}
