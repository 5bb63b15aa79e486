// Every term's parts in flat arrays. The matcher checks the parts of a term around each
// token the index finds it by — millions of checks in a large corpus, nearly all of them
// failing at the first part — and reads them faster from typed arrays than from an
// object per part (30% less time finding terms on the bench corpus).

import type { CompiledTerm, TermId, TokenLookup } from './compile.js';

export interface TermParts {
  /** Term t's parts are at [start[t], start[t + 1]). */
  start: Int32Array;
  /** The part the index finds term t by (see CompiledTerm.anchor). */
  anchor: Int32Array;
  /** Each part's kind: STEM, EXACT or PREFIX… */
  kind: Uint8Array;
  /** …its number (CompiledPart.code; -1 for a prefix)… */
  code: Int32Array;
  /** …and its value (a prefix is compared as a string). */
  value: string[];
}

export const STEM = 0;
export const EXACT = 1;
export const PREFIX = 2;

export function flatParts(terms: readonly CompiledTerm[]): TermParts {
  const total = terms.reduce((n, t) => n + t.parts.length, 0);
  const out: TermParts = {
    start: new Int32Array(terms.length + 1), anchor: new Int32Array(terms.length),
    kind: new Uint8Array(total), code: new Int32Array(total), value: new Array<string>(total),
  };
  let k = 0;
  terms.forEach((t, i) => {
    out.start[i] = k;
    out.anchor[i] = t.anchor;
    for (const p of t.parts) {
      out.kind[k] = p.kind === 'stem' ? STEM : p.kind === 'exact' ? EXACT : PREFIX;
      out.code[k] = p.code;
      out.value[k] = p.value;
      k++;
    }
  });
  out.start[terms.length] = k;
  return out;
}

/** Whether term `term`'s parts, but the one at `skip` (known to match), match the tokens from `first` on (all of them there). */
export function partsMatchAt(tp: TermParts, term: TermId, skip: number, entries: readonly TokenLookup[], first: number): boolean {
  const from = tp.start[term]!;
  const n = tp.start[term + 1]! - from;
  for (let q = 0; q < n; q++) {
    if (q === skip) continue;
    const e = entries[first + q]!;
    const k = from + q;
    const kind = tp.kind[k];
    if (kind === STEM ? tp.code[k] !== e.stemCode : kind === EXACT ? tp.code[k] !== e.wordCode : !e.token.startsWith(tp.value[k]!)) return false;
  }
  return true;
}
