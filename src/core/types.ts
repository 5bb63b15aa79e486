// The values that flow through qcode: read → segment → code → aggregate → render.
// Every offset is a count of Unicode code points into a transcript's document text
// (SPEC §2), end exclusive. Internally JS strings are UTF-16, so conversion happens
// once, where segments are built (see core/segment/offsets.ts).

/** `P03:4`, `P03:4.p2`, `P03:4.s3` (SPEC §3). */
export type SegmentId = string & { readonly __brand?: 'SegmentId' };
/** Dotted path in the codebook tree, `barrier.housing`. */
export type CodeId = string & { readonly __brand?: 'CodeId' };
export type TranscriptId = string;

export type Unit = 'turn' | 'paragraph' | 'sentence';
export const UNITS: readonly Unit[] = ['turn', 'paragraph', 'sentence'];

export type Role = 'interviewer' | 'participant';

export type Format = 'txt' | 'md' | 'csv' | 'vtt' | 'srt' | 'docx' | 'json';

export type AttributeValue = string | number | boolean | null;
export type Attributes = Record<string, AttributeValue>;

/** A place in an input file; line and col are 1-based. */
export interface Place {
  file?: string;
  line?: number;
  col?: number;
}

/** Something a researcher should know about an input that did not stop the run. */
export interface Warning extends Place {
  message: string;
}

/** A half-open span [start, end) of code points into the document text. */
export interface Span {
  start: number;
  end: number;
}

export interface Turn {
  /** 1-based, counting every speaker's turns. */
  index: number;
  speaker: string;
  role: Role;
  /** The utterance without its label, trimmed. */
  span: Span;
  /** Paragraph spans inside the turn, in order (at least one unless the turn is empty). */
  paragraphs: Span[];
  /** Timestamp as written (`00:12:31`) or from a cue/`start` field, if any. */
  timestamp?: string;
  /** 1-based line of the speaker label in the source, where the format has lines. */
  line?: number;
}

export interface Transcript {
  id: TranscriptId;
  /** The path it was read from, as given. */
  source: string;
  format: Format;
  /** SPEC §2: normalised text, front matter removed. */
  text: string;
  attributes: Attributes;
  turns: Turn[];
  /** Text before the first speaker line (plain text only): kept, never coded. */
  preamble?: Span;
  warnings: Warning[];
}

export interface Segment {
  id: SegmentId;
  transcript: TranscriptId;
  /** 1-based turn index the segment belongs to. */
  turn: number;
  unit: Unit;
  speaker: string;
  role: Role;
  start: number;
  end: number;
  text: string;
}

/** A span of a segment that made a rule match. */
export interface Evidence {
  start: number;
  end: number;
  /** The codebook term as written (`nowhere to stay`, `homeless*`, a regex). */
  term: string;
}

export interface Coding {
  transcript: TranscriptId;
  segment: SegmentId;
  speaker: string;
  code: CodeId;
  coder: string;
  /** The coded segment's span (human codings may give a narrower one). */
  start: number | null;
  end: number | null;
  evidence: Evidence[];
}
