// One pass over a segment finds the patterns whose required literals it holds (a
// string of every group, see literals.ts): an Aho–Corasick automaton over every
// literal of every pattern, folded to lower case.
// The automaton is a flat table (state × column: one per character some literal holds,
// the word edge among them, and one for every other character), so the scan allocates
// nothing and costs one table read per character, whatever the number of patterns. The
// text is read with an edge (WORD_EDGE, see literals.ts) wherever RE2's \b holds, so
// "⁂ten⁂" is found in "ten days" and not in "often", and after a start symbol
// (TEXT_START), so a literal of a pattern anchored with ^ is found only at the start.

import { TEXT_START, WORD_EDGE } from './literals.js';
import { SPACE, WORD } from './regex-syntax.js';

/** ASCII, then the word edge and the start of the text. */
const EDGE = WORD_EDGE.charCodeAt(0);
const START = TEXT_START.charCodeAt(0);
const ALPHABET = START + 1;
/** Whether an ASCII character is a word character for \b: letters, digits, _. */
const WORD_CHAR = new Uint8Array(128).map((_, c) => (WORD.includes(c) ? 1 : 0));

export interface LiteralScanner {
  /** The patterns whose every group of literals occurs in `text`, ascending. */
  candidates(text: string): number[];
  /** What it scans with (for another compile of the same codebook). */
  readonly tables: ScannerTables;
}

/**
 * The most cells (states × columns) a scanner's table may have: 64 MB while it is built.
 * The starter codebook needs under a million; a codebook built to explode (thousands of
 * patterns, each with hundreds of literal characters) must not exhaust memory.
 */
export const MAX_SCAN_CELLS = 16_000_000;

/**
 * The literals the scan can afford, in pattern order: once the table could outgrow
 * `maxCells`, the remaining patterns are given none (null), and their caller runs them on
 * every segment instead (slower, never wrong).
 */
export function withinScanBudget(literals: Array<string[][] | null>, maxCells = MAX_SCAN_CELLS): Array<string[][] | null> {
  const width = columnsOf(literals).width;
  let chars = 0;
  return literals.map((groups) => {
    for (const list of groups ?? []) for (const lit of list) chars += lit.length;
    return groups && (chars + 1) * width <= maxCells ? groups : null;
  });
}

/**
 * A column per character some literal holds, and one (0) for all others: a few dozen
 * columns instead of 129 keep the table small (phrases make thousands of states).
 */
function columnsOf(literals: Array<string[][] | null>): { column: Int32Array; width: number } {
  const column = new Int32Array(ALPHABET);
  let width = 1;
  for (const groups of literals) {
    for (const list of groups ?? []) for (const lit of list) for (let i = 0; i < lit.length; i++) {
      const c = lit.charCodeAt(i);
      if (column[c] === 0) column[c] = width++;
    }
  }
  return { column, width };
}

/**
 * What the scan reads, worked out from the literals once: plain data, so a build's
 * snapshot of a shipped codebook (and a worker thread) can carry it, and a run need not
 * build the automaton again (a third of compiling the starter codebook).
 */
export interface ScannerTables {
  /** The literals the tables were built from, as JSON: tables are used only for these. */
  key: string;
  /** Columns per state: one per character some literal holds, and 0 for all others. */
  width: number;
  /** Each character's column (ASCII, then the word edge and the start of the text). */
  column: Int32Array;
  /** Per state and column: the next state, shifted left, with the low bit set when a literal ends there. */
  table: Uint16Array | Int32Array;
  /** The groups whose literal ends at state s: outList[outStart[s] … outStart[s + 1]). */
  outStart: Int32Array;
  outList: Int32Array;
  /** Each group's pattern, and each pattern's number of groups. */
  groupPattern: Int32Array;
  need: Int32Array;
}

/** `literals[p]` is the groups of pattern `p` (ASCII, lower case), or null for none. */
export function buildScanner(literals: Array<string[][] | null>, known?: ScannerTables): LiteralScanner {
  const key = JSON.stringify(literals);
  return scannerOver(known?.key === key ? known : scannerTables(literals, key), literals);
}

/** The automaton over every literal, as tables. */
function scannerTables(literals: Array<string[][] | null>, key = JSON.stringify(literals)): ScannerTables {
  const { column, width } = columnsOf(literals);
  // The trie is built in the flat table itself (0: no child; the root is nobody's child),
  // grown as states are added, and then completed in place: no array per state, so a
  // codebook of thousands of phrases compiles without a burst of garbage.
  let chars = 0;
  for (const groups of literals) for (const list of groups ?? []) for (const lit of list) chars += lit.length;
  // Literals share their beginnings: the starter codebook's 45,000 characters make 18,000 states.
  let capacity = Math.min(chars + 1, Math.max(1024, chars >> 1));
  let delta = new Int32Array(capacity * width);
  /** Groups whose literal ends at a state, for the few states where one does. */
  const outputs = new Map<number, number[]>();
  let states = 1;
  const groupPattern: number[] = [];
  const need = new Int32Array(literals.length);
  for (let pattern = 0; pattern < literals.length; pattern++) {
    for (const list of literals[pattern] ?? []) {
      need[pattern]!++;
      const group = groupPattern.length;
      groupPattern.push(pattern);
      for (const lit of list) {
        let s = 0;
        for (let i = 0; i < lit.length; i++) {
          const at = s * width + column[lit.charCodeAt(i)]!;
          if (delta[at] === 0) {
            if (states === capacity) {
              capacity = Math.min(chars + 1, capacity * 2);
              const grown = new Int32Array(capacity * width);
              grown.set(delta);
              delta = grown;
            }
            delta[at] = states++;
          }
          s = delta[at]!;
        }
        const ends = outputs.get(s);
        if (!ends) outputs.set(s, [group]);
        else if (!ends.includes(group)) ends.push(group);
      }
    }
  }
  // Breadth-first, so a state's failure target is complete before the state itself: a
  // missing child becomes the failure target's move, a child's failure target the
  // failure target's move on the same character.
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let c = 0; c < width; c++) if (delta[c] !== 0) queue[tail++] = delta[c]!;
  for (let head = 0; head < tail; head++) {
    const s = queue[head]!;
    const inherited = outputs.get(fail[s]!);
    if (inherited) {
      const own = outputs.get(s);
      if (!own) outputs.set(s, [...inherited]);
      else for (const g of inherited) if (!own.includes(g)) own.push(g);
    }
    const row = s * width;
    const failRow = fail[s]! * width;
    for (let c = 0; c < width; c++) {
      const t = delta[row + c]!;
      if (t === 0) delta[row + c] = delta[failRow + c]!;
      else {
        fail[t] = delta[failRow + c]!;
        queue[tail++] = t;
      }
    }
  }
  const outStart = new Int32Array(states + 1);
  for (let s = 0; s < states; s++) outStart[s + 1] = outStart[s]! + (outputs.get(s)?.length ?? 0);
  const outList = new Int32Array(outStart[states]!);
  for (const [s, list] of outputs) outList.set(list, outStart[s]!);
  // The scan reads one table entry per character: the next state, shifted left, with the
  // low bit set when a literal ends there (rare), so most characters touch nothing else.
  // Half the bytes when the states allow: the table is read at random, and a smaller one
  // stays in the processor's cache.
  const cells = states * width;
  const table = states < 1 << 15 ? new Uint16Array(cells) : new Int32Array(cells);
  for (let k = 0; k < cells; k++) {
    const t = delta[k]!;
    table[k] = (t << 1) | (outStart[t + 1]! > outStart[t]! ? 1 : 0);
  }
  return { key, width, column, table, outStart, outList, groupPattern: Int32Array.from(groupPattern), need };
}

/** The scan over tables built from `literals`. */
function scannerOver(tables: ScannerTables, literals: Array<string[][] | null>): LiteralScanner {
  const { width, column, table, outStart, outList, groupPattern, need } = tables;
  // Each ASCII character's column, as the scan reads it: lower case, any space as a space.
  const fold = new Int32Array(EDGE);
  for (let c = 0; c < EDGE; c++) fold[c] = column[c >= 65 && c <= 90 ? c + 32 : SPACE.includes(c) ? 32 : c]!;
  // A run of spaces is read as one (see literals.ts); when no literal holds a space, spaces
  // are like any other character no literal holds, and runs need no folding.
  const SPACE_COLUMN = column[32]! === 0 ? -1 : column[32]!;
  const EDGE_COLUMN = column[EDGE]!;
  const START_COLUMN = column[START]!;

  const groups = groupPattern.length;
  const groupSeen = new Uint32Array(groups);
  const hitGroups = new Int32Array(groups);
  const patternSeen = new Uint32Array(literals.length);
  const patternCount = new Int32Array(literals.length);
  let stamp = 0;

  /** Every pattern that has literals: what a text the scan cannot read exactly may match. */
  const withLiterals = literals.flatMap((groups, p) => (groups && groups.length > 0 ? [p] : []));
  let hits = 0;
  /** Notes the groups whose literal ends at state `s`. */
  const reached = (s: number): void => {
    for (let k = outStart[s]!, end = outStart[s + 1]!; k < end; k++) {
      const g = outList[k]!;
      if (groupSeen[g] !== stamp) {
        groupSeen[g] = stamp;
        hitGroups[hits++] = g;
      }
    }
  };

  return {
    tables,
    candidates(text) {
      if (groups === 0) return [];
      if (++stamp === 0xffffffff) {
        groupSeen.fill(0);
        patternSeen.fill(0);
        stamp = 1;
      }
      hits = 0;
      // The loop's tables in locals: read from the closure, each was loaded again for
      // every character (reached() may change what the closure holds, as far as V8 knows).
      const step = table;
      const columns = width;
      const wordChar = WORD_CHAR;
      const folded = fold;
      const edgeColumn = EDGE_COLUMN;
      const spaceColumn = SPACE_COLUMN;
      const n = text.length;
      let s = 0;
      let t = 0;
      if (START_COLUMN !== 0) {
        t = step[START_COLUMN]!;
        s = t >> 1;
        if (t & 1) reached(s);
      }
      let inWord = false;
      let afterSpace = false;
      for (let i = 0; i < n; i++) {
        const code = text.charCodeAt(i);
        if (code < EDGE) {
          const word = wordChar[code] === 1;
          if (word !== inWord) {
            inWord = word;
            t = step[s * columns + edgeColumn]!;
            s = t >> 1;
            if (t & 1) reached(s);
          }
          const c = folded[code]!;
          if (c === spaceColumn) {
            if (afterSpace) continue;
            afterSpace = true;
          } else afterSpace = false;
          t = step[s * columns + c]!;
          s = t >> 1;
          if (t & 1) reached(s);
        } else if (code === 0x212a || code === 0x17f) {
          // KELVIN SIGN and LONG S match k and s, yet are not word characters for \b:
          // a literal that spans one cannot be read with edges, so such a text may match
          // any pattern with literals.
          return withLiterals.slice();
        } else {
          // Not a word character for \b, and in no literal.
          if (inWord) {
            inWord = false;
            t = step[s * columns + edgeColumn]!;
            if (t & 1) reached(t >> 1);
          }
          afterSpace = false;
          s = 0;
        }
      }
      if (inWord) {
        t = step[s * columns + edgeColumn]!;
        if (t & 1) reached(t >> 1);
      }
      const out: number[] = [];
      for (let k = 0; k < hits; k++) {
        const p = groupPattern[hitGroups[k]!]!;
        if (patternSeen[p] !== stamp) {
          patternSeen[p] = stamp;
          patternCount[p] = 0;
        }
        if (++patternCount[p]! === need[p]) out.push(p);
      }
      return out.sort((a, b) => a - b);
    },
  };
}
