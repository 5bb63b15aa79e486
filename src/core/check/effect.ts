// The effect of a codebook change on a corpus: per code, the segments the new version
// gains and loses against the old one (each with a short excerpt and the words that
// made the rules match), the counts before and after, and κ between the two codings.
// Codes are followed through moves and renames, so a renamed code is compared with
// itself, not reported as everything lost and everything gained.

import { cohenKappaOf } from '../agree/stats.js';
import { rollUp } from '../aggregate/rollup.js';
import { ancestry, flattenCodes, type Codebook } from '../codebook/model.js';
import { compareSegmentIds } from '../segment/ids.js';
import type { CodeId, Coding, SegmentId } from '../types.js';
import type { CodebookDiff } from './diff.js';

export interface SegmentText {
  speaker: string;
  /** The segment's text and where it starts in its transcript's document text (code points). */
  text: string;
  start: number;
}

export interface EffectInput {
  before: Codebook;
  after: Codebook;
  diff: CodebookDiff;
  /** Every eligible segment of the corpus, once. */
  eligible: readonly SegmentId[];
  /** The old version's codings (old code ids) and the new version's. */
  old: readonly Coding[];
  new: readonly Coding[];
  /** Speaker and text of (at least) every segment whose codes differ between the versions. */
  texts: ReadonlyMap<SegmentId, SegmentText>;
}

export interface Excerpt {
  segment: SegmentId;
  change: 'gained' | 'lost';
  speaker: string | null;
  /** At most EXCERPT_WIDTH characters around the first evidence, … where cut. */
  excerpt: string;
  /** The transcript's own words that made the rules match (of the version that applies the code). */
  evidence: string[];
}

export interface EffectRow {
  /** The code's id in the new version (its old id if it was removed). */
  code: CodeId;
  label: string;
  status: 'kept' | 'added' | 'removed';
  /** No child codes in either version: its gains and losses are its own, not a roll-up. */
  leaf: boolean;
  before: number;
  after: number;
  gained: SegmentId[];
  lost: SegmentId[];
  /** Cohen's κ between the old and new coding of this code over every eligible segment; null when undefined. */
  kappa: number | null;
  excerpts: Excerpt[];
  notes: string[];
}

export const EXCERPT_WIDTH = 140;

export function codebookEffect(input: EffectInput): EffectRow[] {
  const { before, after, diff } = input;
  const map = (id: CodeId): CodeId => diff.mapping[id] ?? id;
  const oldChains = ancestry(before.codes);
  const newChains = ancestry(after.codes);
  const oldHits = rollUp(before.codes, input.old).segments;
  const newHits = rollUp(after.codes, input.new).segments;
  const oldBySegment = bySegment(input.old);
  const newBySegment = bySegment(input.new);
  const parents = new Set([...flattenCodes(before.codes), ...flattenCodes(after.codes)].flatMap((c) => (c.parent === null ? [] : [c.parent])));
  const rows: EffectRow[] = [];

  const row = (code: CodeId, oldId: CodeId | null, label: string, status: EffectRow['status']): EffectRow => {
    const was = oldId === null ? new Set<SegmentId>() : (oldHits.get(oldId) ?? new Set<SegmentId>());
    const now = status === 'removed' ? new Set<SegmentId>() : (newHits.get(code) ?? new Set<SegmentId>());
    const gained = [...now].filter((s) => !was.has(s)).sort(compareSegmentIds);
    const lost = [...was].filter((s) => !now.has(s)).sort(compareSegmentIds);
    const kappa = cohenKappaOf(input.eligible.map((s) => [was.has(s) ? '1' : '0', now.has(s) ? '1' : '0']));
    const excerpts = [
      ...gained.map((s) => excerptOf(s, 'gained', input.texts.get(s), evidenceIn(newBySegment.get(s), code, (c) => newChains.get(c) ?? [c]))),
      ...lost.map((s) => excerptOf(s, 'lost', input.texts.get(s), evidenceIn(oldBySegment.get(s), oldId ?? code, (c) => oldChains.get(c) ?? [c]))),
    ].sort((a, b) => compareSegmentIds(a.segment, b.segment));
    const notes = kappa.value === null && kappa.note ? [`kappa undefined: ${kappa.note}`] : [];
    const leaf = !parents.has(code) && (oldId === null || !parents.has(oldId));
    return { code, label, status, leaf, before: was.size, after: now.size, gained, lost, kappa: kappa.value, excerpts, notes };
  };

  const oldOf = new Map(Object.entries(diff.mapping).map(([o, n]) => [n, o]));
  for (const c of flattenCodes(after.codes)) {
    const oldId = oldOf.get(c.id) ?? null;
    rows.push(row(c.id, oldId, c.label, oldId === null ? 'added' : 'kept'));
  }
  const removed = new Set(diff.removed);
  for (const c of flattenCodes(before.codes)) if (removed.has(c.id)) rows.push(row(map(c.id), c.id, c.label, 'removed'));
  return rows;
}

function bySegment(codings: readonly Coding[]): Map<SegmentId, Coding[]> {
  const out = new Map<SegmentId, Coding[]>();
  for (const c of codings) {
    const list = out.get(c.segment);
    if (list) list.push(c);
    else out.set(c.segment, [c]);
  }
  return out;
}

/** The evidence, in document order, of the codings in a segment that count for `code` (itself or a descendant). */
function evidenceIn(codings: Coding[] | undefined, code: CodeId, chain: (c: CodeId) => CodeId[]): { start: number; end: number; text: string }[] {
  const spans = new Map<string, { start: number; end: number; text: string }>();
  for (const c of codings ?? []) {
    if (!chain(c.code).includes(code)) continue;
    for (const e of c.evidence) spans.set(`${e.start}:${e.end}`, { start: e.start, end: e.end, text: e.text ?? '' });
  }
  return [...spans.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

function excerptOf(segment: SegmentId, change: Excerpt['change'], seg: SegmentText | undefined, evidence: { start: number; end: number; text: string }[]): Excerpt {
  const words = [...new Set(evidence.map((e) => e.text).filter((t) => t !== ''))];
  if (!seg) return { segment, change, speaker: null, excerpt: '', evidence: words };
  return { segment, change, speaker: seg.speaker, excerpt: windowAround(seg, evidence[0]), evidence: words };
}

/** A window of the segment's text around the first evidence (or its start), on one line. */
function windowAround(seg: SegmentText, first: { start: number; end: number } | undefined): string {
  const oneLine = (cs: string[]): string => cs.join('').replace(/\s+/g, ' ').trim();
  const chars = Array.from(seg.text);
  if (chars.length <= EXCERPT_WIDTH) return oneLine(chars);
  const at = first ? Math.max(0, first.start - seg.start) : 0;
  const from = Math.max(0, Math.min(at - Math.floor(EXCERPT_WIDTH / 3), chars.length - EXCERPT_WIDTH));
  // Cut between words, not inside one, when a space is near.
  const start = from > 0 ? nearSpace(chars, from, 1) : 0;
  const end = from + EXCERPT_WIDTH < chars.length ? nearSpace(chars, from + EXCERPT_WIDTH, -1) : chars.length;
  return `${start > 0 ? '…' : ''}${oneLine(chars.slice(start, end))}${end < chars.length ? '…' : ''}`;
}

/** The nearest word boundary within a few characters of `at`, looking forward (1) or back (-1); else `at`. */
function nearSpace(chars: string[], at: number, step: 1 | -1): number {
  for (let i = at, n = 0; n < 16 && i > 0 && i < chars.length; i += step, n++) if (/\s/.test(chars[i]!)) return step === 1 ? i + 1 : i;
  return at;
}
