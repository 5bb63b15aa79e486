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
//   character it cannot match and ends before one it cannot match, so each run of text
//   is entered once and given back once: `he\s+was`, not `\s+was` or `\s*\s+`;
// - bounded runs (`[^.?!]{0,20}`) cost at most their bound per start.
// The text: at most MAX_V8_TEXT code units, no character outside the Basic Multilingual
// Plane (V8 without the u flag counts code units, RE2 code points), and neither
// U+017F LONG S nor U+212A KELVIN SIGN (RE2 folds them to s and k, V8 does not).
// Only the subset of RE2 syntax understood below is translated; anything else → RE2.

/** Longest text handed to V8: a bounded run's cost grows with it. */
export const MAX_V8_TEXT = 20_000;
const MAX_GROUP_REPEAT = 3;
const MAX_GROUP_DEPTH = 3;
const MAX_COUNT = 1000;

/** A set of characters, by ASCII code (case-folded both ways) and whether any non-ASCII one is in it. */
interface CharSet {
  ascii: boolean[];
  other: boolean;
}

type Node =
  | { kind: 'char'; set: CharSet }
  | { kind: 'assert'; which: '^' | '$' | '\\b' | '\\B' }
  | { kind: 'cat'; items: Node[] }
  | { kind: 'alt'; items: Node[] }
  | { kind: 'rep'; node: Node; min: number; max: number };

class GiveUp extends Error {}

/** The V8 source (flag `i`) of an RE2 pattern that is safe to run there, or null. */
export function v8Source(pattern: string): string | null {
  try {
    const p = new Parser(pattern);
    const node = p.alternation();
    if (p.pos !== pattern.length) return null;
    if (!safe(node, null, EMPTY, 0)) return null;
    return p.out;
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
}

/** Whether V8 and RE2 must agree on `text` (see the header). */
export function v8CanRead(text: string): boolean {
  return text.length <= MAX_V8_TEXT && !UNSAFE_TEXT.test(text);
}
const UNSAFE_TEXT = /[\uD800-\uDFFF\u017F\u212A]/;

// ---- character sets -------------------------------------------------------------

const EMPTY: CharSet = { ascii: new Array<boolean>(128).fill(false), other: false };

function setOf(codes: number[], other = false): CharSet {
  const ascii = new Array<boolean>(128).fill(false);
  for (const c of codes) {
    ascii[c] = true;
    if (c >= 65 && c <= 90) ascii[c + 32] = true;
    if (c >= 97 && c <= 122) ascii[c - 32] = true;
  }
  return { ascii, other };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let c = from; c <= to; c++) out.push(c);
  return out;
}

const SPACE = [9, 10, 12, 13, 32];
const DIGIT = range(48, 57);
const WORD = [...DIGIT, ...range(65, 90), ...range(97, 122), 95];
const WORD_SET = setOf(WORD);

function union(a: CharSet, b: CharSet): CharSet {
  return { ascii: a.ascii.map((x, i) => x || b.ascii[i]!), other: a.other || b.other };
}

function complement(a: CharSet): CharSet {
  return { ascii: a.ascii.map((x) => !x), other: true };
}

/** Null stands for "any character at all" (the start of an unanchored search). */
function disjoint(a: CharSet | null, b: CharSet): boolean {
  if (a === null) return false;
  if (a.other && b.other) return false;
  return !a.ascii.some((x, i) => x && b.ascii[i]);
}

// ---- what a node can start and end with --------------------------------------

function nullable(n: Node): boolean {
  switch (n.kind) {
    case 'char':
      return false;
    case 'assert':
      return true;
    case 'cat':
      return n.items.every(nullable);
    case 'alt':
      return n.items.some(nullable);
    case 'rep':
      return n.min === 0 || nullable(n.node);
  }
}

function edge(n: Node, side: 'first' | 'last'): CharSet {
  switch (n.kind) {
    case 'char':
      return n.set;
    case 'assert':
      return EMPTY;
    case 'alt':
      return n.items.map((i) => edge(i, side)).reduce(union, EMPTY);
    case 'rep':
      return edge(n.node, side);
    case 'cat':
      return through(side === 'first' ? n.items : [...n.items].reverse(), side, EMPTY)!;
  }
}

/**
 * The characters that can come first (or last) in a sequence, reading past nullable
 * items; `beyond` if all are. Read backwards, `^` ends it: nothing comes before the start.
 */
function through(items: Node[], side: 'first' | 'last', beyond: CharSet | null): CharSet | null {
  let acc = EMPTY;
  for (const item of items) {
    if (side === 'last' && item.kind === 'assert' && item.which === '^') return acc;
    acc = union(acc, edge(item, side));
    if (!nullable(item)) return acc;
  }
  return beyond === null ? null : union(acc, beyond);
}

// ---- the shape check ----------------------------------------------------------

/**
 * Whether `n` cannot backtrack out of hand, given the characters that can come just
 * before its match (`before`; null: anything) and just after it (`after`).
 */
function safe(n: Node, before: CharSet | null, after: CharSet, depth: number): boolean {
  switch (n.kind) {
    case 'char':
    case 'assert':
      return true;
    case 'alt':
      return n.items.every((i) => safe(i, before, after, depth));
    case 'cat':
      return n.items.every((item, i) => {
        const prior = afterWordBoundary(n.items[i - 1], item) ? NON_WORD : through(n.items.slice(0, i).reverse(), 'last', before);
        const next = through(n.items.slice(i + 1), 'first', after)!;
        return safe(item, prior, next, depth);
      });
    case 'rep': {
      // A run is entered only where the character before cannot belong to it: once per
      // run of text. What follows may overlap it: giving characters back costs the run's
      // length once per entry, and a second unbounded run there fails its own entry test.
      if (n.node.kind === 'char') return n.max !== Infinity || disjoint(before, n.node.set);
      if (n.max > MAX_GROUP_REPEAT || depth >= MAX_GROUP_DEPTH) return false;
      // Repeated, the group can follow or precede itself.
      const around = before === null ? null : union(before, edge(n.node, 'last'));
      return safe(n.node, around, union(after, edge(n.node, 'first')), depth + 1);
    }
  }
}

const NON_WORD = complement(setOf(WORD));

/** `\b` right before a node that starts with a word character: what precedes it is not one. */
function afterWordBoundary(prev: Node | undefined, item: Node): boolean {
  if (prev?.kind !== 'assert' || prev.which !== '\\b') return false;
  const first = edge(item, 'first');
  return !nullable(item) && !first.other && first.ascii.every((x, i) => !x || WORD_SET.ascii[i]);
}

// ---- the parser: RE2 syntax in, V8 syntax out ----------------------------------

/** Characters that need a backslash outside a class in V8 syntax. */
const META = new Set('\\^$.|?*+()[]{}/');

class Parser {
  pos = 0;
  out = '';
  constructor(private readonly src: string) {}

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  alternation(): Node {
    const items = [this.concatenation()];
    while (this.peek() === '|') {
      this.pos++;
      this.out += '|';
      items.push(this.concatenation());
    }
    return items.length === 1 ? items[0]! : { kind: 'alt', items };
  }

  private concatenation(): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.repetition(this.atom()));
    return items.length === 1 ? items[0]! : { kind: 'cat', items };
  }

  private repetition(node: Node): Node {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
      this.out += c;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) throw new GiveUp();
      this.pos += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (min > MAX_COUNT || (max !== Infinity && (max > MAX_COUNT || max < min))) throw new GiveUp();
      this.out += m[0];
    } else {
      return node;
    }
    if (node.kind === 'assert') throw new GiveUp();
    if (this.peek() === '?') {
      this.pos++;
      this.out += '?';
    }
    if (this.peek() === '*' || this.peek() === '+' || this.peek() === '?' || this.peek() === '{') throw new GiveUp();
    return { kind: 'rep', node, min, max };
  }

  private atom(): Node {
    const c = this.src[this.pos++]!;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '\\':
        return this.escape();
      case '.':
        this.out += '[^\\n]';
        return { kind: 'char', set: complement(setOf([10])) };
      case '^':
      case '$':
        this.out += c;
        return { kind: 'assert', which: c };
      case '*':
      case '+':
      case '?':
      case '{':
      case ')':
      case '|':
      case ']':
      case '}':
        throw new GiveUp();
      default:
        return this.literal(c);
    }
  }

  private literal(c: string): Node {
    const code = c.charCodeAt(0);
    if (code >= 128 && (c.toLowerCase() !== c.toUpperCase() || (code >= 0xd800 && code <= 0xdfff))) throw new GiveUp();
    this.out += META.has(c) ? `\\${c}` : c;
    return { kind: 'char', set: code < 128 ? setOf([code]) : setOf([], true) };
  }

  private group(): Node {
    if (this.peek() === '?') {
      const rest = this.src.slice(this.pos);
      const named = /^\?P?<[A-Za-z_][A-Za-z0-9_]*>/.exec(rest);
      if (rest.startsWith('?:')) this.pos += 2;
      else if (named) this.pos += named[0].length;
      else throw new GiveUp(); // flags such as (?i) or (?s)
    }
    this.out += '(?:';
    const inner = this.alternation();
    if (this.src[this.pos++] !== ')') throw new GiveUp();
    this.out += ')';
    return inner;
  }

  private escape(): Node {
    const c = this.src[this.pos++];
    if (c === undefined) throw new GiveUp();
    const sets: Record<string, [string, CharSet]> = {
      s: ['[\\t\\n\\f\\r ]', setOf(SPACE)],
      S: ['[^\\t\\n\\f\\r ]', complement(setOf(SPACE))],
      d: ['[0-9]', setOf(DIGIT)],
      D: ['[^0-9]', complement(setOf(DIGIT))],
      w: ['[0-9A-Za-z_]', setOf(WORD)],
      W: ['[^0-9A-Za-z_]', complement(setOf(WORD))],
    };
    const known = sets[c];
    if (known) {
      this.out += known[0];
      return { kind: 'char', set: known[1] };
    }
    if (c === 'b' || c === 'B') {
      this.out += `\\${c}`;
      return { kind: 'assert', which: c === 'b' ? '\\b' : '\\B' };
    }
    if (c === 'A' || c === 'z') {
      this.out += c === 'A' ? '^' : '$';
      return { kind: 'assert', which: c === 'A' ? '^' : '$' };
    }
    if (/[A-Za-z0-9]/.test(c) || c.charCodeAt(0) >= 128) throw new GiveUp(); // \x41, \Q, \1, \pL …: RE2 alone
    return this.literal(c);
  }

  /** `[...]` with plain characters, ASCII ranges and \s \d \w; anything else gives up. */
  private charClass(): Node {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    let body = '';
    let set = EMPTY;
    let first = true;
    for (;;) {
      const c = this.src[this.pos++];
      if (c === undefined || c === '[') throw new GiveUp(); // unclosed, or [:alpha:]
      if (c === ']' && !first) break;
      first = false;
      if (c === '\\') {
        const e = this.src[this.pos++];
        if (e === undefined) throw new GiveUp();
        const inClass: Record<string, [string, number[]]> = { s: ['\\t\\n\\f\\r ', SPACE], d: ['0-9', DIGIT], w: ['0-9A-Za-z_', WORD] };
        if (inClass[e]) {
          body += inClass[e][0];
          set = union(set, setOf(inClass[e][1]));
          continue;
        }
        if (/[A-Za-z0-9]/.test(e) || e.charCodeAt(0) >= 128) throw new GiveUp();
        body += `\\${e}`;
        set = union(set, setOf([e.charCodeAt(0)]));
        continue;
      }
      const code = c.charCodeAt(0);
      if (code >= 128 && (c.toLowerCase() !== c.toUpperCase() || (code >= 0xd800 && code <= 0xdfff))) throw new GiveUp();
      if (this.peek() === '-' && this.src[this.pos + 1] !== ']') {
        const to = this.src[this.pos + 1]!;
        const toCode = to.charCodeAt(0);
        if (to === '\\' || to === '[' || code >= 128 || toCode >= 128 || toCode < code) throw new GiveUp();
        this.pos += 2;
        body += `${classChar(c)}-${classChar(to)}`;
        set = union(set, setOf(range(code, toCode)));
        continue;
      }
      body += classChar(c);
      set = union(set, code < 128 ? setOf([code]) : setOf([], true));
    }
    this.out += `[${negated ? '^' : ''}${body}]`;
    return { kind: 'char', set: negated ? complement(set) : set };
  }
}

function classChar(c: string): string {
  return c === ']' || c === '\\' || c === '^' || c === '-' ? `\\${c}` : c;
}
