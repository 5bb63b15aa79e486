// `quotes`: what participants said, in their own words, for one or more codes, with
// the evidence marked, the question that prompted each answer, and neighbouring turns
// on request. Text is read only for the quotes printed (a second read of just their
// files), so a large corpus never sits in memory.

import { codebookRef, type CodebookRef } from '../core/aggregate/freq.js';
import { groupKey } from '../core/aggregate/groups.js';
import { excerpt, isUnder, selectQuotes, shorten, type Excerpt, type QuotePick } from '../core/aggregate/quotes.js';
import { compareText, type CodedTranscript } from '../core/code/pass.js';
import { flattenCodes, type Code } from '../core/codebook/model.js';
import { QcodeError } from '../core/errors.js';
import { questionTurns } from '../core/segment/questions.js';
import { segmentTranscript } from '../core/segment/segment.js';
import { closest } from '../core/suggest.js';
import type { CodeId, Role, Segment, SegmentId, Transcript, TranscriptId, Unit } from '../core/types.js';
import { listInputs, readTranscripts } from '../io/read.js';
import { openStudy, type Study } from './open.js';
import type { RunHooks } from './options.js';
import { checkAttributeName, checkAttributeValue, streamReport, type ReportOptions, type ReportRun } from './reports.js';

export interface QuotesRunOptions extends ReportOptions {
  /** Codebook ids; each quote carries the code or a descendant. */
  codes: string[];
  /** At most this many quotes per code. */
  limit?: number;
  /** Neighbouring turns shown before and after each quote. */
  context?: number;
  /** One quote per case first, so one talkative participant does not fill the page. */
  spread?: boolean;
  /** `ATTR=VALUE` filters on the cases: one attribute's values are alternatives, different attributes all hold. */
  where?: string[];
  /** Code points of a quote shown around its evidence (default 360); longer turns are cut between words with …. */
  width?: number;
}

/** A neighbouring turn: the question before an answer, or what was said next. */
export interface ContextTurn {
  /** The turn's id, `P03:4`. */
  segment: SegmentId;
  speaker: string;
  role: Role;
  time?: number;
  text: string;
  excerpt: Excerpt;
}

/** A quote as printed: the picked segment with its text, excerpt and surrounding turns. */
export interface Quote extends Pick<QuotePick, 'code' | 'coded' | 'transcript' | 'segment' | 'speaker' | 'time'> {
  /** The segment's span in the document text (code points). */
  start: number;
  end: number;
  text: string;
  /** Document offsets (code points), as in the coded table. */
  evidence: { start: number; end: number; term: string; text: string }[];
  /** The text as shown: around the evidence, marked, cut between words. */
  excerpt: Excerpt;
  /** The interviewer's turn before this one, when there is one. */
  question?: ContextTurn;
  /** With --context N: N turns before and after. */
  context?: { before: ContextTurn[]; after: ContextTurn[] };
}

export interface QuoteGroup {
  code: CodeId;
  label: string;
  /** Segments carrying the code in the cases asked for. */
  total: number;
  /** Cases with such a segment, of `case_total`. */
  cases: number;
  case_total: number;
}

export interface QuotesResult extends ReportRun {
  codebook: CodebookRef;
  unit: Unit;
  coder: string;
  groups: QuoteGroup[];
  quotes: Quote[];
  where: string[];
}

const DEFAULT_WIDTH = 360;
const CONTEXT_WIDTH = 240;

/**
 * The positional words of `qcode quotes`: leading codebook ids are codes, the rest
 * are inputs. The first word must be a code (a typo gets a did-you-mean).
 */
export async function runQuotes(opts: QuotesRunOptions, hooks: RunHooks = {}): Promise<QuotesResult> {
  const { study, codes } = await studyForQuotes(opts);
  const where = parseWhere(opts.where ?? []);
  // Each transcript kept as the quotes can use it: its codings under the codes asked for (what
  // is printed), not the rest of the coded corpus.
  const kept: CodedTranscript[] = [];
  const base = await streamReport({ ...opts, inputs: study.inputs }, hooks, ({ shown }) => {
    const asked = (codes.length > 0 ? codes : shown).map((c) => c.id);
    return { add: (t) => kept.push({ ...t, eligible: [], codings: t.codings.filter((c) => asked.some((a) => isUnder(c.code, a))) }) };
  }, { study });
  const coded = kept.sort((a, b) => compareText(a.id, b.id));
  for (const [attr, values] of where) {
    checkAttributeName(attr, coded, '--where');
    for (const value of values) checkAttributeValue(attr, value, coded, '--where');
  }
  const cases = coded.filter((t) => [...where].every(([attr, values]) => values.has(groupKey(t.attributes[attr]))));
  const chosen = codes.length > 0 ? codes : base.shown;
  const selections = chosen.map((c) => selectQuotes(c.id, cases, { ...(opts.limit !== undefined ? { limit: opts.limit } : {}), ...(opts.spread ? { spread: true } : {}) }));
  const picks = selections.flatMap((s) => s.picks);
  const quotes = await quotesOf(study, new Map(cases.map((t) => [t.id, t.source])), picks, { context: opts.context ?? 0, width: opts.width ?? DEFAULT_WIDTH });
  return {
    codebook: codebookRef(study.codebook!.book), unit: study.unit, coder: base.coder,
    groups: selections.map((s, i) => ({ code: s.code, label: chosen[i]!.label, total: s.total, cases: s.cases, case_total: cases.length })),
    quotes,
    where: opts.where ?? [],
    reads: study.reads, warnings: base.warnings.list,
  };
}

async function studyForQuotes(opts: QuotesRunOptions): Promise<{ study: Study; codes: Code[] }> {
  const probe = await openStudy({ ...opts, inputs: [] }, 'required', false);
  const all = flattenCodes(probe.codebook!.book.codes);
  const byId = new Map(all.map((c) => [c.id, c]));
  const words = [...opts.codes];
  const codes: Code[] = [];
  while (words.length > 0 && byId.has(words[0]!)) codes.push(byId.get(words.shift()!)!);
  if (codes.length === 0 && opts.level === undefined) {
    const first = words[0];
    if (first === undefined) throw new QcodeError('name a code to quote, e.g. `qcode quotes barrier.housing` (or give --level N to quote every code down to depth N)');
    const guess = closest(first, [...byId.keys()]);
    const hint = guess ? ` (did you mean "${guess}"?)` : /[/\\]|\.[A-Za-z]{2,4}$/.test(first) ? ' (name the codes first, then the inputs: qcode quotes CODE… [inputs])' : '';
    throw new QcodeError(`no code "${first}" in the codebook${hint}`);
  }
  const inputs = [...(opts.inputs ?? []), ...words];
  const study = await openStudy({ ...opts, inputs }, 'required');
  return { study, codes };
}

function parseWhere(list: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new QcodeError(`--where takes ATTR=VALUE (e.g. region=urban), not "${item}"`);
    const attr = item.slice(0, eq).trim();
    const values = out.get(attr) ?? new Set<string>();
    values.add(item.slice(eq + 1).trim());
    out.set(attr, values);
  }
  return out;
}

interface QuoteText {
  segment: Segment;
  question?: ContextTurn;
  before: ContextTurn[];
  after: ContextTurn[];
}

/** The picked segments as quotes: their text (read again, only for these), evidence marked, neighbours. */
export async function quotesOf(
  study: Study, sources: ReadonlyMap<TranscriptId, string>, picks: QuotePick[], opts: { context: number; width?: number },
): Promise<Quote[]> {
  const texts = await readQuoteTexts(study, sources, picks, opts.context);
  return picks.map((p) => makeQuote(p, texts.get(p.segment)!, opts.width ?? DEFAULT_WIDTH));
}

/** Reads again only the files that hold a quote, and keeps only the quoted segments and their neighbours. */
async function readQuoteTexts(study: Study, sourceOf: ReadonlyMap<TranscriptId, string>, picks: QuotePick[], context: number): Promise<Map<SegmentId, QuoteText>> {
  const wanted = new Map<TranscriptId, Set<SegmentId>>();
  for (const p of picks) wanted.set(p.transcript, (wanted.get(p.transcript) ?? new Set()).add(p.segment));
  const sources = new Set([...wanted.keys()].map((id) => sourceOf.get(id)));
  const out = new Map<SegmentId, QuoteText>();
  if (wanted.size === 0) return out;
  const { files } = await listInputs(study.inputs);
  for (const file of files) {
    if (!sources.has(file.path)) continue;
    for (const t of await readTranscripts(file, { ...study.reading })) {
      const ids = wanted.get(t.id);
      if (ids) collectTexts(t, study.unit, ids, context, out);
    }
  }
  return out;
}

function collectTexts(t: Transcript, unit: Unit, ids: Set<SegmentId>, context: number, out: Map<SegmentId, QuoteText>): void {
  const turns = segmentTranscript(t, 'turn');
  const segments = unit === 'turn' ? turns : segmentTranscript(t, unit);
  const turnAt = new Map(turns.map((s, i) => [s.turn, i]));
  const askedBy = questionTurns(t);
  for (const seg of segments) {
    if (!ids.has(seg.id)) continue;
    const at = turnAt.get(seg.turn)!;
    const askedTurn = askedBy.get(seg.turn);
    const asked = askedTurn ? turns[turnAt.get(askedTurn.index)!] : undefined;
    const q: QuoteText = {
      segment: seg,
      before: turns.slice(Math.max(0, at - context), at).map((s) => contextTurn(s, 'end')),
      after: turns.slice(at + 1, at + 1 + context).map((s) => contextTurn(s, 'start')),
    };
    if (asked) q.question = contextTurn(asked, 'end');
    out.set(seg.id, q);
  }
}

function contextTurn(s: Segment, keep: 'start' | 'end'): ContextTurn {
  const turn: ContextTurn = { segment: s.id, speaker: s.speaker, role: s.role, text: s.text, excerpt: shorten(s.text, CONTEXT_WIDTH, keep) };
  if (s.time !== undefined) turn.time = s.time;
  return turn;
}

function makeQuote(p: QuotePick, t: QuoteText, width: number): Quote {
  const seg = t.segment;
  const evidence = p.evidence.map((e) => ({ start: e.start, end: e.end, term: e.term, text: e.text ?? '' }));
  // A human coding with a span narrower than its segment marks that span instead.
  if (evidence.length === 0 && p.start !== null && p.end !== null && (p.start > seg.start || p.end < seg.end) && p.end > p.start) {
    const chars = Array.from(seg.text);
    evidence.push({ start: p.start, end: p.end, term: 'coded span', text: chars.slice(p.start - seg.start, p.end - seg.start).join('') });
  }
  const marks = evidence.map((e) => ({ start: e.start - seg.start, end: e.end - seg.start }));
  const quote: Quote = {
    code: p.code, coded: p.coded, transcript: p.transcript, segment: p.segment, speaker: seg.speaker,
    start: seg.start, end: seg.end, text: seg.text, evidence, excerpt: excerpt(seg.text, marks, width),
  };
  if (seg.time !== undefined) quote.time = seg.time;
  if (t.question) quote.question = t.question;
  if (t.before.length > 0 || t.after.length > 0) quote.context = { before: t.before, after: t.after };
  return quote;
}
