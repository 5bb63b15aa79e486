// Required literals of a regex: groups of strings such that every match of the
// pattern contains at least one string of each group (lower-cased; patterns run
// case-insensitively). A segment that lacks every string of some group cannot match,
// so the pattern is not run on it — the pre-filter ripgrep and Hyperscan use.
// `\b(i|she)\s+(was|got)\s+hurt` gives [i, she] and [got, was] and [hurt]. The reader
// below understands the common RE2 syntax and gives up (returns null: "always run the
// pattern") on anything else, so an unusual construct can cost speed, never a match.
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

class GiveUp extends Error {}

/** Groups of literals (see above), or null when none can be derived safely. */
export function requiredLiterals(source: string): string[][] | null {
  try {
    const reader = new Reader(source);
    const info = reader.alternation();
    if (reader.pos !== source.length) return null;
    const groups = conjunction(info);
    return groups.length > 0 ? groups.map((g) => [...g].sort()) : null;
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
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

class Reader {
  pos = 0;
  constructor(private readonly src: string) {}

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  alternation(): Info {
    const branches = [this.concatenation()];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.concatenation());
    }
    if (branches.length === 1) return branches[0]!;
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

  private concatenation(): Info {
    // `run` is the exact set of the pieces read since the last piece without one.
    let run: Set<string> = new Set(['']);
    const all: Array<Set<string>> = [];
    let allExact = true;
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const piece = this.repetition(this.atom());
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

  private repetition(atom: Info): Info {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) throw new GiveUp();
      this.pos += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else {
      return atom;
    }
    if (this.peek() === '?') this.pos++; // lazy: same strings, other preference
    if (this.peek() === '*' || this.peek() === '+' || this.peek() === '?' || this.peek() === '{') throw new GiveUp();
    if (min === 1 && max === 1) return atom;
    if (min === 0 && max === 1) return { exact: atom.exact ? new Set([...atom.exact, '']) : null, all: [] };
    if (min === 0) return UNKNOWN();
    return { exact: null, all: usable(atom.exact) ? [atom.exact, ...atom.all] : atom.all };
  }

  private atom(): Info {
    const c = this.src[this.pos++]!;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '\\':
        return this.escape();
      case '.':
        return UNKNOWN();
      case '^':
      case '$':
        return EMPTY();
      case '*':
      case '+':
      case '?':
      case '{':
      case ')':
      case '|':
        throw new GiveUp();
      default:
        return literal(c);
    }
  }

  private group(): Info {
    if (this.peek() === '?') {
      const rest = this.src.slice(this.pos);
      const named = /^\?P?<[A-Za-z_][A-Za-z0-9_]*>/.exec(rest);
      if (rest.startsWith('?:')) this.pos += 2;
      else if (named) this.pos += named[0].length;
      else throw new GiveUp(); // flags such as (?i) or (?s): not worth the risk
    }
    const inner = this.alternation();
    if (this.src[this.pos++] !== ')') throw new GiveUp();
    return inner;
  }

  private escape(): Info {
    const c = this.src[this.pos++];
    if (c === undefined) throw new GiveUp();
    if (c === 'b' || c === 'B' || c === 'A' || c === 'z') return EMPTY();
    if ('dDsSwW'.includes(c)) return UNKNOWN();
    if (c === 'p' || c === 'P') {
      if (this.peek() === '{') this.skipBraces();
      else this.pos++;
      return UNKNOWN();
    }
    if (/[A-Za-z0-9]/.test(c)) throw new GiveUp(); // \x, \Q, octal, \n…: left to RE2 alone
    return literal(c);
  }

  private skipBraces(): void {
    const close = this.src.indexOf('}', this.pos);
    if (close < 0) throw new GiveUp();
    this.pos = close + 1;
  }

  /** A class of a few plain characters (`['’.]`) is exact; ranges, negation and escapes are not. */
  private charClass(): Info {
    let simple = true;
    if (this.peek() === '^') {
      simple = false;
      this.pos++;
    }
    const chars = new Set<string>();
    let first = true;
    for (;;) {
      const c = this.src[this.pos++];
      if (c === undefined || c === '[') throw new GiveUp(); // unclosed, or [:alpha:]
      if (c === ']' && !first) break;
      first = false;
      if (c === '\\') {
        const e = this.src[this.pos++];
        if (e === undefined || /[A-Za-z0-9]/.test(e)) throw new GiveUp();
        chars.add(e);
        continue;
      }
      if (this.peek() === '-' && this.src[this.pos + 1] !== ']') {
        if (this.src[this.pos + 1] === '\\' || this.src[this.pos + 1] === '[') throw new GiveUp();
        simple = false;
        this.pos += 2;
        continue;
      }
      chars.add(c);
    }
    if (!simple || chars.size > MAX_EXACT) return UNKNOWN();
    const exact = new Set<string>();
    for (const ch of chars) {
      const one = literal(ch).exact;
      if (!one) return UNKNOWN();
      for (const s of one) exact.add(s);
    }
    return { exact, all: [] };
  }
}

/** A literal character: ASCII only (see the header), lower-cased. */
function literal(c: string): Info {
  if (c.charCodeAt(0) >= 128) return UNKNOWN();
  return { exact: new Set([c.toLowerCase()]), all: [] };
}
