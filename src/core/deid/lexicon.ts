// compromise's lexicon as word lists: its first names, last names and cities are
// looked up directly (a map lookup per word), and its full tagger runs only on the
// few sentences where capitals remain unexplained (it costs ~0.2 ms a character).

import { createRequire } from 'node:module';
import type compromise from 'compromise';
import { EXTRA_FIRST_NAMES, AMBIGUOUS_NAMES, NOT_IDENTIFYING, GENERIC_HEADS, US_STATES } from './words.js';

type Nlp = typeof compromise;
type Tag = string | string[] | undefined;

/**
 * compromise is loaded on first use, and as its bundled CommonJS build: loading it
 * costs about a second, which every qcode command would pay at start-up otherwise.
 */
let loaded: { nlp: Nlp; lexicon: Record<string, Tag> } | undefined;
function compromiseNow(): { nlp: Nlp; lexicon: Record<string, Tag> } {
  if (!loaded) {
    const nlp = createRequire(import.meta.url)('compromise') as Nlp;
    loaded = { nlp, lexicon: (nlp.model() as { one: { lexicon: Record<string, Tag> } }).one.lexicon };
  }
  return loaded;
}

const extraFirst = new Set(EXTRA_FIRST_NAMES);
const ambiguous = new Set(AMBIGUOUS_NAMES);
const notIdentifying = new Set(NOT_IDENTIFYING);
const genericHeads = new Set(GENERIC_HEADS);
const usStates = new Set(US_STATES);

const tagOf = (key: string): string => {
  const t = compromiseNow().lexicon[key];
  return Array.isArray(t) ? t.join(',') : (t ?? '');
};

export type WordClass = 'first' | 'last' | 'city' | 'region' | 'ambiguous' | 'stop' | 'common' | 'unknown';

/** What a capitalised word is, by its lower-cased form. */
export function classify(key: string): WordClass {
  if (notIdentifying.has(key)) return 'stop';
  if (ambiguous.has(key)) return 'ambiguous';
  if (extraFirst.has(key)) return 'first';
  const tag = tagOf(key);
  if (/FemaleName|MaleName|FirstName/.test(tag)) return 'first';
  if (/LastName/.test(tag)) return 'last';
  if (/\bCity\b|^Place,ProperNoun$/.test(tag)) return 'city';
  // US states identify nobody; the lexicon's other regions are towns and districts (Leeds, Harlem).
  if (/^Region/.test(tag)) return usStates.has(key) ? 'stop' : 'region';
  // The lexicon's organisations are national names (Amazon, Walmart): they locate nobody.
  if (tag === '' || /^(?:Person|ProperNoun)$/.test(tag)) return 'unknown';
  return 'common';
}

export const isGenericHead = (key: string): boolean => genericHeads.has(key) || notIdentifying.has(key);

/** People and places compromise's tagger finds in one sentence: [start, end, kind] in UTF-16 of `text`. */
export function taggedSpans(text: string): { start: number; end: number; kind: 'name' | 'place' }[] {
  const doc = compromiseNow().nlp(text);
  const spans: { start: number; end: number; kind: 'name' | 'place' }[] = [];
  const take = (kind: 'name' | 'place', json: { offset?: { start: number; length: number }; text: string }[]) => {
    for (const j of json) if (j.offset) spans.push({ start: j.offset.start, end: j.offset.start + j.offset.length, kind });
  };
  take('name', doc.people().json({ offset: true }) as never);
  take('place', doc.places().json({ offset: true }) as never);
  return spans;
}
