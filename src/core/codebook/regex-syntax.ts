// The common RE2 syntax of codebook patterns, read into a tree once for the two things
// that look inside a pattern: its required literals (the pre-filter, literals.ts) and
// its V8 translation (regex-v8.ts). Each leaf carries what both need. Syntax outside
// this subset — flags such as (?i), \x41, \Q…\E, [[:alpha:]] — gives null: the pattern
// then runs in RE2 on every segment, which costs speed, never a match.

/**
 * A set of characters: the ASCII ones as 128 bits (four 32-bit words; letters in both
 * cases, as the patterns run case-insensitively) and whether any non-ASCII one is in it.
 */
export interface CharSet {
  ascii: readonly number[];
  other: boolean;
}

/** One character of the pattern: a literal, a class, an escape such as \s, or the dot. */
export interface Atom {
  kind: 'atom';
  /** The strings it matches when they are a few ASCII ones (lower case), for the pre-filter; else null. */
  exact: string[] | null;
  /** What it matches and how V8 writes it, when the translation is exact; else null. */
  set: CharSet | null;
  v8: string | null;
}

export type Assertion = '^' | '$' | '\\b' | '\\B';

export type RegexNode =
  | Atom
  | { kind: 'assert'; which: Assertion }
  | { kind: 'cat'; items: RegexNode[] }
  | { kind: 'alt'; items: RegexNode[] }
  | { kind: 'rep'; node: RegexNode; min: number; max: number; lazy: boolean }
  /** `(?-i:…)` or `(?i:…)`: case set for a part (V8 has no way to say so inline). */
  | { kind: 'cased'; node: RegexNode };

/** Whether the pattern can match the empty string (true when unsure). */
export function matchesEmpty(n: RegexNode): boolean {
  switch (n.kind) {
    case 'atom':
      return false;
    case 'assert':
      return true;
    case 'cat':
      return n.items.every(matchesEmpty);
    case 'alt':
      return n.items.some(matchesEmpty);
    case 'rep':
      return n.min === 0 || matchesEmpty(n.node);
    case 'cased':
      return matchesEmpty(n.node);
  }
}

/** The most characters a class may list and still count as a few exact strings. */
const MAX_CLASS_EXACT = 32;

class GiveUp extends Error {}

/** The tree of `source`, or null when it uses syntax outside the common subset. */
export function parseRegex(source: string): RegexNode | null {
  try {
    const p = new Parser(source);
    const node = p.alternation();
    return p.pos === source.length ? node : null;
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
}

// ---- character sets -------------------------------------------------------------

export const EMPTY_SET: CharSet = { ascii: [0, 0, 0, 0], other: false };

export function setOf(codes: number[], other = false): CharSet {
  const ascii = [0, 0, 0, 0];
  const add = (c: number): void => {
    ascii[c >> 5]! |= 1 << (c & 31);
  };
  for (const c of codes) {
    add(c);
    if (c >= 65 && c <= 90) add(c + 32);
    if (c >= 97 && c <= 122) add(c - 32);
  }
  return { ascii, other };
}

export function union(a: CharSet, b: CharSet): CharSet {
  return { ascii: a.ascii.map((w, i) => (w | b.ascii[i]!) >>> 0), other: a.other || b.other };
}

export function complement(a: CharSet): CharSet {
  return { ascii: a.ascii.map((w) => ~w >>> 0), other: true };
}

/** Whether the two sets share a character. */
export function overlaps(a: CharSet, b: CharSet): boolean {
  return (a.other && b.other) || a.ascii.some((w, i) => (w & b.ascii[i]!) !== 0);
}

/** Whether every character of `a` is in `b`. */
export function within(a: CharSet, b: CharSet): boolean {
  return (!a.other || b.other) && a.ascii.every((w, i) => (w & ~b.ascii[i]!) === 0);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let c = from; c <= to; c++) out.push(c);
  return out;
}

/** RE2's \s (ASCII only): tab, line feed, form feed, carriage return, space. */
export const SPACE = [9, 10, 12, 13, 32];
const DIGIT = range(48, 57);
/** RE2's \w, whose edges are \b: ASCII letters, digits and _. */
export const WORD = [...DIGIT, ...range(65, 90), ...range(97, 122), 95];

/** RE2's \s \d \w (ASCII) and their negations, in V8 syntax that means the same. */
const CLASS_ESCAPES: Record<string, { v8: string; set: CharSet }> = {
  s: { v8: '[\\t\\n\\f\\r ]', set: setOf(SPACE) },
  S: { v8: '[^\\t\\n\\f\\r ]', set: complement(setOf(SPACE)) },
  d: { v8: '[0-9]', set: setOf(DIGIT) },
  D: { v8: '[^0-9]', set: complement(setOf(DIGIT)) },
  w: { v8: '[0-9A-Za-z_]', set: setOf(WORD) },
  W: { v8: '[^0-9A-Za-z_]', set: complement(setOf(WORD)) },
};
/** The same, inside a class (only the positive ones can be listed there). */
const IN_CLASS: Record<string, { v8: string; codes: number[] }> = {
  s: { v8: '\\t\\n\\f\\r ', codes: SPACE },
  d: { v8: '0-9', codes: DIGIT },
  w: { v8: '0-9A-Za-z_', codes: WORD },
};

/** Characters that need a backslash outside a class in V8 syntax. */
const META = new Set('\\^$.|?*+()[]{}/');

/** A letter with other case forms outside ASCII folds differently in V8 and RE2; a surrogate half is not a character. */
function untranslatable(c: string): boolean {
  const code = c.charCodeAt(0);
  return code >= 128 && (c.toLowerCase() !== c.toUpperCase() || (code >= 0xd800 && code <= 0xdfff));
}

/** The set of one character: itself (both cases) if ASCII, else "some non-ASCII character". */
function charSetOf(c: string): CharSet {
  const code = c.charCodeAt(0);
  return code < 128 ? setOf([code]) : setOf([], true);
}

/** One literal character. */
function literalAtom(c: string): Atom {
  const v8 = untranslatable(c) ? null : META.has(c) ? `\\${c}` : c;
  return { kind: 'atom', exact: c.charCodeAt(0) < 128 ? [c.toLowerCase()] : null, set: v8 === null ? null : charSetOf(c), v8 };
}

function opaqueAtom(set: CharSet | null = null, v8: string | null = null): Atom {
  return { kind: 'atom', exact: null, set, v8 };
}

function classChar(c: string): string {
  return c === ']' || c === '\\' || c === '^' || c === '-' ? `\\${c}` : c;
}

// ---- the parser ------------------------------------------------------------------

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  alternation(): RegexNode {
    const items = [this.concatenation()];
    while (this.peek() === '|') {
      this.pos++;
      items.push(this.concatenation());
    }
    return items.length === 1 ? items[0]! : { kind: 'alt', items };
  }

  /** Always a `cat`, even of one piece or none: the pre-filter reads a sequence as a unit. */
  private concatenation(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.repetition(this.atom()));
    return { kind: 'cat', items };
  }

  private repetition(node: RegexNode): RegexNode {
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
      return node;
    }
    let lazy = false;
    if (this.peek() === '?') {
      this.pos++;
      lazy = true;
    }
    if (this.peek() === '*' || this.peek() === '+' || this.peek() === '?' || this.peek() === '{') throw new GiveUp();
    return { kind: 'rep', node, min, max, lazy };
  }

  private atom(): RegexNode {
    const c = this.src[this.pos++]!;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '\\':
        return this.escape();
      case '.':
        return opaqueAtom(complement(setOf([10])), '[^\\n]');
      case '^':
      case '$':
        return { kind: 'assert', which: c };
      case '*':
      case '+':
      case '?':
      case '{':
      case ')':
      case '|':
        throw new GiveUp();
      default:
        return literalAtom(c);
    }
  }

  private group(): RegexNode {
    let cased = false;
    if (this.peek() === '?') {
      const rest = this.src.slice(this.pos);
      const named = /^\?P?<[A-Za-z_][A-Za-z0-9_]*>/.exec(rest);
      const caseOnly = /^\?-?i:/.exec(rest);
      if (rest.startsWith('?:')) this.pos += 2;
      else if (named) this.pos += named[0].length;
      else if (caseOnly) {
        // Case changes which strings match, never which letters: the literals still hold.
        this.pos += caseOnly[0].length;
        cased = true;
      } else throw new GiveUp(); // other flags, such as (?s) or a bare (?i): not worth the risk
    }
    const inner = this.alternation();
    if (this.src[this.pos++] !== ')') throw new GiveUp();
    return cased ? { kind: 'cased', node: inner } : inner;
  }

  private escape(): RegexNode {
    const c = this.src[this.pos++];
    if (c === undefined) throw new GiveUp();
    if (c === 'b' || c === 'B') return { kind: 'assert', which: c === 'b' ? '\\b' : '\\B' };
    if (c === 'A' || c === 'z') return { kind: 'assert', which: c === 'A' ? '^' : '$' };
    const known = CLASS_ESCAPES[c];
    if (known) return opaqueAtom(known.set, known.v8);
    if (c === 'p' || c === 'P') {
      if (this.peek() === '{') this.skipBraces();
      else this.pos++;
      return opaqueAtom();
    }
    if (/[A-Za-z0-9]/.test(c)) throw new GiveUp(); // \x, \Q, octal, \n…: left to RE2 alone
    return literalAtom(c);
  }

  private skipBraces(): void {
    const close = this.src.indexOf('}', this.pos);
    if (close < 0) throw new GiveUp();
    this.pos = close + 1;
  }

  /**
   * `[...]`: exact strings when it lists a few plain characters (`['’.]`); a V8 class
   * when its characters and ASCII ranges translate; \s \d \w may be listed.
   */
  private charClass(): RegexNode {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    const chars = new Set<string>();
    let plain = !negated;
    let v8: string | null = '';
    let set: CharSet = EMPTY_SET;
    let first = true;
    /** One character the class lists, as V8 spells it inside a class. */
    const add = (c: string, spelled: string): void => {
      chars.add(c);
      if (untranslatable(c)) v8 = null;
      else if (v8 !== null) v8 += spelled;
      set = union(set, charSetOf(c));
    };
    for (;;) {
      const c = this.src[this.pos++];
      if (c === undefined || c === '[') throw new GiveUp(); // unclosed, or [:alpha:]
      if (c === ']' && !first) break;
      first = false;
      if (c === '\\') {
        const e = this.src[this.pos++];
        if (e === undefined) throw new GiveUp();
        const listed = IN_CLASS[e];
        if (listed) {
          plain = false;
          if (v8 !== null) v8 += listed.v8;
          set = union(set, setOf(listed.codes));
          continue;
        }
        if (/[A-Za-z0-9]/.test(e)) throw new GiveUp();
        add(e, `\\${e}`);
        continue;
      }
      if (this.peek() === '-' && this.src[this.pos + 1] !== ']') {
        const to = this.src[this.pos + 1]!;
        if (to === '\\' || to === '[') throw new GiveUp();
        this.pos += 2;
        const [from, upto] = [c.charCodeAt(0), to.charCodeAt(0)];
        if (from >= 128 || upto >= 128 || upto < from) {
          v8 = null;
          plain = false;
        } else {
          if (v8 !== null) v8 += `${classChar(c)}-${classChar(to)}`;
          set = union(set, setOf(range(from, upto)));
          // A short ASCII range (`[0-7]`) still lists a few exact characters.
          for (const code of range(from, upto)) chars.add(String.fromCharCode(code));
        }
        continue;
      }
      add(c, classChar(c));
    }
    const exact = plain && chars.size <= MAX_CLASS_EXACT ? exactOf(chars) : null;
    if (v8 === null) return { kind: 'atom', exact, set: null, v8: null };
    return { kind: 'atom', exact, set: negated ? complement(set) : set, v8: `[${negated ? '^' : ''}${v8}]` };
  }
}

/** The exact strings of a plain class, or null when one of its characters is not ASCII. */
function exactOf(chars: Set<string>): string[] | null {
  const out = new Set<string>();
  for (const ch of chars) {
    if (ch.charCodeAt(0) >= 128) return null;
    out.add(ch.toLowerCase());
  }
  return [...out];
}
