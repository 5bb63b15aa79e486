// The features a learned model reads from a segment: the stems of its words, pairs of
// neighbouring stems, and the stems of the interviewer's question it answers. Each is a
// plain string a researcher can read back ("w:landlord", "b:no monei", "q:leav"), so a
// model's weights and a coding's "features that drove it" say what they mean.

import type { StemFn } from '../codebook/stem.js';
import { blankNotes } from '../segment/notes.js';
import { tokenize } from '../segment/tokenize.js';

/** Words too common to tell one code from another; kept out of single-stem features only. */
const STOP = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'it', 'that', 'this',
  'i', 'me', 'my', 'you', 'your', 'we', 'our', 'they', 'them', 'their', 'he', 'him', 'his', 'she', 'her',
  'be', 'is', 'was', 'were', 'are', 'am', 'been', 'so', 'like', 'just', 'um', 'uh', 'yeah', 'there', 'then',
]);

/**
 * The distinct features of one text and its question, sorted (the same text gives the same
 * list). Bracketed notes are the transcriber's and give none.
 */
export function featuresOf(text: string, question: string | null, stem: StemFn): string[] {
  const out = new Set<string>();
  const tokens = tokenize(blankNotes(text));
  const stems = tokens.map((t) => stem(t.text));
  stems.forEach((s, i) => {
    if (!STOP.has(tokens[i]!.text)) out.add(`w:${s}`);
    if (i > 0) out.add(`b:${stems[i - 1]} ${s}`);
  });
  if (stems.length <= 3) out.add('len:short');
  if (question) {
    for (const t of tokenize(blankNotes(question))) if (!STOP.has(t.text)) out.add(`q:${stem(t.text)}`);
  }
  return [...out].sort();
}
