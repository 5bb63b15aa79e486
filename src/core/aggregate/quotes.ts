// Quotes: the segments carrying a code (or a descendant), chosen the way a reader
// needs them: optionally one per case first (--spread), at most --limit; and the
// excerpt of a long turn around its evidence, cut only between words.

import { compareText, type CodedTranscript } from '../code/pass.js';
import type { CodeId, Evidence, SegmentId, TranscriptId } from '../types.js';

/** One coded segment under an asked code, before its text is read. */
export interface QuotePick {
  /** The code asked for. */
  code: CodeId;
  /** The codes the segment carries under it (the code itself or descendants), sorted. */
  coded: CodeId[];
  transcript: TranscriptId;
  segment: SegmentId;
  speaker: string;
  time?: number;
  /** Every evidence span of those codings, in text order, each once. */
  evidence: Evidence[];
  /** The coded span (a human coding may give one narrower than the segment). */
  start: number | null;
  end: number | null;
}

export interface QuoteSelection {
  code: CodeId;
  /** Segments carrying the code in the cases asked for (before --limit). */
  total: number;
  /** Cases with at least one such segment. */
  cases: number;
  picks: QuotePick[];
}

export interface SelectOptions {
  limit?: number;
  /** One quote per case first, then a second per case, and so on. */
  spread?: boolean;
  /**
   * With spread: the cases that speak of the code most come first (ties in case order),
   * so exemplars come from where the code lives, and differ from code to code.
   */
  busiestFirst?: boolean;
}

export function isUnder(code: CodeId, asked: CodeId): boolean {
  return code === asked || code.startsWith(`${asked}.`);
}

/** The quotes of one code over the coded transcripts, in their order (cases, then segments). */
export function selectQuotes(asked: CodeId, coded: CodedTranscript[], opts: SelectOptions = {}): QuoteSelection {
  const perCase = coded.map((t) => picksOf(asked, t)).filter((list) => list.length > 0);
  if (opts.busiestFirst) perCase.sort((a, b) => b.length - a.length);
  const all = opts.spread ? roundRobin(perCase) : perCase.flat();
  const total = all.length;
  const picks = opts.limit === undefined ? all : all.slice(0, opts.limit);
  return { code: asked, total, cases: perCase.length, picks };
}

/**
 * The first `limit` quotes of one code as selectQuotes gives them with `spread` and
 * `busiestFirst` over transcripts in id order, kept a transcript at a time: only the `limit`
 * cases that speak of the code most (ties: the smaller id, which comes first in case order)
 * can give one, and each at most `limit`. A report keeps these, not every coded transcript.
 */
export class BusiestQuotes {
  private readonly busiest: { id: TranscriptId; count: number; picks: QuotePick[] }[] = [];

  constructor(private readonly asked: CodeId, private readonly limit: number) {}

  add(t: CodedTranscript): void {
    if (this.limit <= 0) return;
    const picks = picksOf(this.asked, t);
    if (picks.length === 0) return;
    this.busiest.push({ id: t.id, count: picks.length, picks: picks.slice(0, this.limit) });
    this.busiest.sort((a, b) => b.count - a.count || compareText(a.id, b.id));
    if (this.busiest.length > this.limit) this.busiest.pop();
  }

  picks(): QuotePick[] {
    return roundRobin(this.busiest.map((c) => c.picks)).slice(0, Math.max(0, this.limit));
  }
}

function picksOf(asked: CodeId, t: CodedTranscript): QuotePick[] {
  const bySegment = new Map<SegmentId, QuotePick>();
  for (const c of t.codings) {
    if (!isUnder(c.code, asked)) continue;
    let pick = bySegment.get(c.segment);
    if (!pick) {
      pick = { code: asked, coded: [], transcript: c.transcript, segment: c.segment, speaker: c.speaker, evidence: [], start: c.start, end: c.end };
      if (c.time !== undefined) pick.time = c.time;
      bySegment.set(c.segment, pick);
    }
    if (!pick.coded.includes(c.code)) pick.coded.push(c.code);
    for (const e of c.evidence) if (!pick.evidence.some((x) => x.start === e.start && x.end === e.end)) pick.evidence.push(e);
  }
  for (const p of bySegment.values()) {
    p.coded.sort();
    p.evidence.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return [...bySegment.values()];
}

/** The first of each case, then the second of each, …: one talkative case cannot fill the page. */
function roundRobin<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let round = 0; out.length < lists.reduce((n, l) => n + l.length, 0); round++) {
    for (const list of lists) if (round < list.length) out.push(list[round]!);
  }
  return out;
}

/** A run of an excerpt: marked runs are evidence. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  parts: ExcerptPart[];
  /** Text was left out before / after what is shown (the renderer prints `…`). */
  cut_start: boolean;
  cut_end: boolean;
}

/**
 * The text with its marks (code-point spans into it), shortened to about `max` code
 * points around the first mark when longer. Cuts fall between words, never inside one.
 */
export function excerpt(text: string, marks: { start: number; end: number }[], max: number): Excerpt {
  const chars = Array.from(text);
  const spans = mergeSpans(chars, marks.map((m) => ({ start: clamp(m.start, chars.length), end: clamp(m.end, chars.length) })).filter((m) => m.end > m.start));
  let from = 0;
  let to = chars.length;
  if (chars.length > max) {
    const first = spans[0] ?? { start: 0, end: 0 };
    // About a third of the room before the evidence, so the sentence leading to it shows.
    const lead = Math.max(0, Math.floor((max - (first.end - first.start)) / 3));
    from = Math.max(0, Math.min(first.start - lead, chars.length - max));
    to = Math.min(chars.length, from + max);
    from = snapStart(chars, from, first.start);
    to = snapEnd(chars, to, Math.min(first.end, to));
  }
  const parts: ExcerptPart[] = [];
  let at = from;
  for (const s of spans) {
    if (s.end <= from || s.start >= to) continue;
    const a = Math.max(s.start, from);
    const b = Math.min(s.end, to);
    if (a > at) parts.push({ text: chars.slice(at, a).join(''), mark: false });
    parts.push({ text: chars.slice(a, b).join(''), mark: true });
    at = b;
  }
  if (at < to) parts.push({ text: chars.slice(at, to).join(''), mark: false });
  return { parts, cut_start: from > 0, cut_end: to < chars.length };
}

/** The end of a text (a question before an answer), or its start, in about `max` code points. */
export function shorten(text: string, max: number, keep: 'start' | 'end'): Excerpt {
  const chars = Array.from(text);
  if (chars.length <= max) return { parts: [{ text, mark: false }], cut_start: false, cut_end: false };
  const from = keep === 'end' ? snapStart(chars, chars.length - max, chars.length) : 0;
  const to = keep === 'start' ? snapEnd(chars, max, 0) : chars.length;
  return { parts: [{ text: chars.slice(from, to).join(''), mark: false }], cut_start: from > 0, cut_end: to < chars.length };
}

const SPACE = /\s/u;

/** Moves a cut forward to the start of the next word (not past `limit`), skipping white space. */
function snapStart(chars: string[], from: number, limit: number): number {
  let i = from;
  if (i > 0 && !SPACE.test(chars[i - 1]!)) {
    while (i < limit && !SPACE.test(chars[i]!)) i++;
    if (i >= limit && !SPACE.test(chars[i - 1] ?? ' ')) {
      // The word runs into the evidence: step back to its start instead.
      i = from;
      while (i > 0 && !SPACE.test(chars[i - 1]!)) i--;
    }
  }
  while (i < limit && SPACE.test(chars[i]!)) i++;
  return i;
}

/** Moves a cut back to the end of the previous word (not before `limit`), dropping white space. */
function snapEnd(chars: string[], to: number, limit: number): number {
  let i = to;
  if (i < chars.length && !SPACE.test(chars[i]!)) {
    while (i > limit && !SPACE.test(chars[i - 1]!)) i--;
    if (i <= limit && i < chars.length && !SPACE.test(chars[i]!)) {
      i = to;
      while (i < chars.length && !SPACE.test(chars[i]!)) i++;
    }
  }
  while (i > limit && SPACE.test(chars[i - 1]!)) i--;
  return i;
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}

/** Overlapping marks, and marks only white space apart, read as one passage. */
function mergeSpans(chars: string[], spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    const gapIsSpace = last !== undefined && chars.slice(last.end, s.start).every((ch) => SPACE.test(ch));
    if (last && (s.start <= last.end || gapIsSpace)) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
