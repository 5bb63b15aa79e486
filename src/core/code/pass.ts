import type { SpeakerScope } from '../codebook/model.js';
import type { CompiledCodebook } from '../codebook/compile.js';
import { matchText, NO_QUESTION, questionTerms, type QuestionTerms } from '../codebook/match.js';
import { OffsetMap } from '../segment/offsets.js';
import { segmentQuestions } from '../segment/questions.js';
import { segmentTranscript } from '../segment/segment.js';
import type { Attributes, Coding, Segment, SegmentId, Transcript, TranscriptId, Unit } from '../types.js';

export interface PassOptions {
  unit: Unit;
  speakers: SpeakerScope;
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
 * The coding pass over one transcript: each eligible segment is tokenized and looked up
 * once. `segments`: its eligible segments, when the caller has them already.
 */
export function codeTranscript(
  cb: CompiledCodebook, t: Transcript, opts: PassOptions, segments: readonly Segment[] = eligibleSegments(t, opts.unit, opts.speakers),
): CodedTranscript {
  const coder = 'auto';
  const codings: Coding[] = [];
  const questionOf = cb.hasPrompt ? questionsOf(cb, t) : null;
  for (const seg of segments) {
    const matches = matchText(cb, seg.text, questionOf?.(seg) ?? NO_QUESTION);
    if (matches.size === 0) continue;
    const codes = [...matches.keys()].sort(compareText);
    // One map per segment: evidence offsets become code points without re-reading the text.
    const offsets = new OffsetMap(seg.text);
    for (const code of codes) {
      const evidence = matches.get(code)!.map((e) => ({
        start: seg.start + offsets.toCodePoint(e.start),
        end: seg.start + offsets.toCodePoint(e.end),
        term: e.term,
        text: seg.text.slice(e.start, e.end),
      }));
      const coding: Coding = { transcript: t.id, segment: seg.id, speaker: seg.speaker, code, coder, start: seg.start, end: seg.end, evidence };
      if (seg.time !== undefined) coding.time = seg.time;
      codings.push(coding);
    }
  }
  return { id: t.id, source: t.source, attributes: t.attributes, eligible: segments.map((s) => s.id), codings };
}

/**
 * A segment's question, for `prompt` rules (see segmentQuestions). Each question's terms
 * are found once, however many segments answer it.
 */
function questionsOf(cb: CompiledCodebook, t: Transcript): (seg: Segment) => QuestionTerms {
  const textOf = segmentQuestions(t);
  const found = new Map<string, QuestionTerms>();
  return (seg) => {
    const question = textOf(seg);
    if (question === null) return NO_QUESTION;
    let terms = found.get(question);
    if (!terms) {
      terms = questionTerms(cb, question);
      found.set(question, terms);
    }
    return terms;
  };
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
