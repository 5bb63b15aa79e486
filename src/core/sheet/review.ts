// Reviewing the auto-coder's suggestions one at a time: which suggestion is next, what
// a key does to the decisions, and the codings the decisions make. Pure: the terminal
// loop lives in the CLI, the file in io.

import { compareSegmentIds } from '../segment/ids.js';
import type { CodeId, Evidence, SegmentId, TranscriptId } from '../types.js';

/** One suggestion of the auto-coder: a code on a segment, with what it matched. */
export interface ReviewItem {
  transcript: TranscriptId;
  segment: SegmentId;
  speaker: string;
  time?: number;
  question: string;
  text: string;
  code: CodeId;
  /** Matched spans as UTF-16 indices into `text`, in order, not overlapping. */
  highlights: { start: number; end: number }[];
}

/** The columns of the file a review saves: a codings CSV, plus what was decided on which suggestion. */
export const REVIEW_HEADER = ['transcript', 'segment', 'speaker', 'code', 'coder', 'decision', 'suggestion'];

export type DecisionKind = 'accept' | 'reject' | 'add';

/** A decision as saved: `add` puts another code on the suggestion's segment. */
export interface Decision {
  kind: DecisionKind;
  transcript: TranscriptId;
  segment: SegmentId;
  speaker: string;
  /** The suggestion it was made on. */
  suggestion: CodeId;
  /** accept: the suggestion; add: the code added; reject: none. */
  code: CodeId | '';
}

export interface ReviewState {
  items: ReviewItem[];
  /** In the order made; undo takes the last. */
  decisions: Decision[];
  /** Decisions read from the file that are not about these items (other codes, other transcripts): written back as they were. */
  kept: Decision[];
  /** Index of the item on screen; -1 when every item is decided. */
  cursor: number;
}

const itemKey = (segment: string, code: string): string => `${segment}\u0000${code}`;

export function startReview(items: ReviewItem[], saved: Decision[]): ReviewState {
  const keys = new Set(items.map((i) => itemKey(i.segment, i.code)));
  const decisions = saved.filter((d) => keys.has(itemKey(d.segment, d.suggestion)));
  const kept = saved.filter((d) => !keys.has(itemKey(d.segment, d.suggestion)));
  const state: ReviewState = { items, decisions, kept, cursor: 0 };
  return { ...state, cursor: nextPending(state, -1) };
}

/** Whether an item has been accepted or rejected. */
export function isDecided(state: ReviewState, index: number): boolean {
  const item = state.items[index]!;
  return state.decisions.some((d) => d.kind !== 'add' && d.segment === item.segment && d.suggestion === item.code);
}

export function decidedCount(state: ReviewState): number {
  const done = new Set(state.decisions.filter((d) => d.kind !== 'add').map((d) => itemKey(d.segment, d.suggestion)));
  return state.items.filter((i) => done.has(itemKey(i.segment, i.code))).length;
}

/** The first undecided item after `from`, wrapping round (so skipped items come back); -1 when none is left. */
export function nextPending(state: ReviewState, from: number): number {
  const n = state.items.length;
  for (let step = 1; step <= n; step++) {
    const i = (((from + step) % n) + n) % n;
    if (!isDecided(state, i)) return i;
  }
  return -1;
}

function decisionOn(item: ReviewItem, kind: DecisionKind, code: CodeId | ''): Decision {
  return { kind, transcript: item.transcript, segment: item.segment, speaker: item.speaker, suggestion: item.code, code };
}

export function accept(state: ReviewState): ReviewState {
  return decide(state, 'accept');
}

export function reject(state: ReviewState): ReviewState {
  return decide(state, 'reject');
}

function decide(state: ReviewState, kind: 'accept' | 'reject'): ReviewState {
  const item = state.items[state.cursor];
  if (!item) return state;
  const next = { ...state, decisions: [...state.decisions, decisionOn(item, kind, kind === 'accept' ? item.code : '')] };
  return { ...next, cursor: nextPending(next, state.cursor) };
}

/** Another code on the segment on screen; the suggestion itself still waits for accept or reject. */
export function addCode(state: ReviewState, code: CodeId): ReviewState {
  const item = state.items[state.cursor];
  if (!item) return state;
  return { ...state, decisions: [...state.decisions, decisionOn(item, 'add', code)] };
}

/** Takes back the last decision and shows its suggestion again. */
export function undo(state: ReviewState): ReviewState {
  const last = state.decisions[state.decisions.length - 1];
  if (!last) return state;
  const cursor = state.items.findIndex((i) => i.segment === last.segment && i.code === last.suggestion);
  return { ...state, decisions: state.decisions.slice(0, -1), cursor };
}

/** Leaves the suggestion on screen for later. */
export function skip(state: ReviewState): ReviewState {
  if (state.cursor < 0) return state;
  const next = nextPending(state, state.cursor);
  return { ...state, cursor: next };
}

/** Codes already on a segment, by this review: accepted and added. */
export function codesOn(state: ReviewState, segment: SegmentId): { code: CodeId; kind: DecisionKind }[] {
  return state.decisions.filter((d) => d.segment === segment && d.code !== '').map((d) => ({ code: d.code, kind: d.kind }));
}

/**
 * Every decision to save, kept ones too, in transcript, segment and code order; the
 * same (segment, code) accepted and added is one coding. Rejections stay (code '':
 * the segment was reviewed), so a rejected suggestion is not offered again.
 */
export function savedDecisions(state: ReviewState): Decision[] {
  const all = [...state.kept, ...state.decisions];
  const seen = new Set<string>();
  const out: Decision[] = [];
  for (const d of all) {
    const k = `${d.kind === 'reject' ? 'reject' : 'code'}\u0000${d.segment}\u0000${d.code || d.suggestion}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(d);
  }
  return out.sort((a, b) => compareSegmentIds(a.segment, b.segment) || order(a) - order(b) || cmp(a.code || a.suggestion, b.code || b.suggestion));
}

const order = (d: Decision): number => (d.kind === 'reject' ? 1 : 0);
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Evidence spans of a coding as UTF-16 ranges of its segment's text, merged where they overlap. */
export function highlightsOf(evidence: readonly Evidence[], segmentStart: number, text: string): { start: number; end: number }[] {
  const toUtf16 = (cp: number): number => {
    let u = 0;
    for (let c = 0; c < cp && u < text.length; c++) u += (text.codePointAt(u) ?? 0) > 0xffff ? 2 : 1;
    return u;
  };
  const spans = evidence.map((e) => ({ start: toUtf16(e.start - segmentStart), end: toUtf16(e.end - segmentStart) })).sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
