import type { SpeakerScope } from '../codebook/model.js';
import type { CompiledCodebook, TokenLookup } from '../codebook/compile.js';
import { matchRead, NO_QUESTION, questionTerms, readText, type QuestionTerms, type RawEvidence } from '../codebook/match.js';
import { OffsetMap } from '../segment/offsets.js';
import { segmentQuestions } from '../segment/questions.js';
import { segmentTranscript } from '../segment/segment.js';
import type { Attributes, CodeId, Coding, Segment, SegmentId, Transcript, TranscriptId, Unit } from '../types.js';

export interface PassOptions {
  unit: Unit;
  speakers: SpeakerScope;
  /**
   * false: the codings carry no evidence (and a model's, no features), for a report that
   * only counts codes. The same codes either way; finding where is a good part of the pass.
   */
  evidence?: boolean;
}

/** One transcript after the pass: only what reports need, so memory grows with results. */
export interface CodedTranscript {
  id: TranscriptId;
  source: string;
  attributes: Attributes;
  /** Ids of the segments that were eligible for coding, in document order. */
  eligible: SegmentId[];
  codings: Coding[];
}

/** participants by default; `all`, or a list of labels, widens it. */
export function isEligible(segment: Segment, scope: SpeakerScope): boolean {
  if (scope === 'all') return true;
  if (scope === 'participant') return segment.role === 'participant';
  const label = segment.speaker.toLowerCase();
  return scope.some((s) => s.toLowerCase() === label);
}

export function eligibleSegments(t: Transcript, unit: Unit, scope: SpeakerScope): Segment[] {
  return segmentTranscript(t, unit).filter((s) => isEligible(s, scope));
}

/**
 * What a step after the rules may make of one segment's codings, given the tokens the
 * rules' pass read of the segment and of its question (null: it answers none): the
 * codings of record for the segment.
 */
export type SegmentStep = (seg: Segment, rules: Coding[], tokens: readonly TokenLookup[], question: readonly TokenLookup[] | null) => Coding[];

/**
 * The coding pass over one transcript: each eligible segment is tokenized and looked up
 * once. `segments`: its eligible segments, when the caller has them already; `then`: a
 * step every segment's codings go through (a learned model's merge).
 */
export function codeTranscript(
  cb: CompiledCodebook, t: Transcript, opts: PassOptions, segments: readonly Segment[] = eligibleSegments(t, opts.unit, opts.speakers),
  then?: SegmentStep,
): CodedTranscript {
  const codings: Coding[] = [];
  const questionOf = cb.hasPrompt || then ? questionsOf(cb, t) : null;
  for (const seg of segments) {
    const read = readText(cb, seg.text);
    const asked = questionOf?.(seg) ?? NOT_ASKED;
    const matches = matchRead(cb, read, asked.terms, opts.evidence !== false);
    const rules = matches.size === 0 ? [] : segmentCodings(t, seg, matches);
    codings.push(...(then ? then(seg, rules, read.words.entries, asked.tokens) : rules));
  }
  return { id: t.id, source: t.source, attributes: t.attributes, eligible: segments.map((s) => s.id), codings };
}

/** The rules' codings of one segment, in code order, with their evidence in code points. */
function segmentCodings(t: Transcript, seg: Segment, matches: Map<CodeId, RawEvidence[]>): Coding[] {
  const coder = 'auto';
  const out: Coding[] = [];
  // One map per segment (if any evidence): offsets become code points without re-reading the text.
  let offsets: OffsetMap | undefined;
  for (const code of [...matches.keys()].sort(compareText)) {
    const found = matches.get(code)!;
    if (found.length > 0) offsets ??= new OffsetMap(seg.text);
    const evidence = found.map((e) => ({
      start: seg.start + offsets!.toCodePoint(e.start),
      end: seg.start + offsets!.toCodePoint(e.end),
      term: e.term,
      text: ownCopy(seg.text.slice(e.start, e.end)),
    }));
    const coding: Coding = { transcript: t.id, segment: seg.id, speaker: seg.speaker, code, coder, start: seg.start, end: seg.end, evidence };
    if (seg.time !== undefined) coding.time = seg.time;
    out.push(coding);
  }
  return out;
}

/**
 * A string of its own, not a window on the text it was cut from. V8 makes a slice of 13
 * or more characters a view that keeps the whole text alive; evidence kept with a coding
 * would keep every coded file's text for as long as the report that holds the codings
 * (14 of 35 MB of heap after coding 10 MB for `qcode report`).
 */
function ownCopy(s: string): string {
  // The concatenation is flattened into a new string of the slice's length before slicing.
  return ` ${s}`.slice(1);
}

/** A segment's question as the pass read it: the `prompt` terms in it, and its tokens. */
interface Asked {
  terms: QuestionTerms;
  tokens: readonly TokenLookup[] | null;
}
const NOT_ASKED: Asked = { terms: NO_QUESTION, tokens: null };

/**
 * A segment's question (see segmentQuestions), read once however many segments answer it:
 * for `prompt` rules, and for the step after the rules.
 */
function questionsOf(cb: CompiledCodebook, t: Transcript): (seg: Segment) => Asked {
  const textOf = segmentQuestions(t);
  const found = new Map<string, Asked>();
  return (seg) => {
    const question = textOf(seg);
    if (question === null) return NOT_ASKED;
    let asked = found.get(question);
    if (!asked) {
      const read = readText(cb, question);
      asked = { terms: questionTerms(cb, read), tokens: read.words.entries };
      found.set(question, asked);
    }
    return asked;
  };
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
