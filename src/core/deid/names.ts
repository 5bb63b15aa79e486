// Names of people and places, from capitalised words: the lexicon's first names, last
// names and cities; titles ("Officer Brennan"), words that introduce a name ("my
// cousin Tasha", "a man named Reggie") or a place ("moved to Tulsa"); institutions
// named by their kind ("Mercy Hospital", "Cook County"); names the run already knows
// (speaker labels); and compromise's tagger for capitals nothing else explains.

import { classify, isGenericHead, taggedSpans, type WordClass } from './lexicon.js';
import type { Detection } from './types.js';
import { NAME_CUES, ON_CUE, PLACE_CUES, PLACE_SUFFIXES, TITLES } from './words.js';

interface Token {
  start: number;
  end: number;
  key: string;
  cls: WordClass;
  initial: boolean;
}

/** A capitalised word (not an all-capitals acronym), without a possessive 's. */
const CAP_WORD = /(?<![\p{L}\p{M}\d_@#$])\p{Lu}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*/gu;
const ABBREVIATED = new Set(['st', 'mt', 'ft', 'jr', 'sr']);

export function findNames(text: string, knownNames: ReadonlySet<string>): Detection[] {
  const tokens = capitalised(text, knownNames);
  const runs = toRuns(tokens, text);
  const found: Detection[] = [];
  const unexplained: Token[] = [];
  for (const run of runs) {
    const institution = institutionIn(run, text);
    if (institution) {
      found.push(institution);
      continue;
    }
    found.push(...namesIn(run, text, knownNames, unexplained));
  }
  found.push(...taggerVerdicts(text, unexplained));
  return found;
}

function capitalised(text: string, known: ReadonlySet<string>): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(CAP_WORD)) {
    let word = m[0];
    // Acronyms (GED, PTSD), and "I", "I'm", "I'd": capitals that name nobody.
    if (word === word.toUpperCase() || /^I['’]/.test(word)) continue;
    // Contractions (Don't, We're, You'll) are no names; a possessive's name is the word before 's.
    if (/['’](?:t|re|ve|ll|d|m)$/i.test(word)) continue;
    if (/['’]s$/.test(word) && word.length > 3) word = word.slice(0, -2);
    const start = m.index ?? 0;
    const key = word.toLowerCase();
    const cls = known.has(key) ? 'first' : classify(key);
    tokens.push({ start, end: start + word.length, key, cls, initial: sentenceInitial(text, start) });
  }
  return tokens;
}

/** At the start of the text, a line, or a sentence (quotes and brackets looked through). */
function sentenceInitial(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s"“'‘(\[*_-]/.test(text[i] ?? '') && text[i] !== '\n') i--;
  return i < 0 || /[.!?:;\n…]/.test(text[i] ?? '');
}

/** Capitalised words next to each other ("Maria Lopez", "St. Anne"), as runs. */
function toRuns(tokens: Token[], text: string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const t of tokens) {
    const prev = run[run.length - 1];
    const gap = prev ? text.slice(prev.end, t.start) : '';
    const joins = prev && (/^[ \t]+$/.test(gap) || (/^\.[ \t]+$/.test(gap) && ABBREVIATED.has(prev.key)) || /^[ \t]+[A-Z]\.[ \t]+$/.test(gap));
    if (!joins && run.length > 0) {
      runs.push(run);
      run = [];
    }
    run.push(t);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** "Mercy Hospital", "St. Anne's Shelter", "Cook County": capitalised words before a kind of place. */
function institutionIn(run: Token[], text: string): Detection | null {
  for (let i = 0; i < run.length; i++) {
    const t = run[i]!;
    const suffix = PLACE_SUFFIXES.exec(text.slice(t.end, t.end + 40).replace(/^['’]s/, '  '));
    if (!suffix) continue;
    let head = run.slice(0, i + 1);
    while (head.length > 0 && (head[0]!.cls === 'stop' || (head[0]!.initial && head[0]!.cls === 'common'))) head = head.slice(1);
    if (head.length === 0 || head.every((h) => isGenericHead(h.key))) return null;
    const start = head[0]!.start;
    const end = t.end + suffix[0].length;
    return { start, end, kind: 'place', confidence: 0.9, text: text.slice(start, end) };
  }
  return null;
}

/** The name-like stretches of one run of capitalised words. */
function namesIn(whole: Token[], text: string, known: ReadonlySet<string>, unexplained: Token[]): Detection[] {
  // "Officer Brennan" at the start of a sentence: the title is in the run, not before it.
  const run = [...whole];
  let titled = false;
  while (run.length > 1 && TITLES.test(text.slice(run[0]!.start, run[1]!.start))) {
    run.shift();
    titled = true;
  }
  const before = text.slice(Math.max(0, run[0]!.start - 60), run[0]!.start);
  titled ||= TITLES.test(before);
  const cued = NAME_CUES.test(before);
  const placeCue = PLACE_CUES.test(before) || (ON_CUE.test(before) && run.length >= 2);
  const firm = run.some((t) => t.cls === 'first' || t.cls === 'last' || t.cls === 'city' || t.cls === 'region');
  const verdicts = run.map((t, i): Verdict | null => verdictFor(t, i, run, { titled, cued, placeCue, firm, known }));
  // "moved to Baton Rouge": a place named after a place word goes on to the end of its capitals.
  if (verdicts[0]?.kind === 'place') {
    for (let i = 1; i < run.length && run[i]!.cls !== 'stop'; i++) verdicts[i] ??= { kind: 'place', confidence: verdicts[0].confidence };
  }
  run.forEach((t, i) => {
    if (verdicts[i] !== null || t.cls !== 'unknown') return;
    if (!t.initial) unexplained.push(t);
    // "Nkechi at Northside": a capitalised word no word list knows, shaped like no English word.
    else if (i === 0 && run.length === 1 && looksLikeAName(t.key)) verdicts[i] = { kind: 'name', confidence: 0.55 };
  });
  return mergeVerdicts(run, verdicts, text);
}

interface Verdict {
  kind: 'name' | 'place';
  confidence: number;
}

interface RunContext {
  titled: boolean;
  cued: boolean;
  placeCue: boolean;
  firm: boolean;
  known: ReadonlySet<string>;
}

function verdictFor(t: Token, i: number, run: Token[], c: RunContext): Verdict | null {
  const first = i === 0;
  const introduced = first && (c.titled || c.cued);
  switch (t.cls) {
    case 'stop':
      return null;
    case 'first':
      if (c.known.has(t.key)) return { kind: 'name', confidence: 0.95 };
      if (first && c.placeCue && !c.cued && !c.titled) return { kind: 'name', confidence: 0.7 };
      return { kind: 'name', confidence: run.length > 1 || introduced ? 0.95 : t.initial ? 0.75 : 0.9 };
    case 'last':
      return { kind: 'name', confidence: run.length > 1 || introduced ? 0.9 : t.initial ? 0.5 : 0.8 };
    case 'city':
      return { kind: 'place', confidence: c.placeCue ? 0.95 : 0.85 };
    case 'region':
      return t.initial && !c.placeCue ? null : { kind: 'place', confidence: c.placeCue ? 0.85 : 0.65 };
    case 'ambiguous':
      if (introduced || (run.length > 1 && c.firm)) return { kind: 'name', confidence: 0.8 };
      return null;
    case 'unknown':
      if (introduced || (run.length > 1 && c.firm && i > 0)) return { kind: 'name', confidence: 0.85 };
      if (first && c.placeCue && !t.initial) return { kind: 'place', confidence: 0.7 };
      return null;
    case 'common':
      // A surname that is also a word ("Tasha Green") follows a first name.
      if (i > 0 && run[i - 1]!.cls === 'first' && !t.initial) return { kind: 'name', confidence: 0.8 };
      if (introduced && !t.initial) return { kind: 'name', confidence: 0.7 };
      return null;
  }
}

/** Neighbouring words with a verdict become one finding ("Maria Lopez"), a place if any word is one. */
function mergeVerdicts(run: Token[], verdicts: (Verdict | null)[], text: string): Detection[] {
  const out: Detection[] = [];
  let open: Detection | null = null;
  run.forEach((t, i) => {
    const v = verdicts[i];
    if (!v) {
      open = null;
      return;
    }
    if (open) {
      open.end = t.end;
      open.text = text.slice(open.start, open.end);
      if (v.kind === 'place') open.kind = 'place';
      open.confidence = Math.max(open.confidence, v.confidence);
      return;
    }
    open = { start: t.start, end: t.end, kind: v.kind, confidence: v.confidence, text: text.slice(t.start, t.end) };
    out.push(open);
  });
  return out;
}

/** Not shaped like an English word: no -ly, -ion, -ness, -ing … ending that unknown common words have. */
const ENGLISH_ENDING = /(?:y|le|ion|ions|ness|ment|ments|ity|ities|ed|ing|ings|er|ers|es|al|ous|ful|less|ive|able|ible|ism|ist|ists|ty|cy|ance|ence|ship|hood|ward|wards|wise|ic|ics|ry|ary|ory|ure|ture|age|ate|ize|ise|logy|s)$/;
function looksLikeAName(key: string): boolean {
  return key.length >= 3 && !ENGLISH_ENDING.test(key) && !key.includes('-');
}

/** compromise's tagger on the sentences that hold capitals nothing else explained; what it cannot place, the word's shape decides. */
function taggerVerdicts(text: string, unexplained: Token[]): Detection[] {
  const found = taggerSpans(text, unexplained);
  for (const t of unexplained) {
    if (found.some((f) => f.start <= t.start && t.end <= f.end) || !looksLikeAName(t.key)) continue;
    found.push({ start: t.start, end: t.end, kind: 'name', confidence: 0.55, text: text.slice(t.start, t.end) });
  }
  return found;
}

function taggerSpans(text: string, unexplained: Token[]): Detection[] {
  const found: Detection[] = [];
  const done = new Set<number>();
  for (const t of unexplained) {
    const [from, to] = sentenceAround(text, t.start);
    if (done.has(from)) continue;
    done.add(from);
    const sentence = text.slice(from, to);
    for (const s of taggedSpans(sentence)) {
      const hit = unexplained.find((u) => u.start >= from + s.start && u.end <= from + s.end);
      if (!hit) continue;
      const span = trimSpan(text, from + s.start, from + s.end);
      found.push({ start: span[0], end: span[1], kind: s.kind, confidence: 0.6, text: text.slice(span[0], span[1]) });
    }
  }
  return found;
}

function sentenceAround(text: string, at: number): [number, number] {
  let from = at;
  while (from > 0 && !/[.!?\n]/.test(text[from - 1] ?? '')) from--;
  let to = at;
  while (to < text.length && !/[.!?\n]/.test(text[to] ?? '')) to++;
  return [from, Math.min(text.length, to + 1)];
}

/** The tagger's spans may carry punctuation and possessives; a finding is the words alone. */
function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && !/[\p{L}\d]/u.test(text[s] ?? '')) s++;
  while (e > s && !/[\p{L}\d]/u.test(text[e - 1] ?? '')) e--;
  if (/['’]s$/.test(text.slice(s, e))) e -= 2;
  return [s, e];
}
