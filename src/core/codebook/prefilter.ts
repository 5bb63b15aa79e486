// One pass over a segment finds the patterns whose required literals it holds (a
// string of every group, see literals.ts): an Aho–Corasick automaton over every
// literal of every pattern, folded to lower case.
// The automaton is a flat table (state × column: one per character some literal holds,
// the word edge among them, and one for every other character), so the scan allocates
// nothing and costs one table read per character, whatever the number of patterns. The text is read with an edge (WORD_EDGE, see literals.ts) wherever RE2's
// \b holds, so "⁂ten⁂" is found in "ten days" and not in "often".

import { WORD_EDGE } from './literals.js';
import { SPACE, WORD } from './regex-syntax.js';

/** ASCII, then the word edge. */
const EDGE = WORD_EDGE.charCodeAt(0);
const ALPHABET = EDGE + 1;
/** Whether an ASCII character is a word character for \b: letters, digits, _. */
const WORD_CHAR = new Uint8Array(128).map((_, c) => (WORD.includes(c) ? 1 : 0));

export interface LiteralScanner {
  /** The patterns whose every group of literals occurs in `text`, ascending. */
  candidates(text: string): number[];
}

/** `literals[p]` is the groups of pattern `p` (ASCII, lower case), or null for none. */
export function buildScanner(literals: Array<string[][] | null>): LiteralScanner {
  // The table has a column per character some literal holds, and one (0) for all others:
  // a few dozen columns instead of 129 keep it small (phrases make thousands of states).
  const column = new Int32Array(ALPHABET);
  let width = 1;
  for (const groups of literals) {
    for (const list of groups ?? []) for (const lit of list) for (let i = 0; i < lit.length; i++) {
      const c = lit.charCodeAt(i);
      if (column[c] === 0) column[c] = width++;
    }
  }
  const next: number[][] = [[]];
  const outputs: number[][] = [[]];
  const groupPattern: number[] = [];
  const need = new Int32Array(literals.length);
  literals.forEach((groups, pattern) => {
    for (const list of groups ?? []) {
      need[pattern]!++;
      addGroup(list, groupPattern.length);
      groupPattern.push(pattern);
    }
  });
  function addGroup(list: string[], group: number): void {
    for (const lit of list) {
      let s = 0;
      for (let i = 0; i < lit.length; i++) {
        const c = column[lit.charCodeAt(i)]!;
        let t = next[s]![c];
        if (t === undefined) {
          t = next.length;
          next[s]![c] = t;
          next.push([]);
          outputs.push([]);
        }
        s = t;
      }
      if (!outputs[s]!.includes(group)) outputs[s]!.push(group);
    }
  }
  const states = next.length;
  const delta = new Int32Array(states * width);
  const fail = new Int32Array(states);
  // Breadth-first, so a state's failure target is complete before the state itself.
  const queue: number[] = [];
  for (let c = 0; c < width; c++) {
    const t = next[0]![c];
    if (t !== undefined) {
      delta[c] = t;
      queue.push(t);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    for (const p of outputs[fail[s]!]!) if (!outputs[s]!.includes(p)) outputs[s]!.push(p);
    for (let c = 0; c < width; c++) {
      const t = next[s]![c];
      if (t === undefined) {
        delta[s * width + c] = delta[fail[s]! * width + c]!;
      } else {
        fail[t] = delta[fail[s]! * width + c]!;
        delta[s * width + c] = t;
        queue.push(t);
      }
    }
  }
  const outStart = new Int32Array(states + 1);
  for (let s = 0; s < states; s++) outStart[s + 1] = outStart[s]! + outputs[s]!.length;
  const outList = new Int32Array(outStart[states]!);
  for (let s = 0; s < states; s++) outList.set(outputs[s]!, outStart[s]!);
  // The scan reads one table entry per character: the next state, shifted left, with the
  // low bit set when a literal ends there (rare), so most characters touch nothing else.
  // Half the bytes when the states allow: the table is read at random, and a smaller one
  // stays in the processor's cache.
  const table = states < 1 << 15 ? new Uint16Array(delta.length) : new Int32Array(delta.length);
  for (let k = 0; k < delta.length; k++) {
    const t = delta[k]!;
    table[k] = (t << 1) | (outStart[t + 1]! > outStart[t]! ? 1 : 0);
  }
  // Each ASCII character's column, as the scan reads it: lower case, any space as a space.
  const fold = new Int32Array(EDGE);
  for (let c = 0; c < EDGE; c++) fold[c] = column[c >= 65 && c <= 90 ? c + 32 : SPACE.includes(c) ? 32 : c]!;
  // A run of spaces is read as one (see literals.ts); when no literal holds a space, spaces
  // are like any other character no literal holds, and runs need no folding.
  const SPACE_COLUMN = column[32]! === 0 ? -1 : column[32]!;
  const EDGE_COLUMN = column[EDGE]!;

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
    candidates(text) {
      if (groups === 0) return [];
      if (++stamp === 0xffffffff) {
        groupSeen.fill(0);
        patternSeen.fill(0);
        stamp = 1;
      }
      hits = 0;
      let s = 0;
      let t = 0;
      let inWord = false;
      let afterSpace = false;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < EDGE) {
          const word = WORD_CHAR[code] === 1;
          if (word !== inWord) {
            inWord = word;
            t = table[s * width + EDGE_COLUMN]!;
            s = t >> 1;
            if (t & 1) reached(s);
          }
          const c = fold[code]!;
          if (c === SPACE_COLUMN) {
            if (afterSpace) continue;
            afterSpace = true;
          } else afterSpace = false;
          t = table[s * width + c]!;
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
            t = table[s * width + EDGE_COLUMN]!;
            if (t & 1) reached(t >> 1);
          }
          afterSpace = false;
          s = 0;
        }
      }
      if (inWord) {
        t = table[s * width + EDGE_COLUMN]!;
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
