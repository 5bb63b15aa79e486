// The features a learned model reads from a segment: the stems of its words, pairs of
// neighbouring stems, and the stems of the interviewer's question it answers. Each is a
// plain string a researcher can read back ("w:landlord", "b:no monei", "q:leav"), so a
// model's weights and a coding's "features that drove it" say what they mean. A model
// learned with word groups also reads the group of each word ("g:rent/landlord/lease").

import type { StemFn } from '../codebook/stem.js';
import { blankNotes } from '../segment/notes.js';
import { tokenize } from '../segment/tokenize.js';
import type { WordGroups } from './groups.js';

/** Words too common to tell one code from another; kept out of single-stem features only. */
export const STOP = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'it', 'that', 'this',
  'i', 'me', 'my', 'you', 'your', 'we', 'our', 'they', 'them', 'their', 'he', 'him', 'his', 'she', 'her',
  'be', 'is', 'was', 'were', 'are', 'am', 'been', 'so', 'like', 'just', 'um', 'uh', 'yeah', 'there', 'then',
]);

/** The spelling of each kind of feature, as a model file names them. */
export const FEATURE = {
  word: (s: string): string => `w:${s}`,
  pair: (a: string, b: string): string => `b:${a} ${b}`,
  short: 'len:short',
  asked: (s: string): string => `q:${s}`,
  group: (name: string): string => `g:${name}`,
};

/** A feature read back from its spelling (FEATURE's inverse); null for one qcode does not write. */
export type ReadFeature = { kind: 'word' | 'asked'; stem: string } | { kind: 'group'; name: string } | { kind: 'pair'; first: string; second: string } | { kind: 'short' };

export function readFeature(f: string): ReadFeature | null {
  if (f === FEATURE.short) return { kind: 'short' };
  if (f.startsWith('w:')) return { kind: 'word', stem: f.slice(2) };
  if (f.startsWith('q:')) return { kind: 'asked', stem: f.slice(2) };
  if (f.startsWith('g:')) return { kind: 'group', name: f.slice(2) };
  // Stems hold no space: the first one ends at the first space.
  if (f.startsWith('b:')) return { kind: 'pair', first: f.slice(2, f.indexOf(' ')), second: f.slice(f.indexOf(' ') + 1) };
  return null;
}

/**
 * The distinct features of one text and its question, sorted (the same text gives the same
 * list): the stem of each word that is not a stop word, each pair of neighbouring stems, a
 * text of three tokens or fewer, the stem of each word of the question that is not a stop
 * word; with `groups`, the group of each word that is not a stop word. Bracketed notes are
 * the transcriber's and give none. Scoring (score.ts) reads the same features from a cache
 * of what each token gives; a test holds the two equal.
 */
export function featuresOf(text: string, question: string | null, stem: StemFn, groups?: WordGroups): string[] {
  const out = new Set<string>();
  const tokens = tokenize(blankNotes(text));
  const stems = tokens.map((t) => stem(t.text));
  stems.forEach((s, i) => {
    if (i > 0) out.add(FEATURE.pair(stems[i - 1]!, s));
    if (STOP.has(tokens[i]!.text)) return;
    out.add(FEATURE.word(s));
    const group = groups?.groupOf.get(tokens[i]!.text);
    if (group !== undefined) out.add(FEATURE.group(groups!.names[group]!));
  });
  if (stems.length <= 3) out.add(FEATURE.short);
  if (question) {
    for (const t of tokenize(blankNotes(question))) if (!STOP.has(t.text)) out.add(FEATURE.asked(stem(t.text)));
  }
  return [...out].sort();
}
