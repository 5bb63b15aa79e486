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
  // Each ASCII character's column, as the scan reads it: lower case, any space as a space.
  const fold = new Int32Array(EDGE);
  for (let c = 0; c < EDGE; c++) fold[c] = column[c >= 65 && c <= 90 ? c + 32 : SPACE.includes(c) ? 32 : c]!;
  const SPACE_COLUMN = column[32]!;
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
      let inWord = false;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const word = code < 128 && WORD_CHAR[code] === 1;
        if (word !== inWord) {
          inWord = word;
          s = delta[s * width + EDGE_COLUMN]!;
          reached(s);
        }
        let c: number;
        if (code < EDGE) {
          c = fold[code]!;
          // A run of spaces is read as one (see literals.ts).
          if (c === SPACE_COLUMN && SPACE_COLUMN !== 0 && i > 0 && fold[text.charCodeAt(i - 1)] === SPACE_COLUMN) continue;
        } else if (code === 0x212a || code === 0x17f) {
          // KELVIN SIGN and LONG S match k and s, yet are not word characters for \b:
          // a literal that spans one cannot be read with edges, so such a text may match
          // any pattern with literals.
          return withLiterals.slice();
        } else {
          s = 0; // no literal holds any other character
          continue;
        }
        s = delta[s * width + c]!;
        reached(s);
      }
      if (inWord) reached((s = delta[s * width + EDGE_COLUMN]!));
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
