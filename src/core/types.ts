// The values that flow through qcode: read → segment → code → aggregate → render.
// Every offset is a count of Unicode code points into a transcript's document text,
// end exclusive. Internally JS strings are UTF-16, so conversion happens
// once, where segments are built (see core/segment/offsets.ts).

/** `P03:4`, `P03:4.p2`, `P03:4.s3`. */
export type SegmentId = string & { readonly __brand?: 'SegmentId' };
/** Dotted path in the codebook tree, `barrier.housing`. */
export type CodeId = string & { readonly __brand?: 'CodeId' };
export type TranscriptId = string;

export type Unit = 'turn' | 'paragraph' | 'sentence';
export const UNITS: readonly Unit[] = ['turn', 'paragraph', 'sentence'];

export type Role = 'interviewer' | 'participant';

/** The kind of file, from its content or extension. */
export type Format = 'txt' | 'md' | 'csv' | 'tsv' | 'vtt' | 'srt' | 'docx' | 'json';

/**
 * The tool whose export a file is, recognised by its content (`--from` overrides):
 * `plain` is qcode's own `LABEL: text` format; the rest are named after the tool.
 */
export type Layout =
  | 'plain' // LABEL: text lines (also MAXQDA/f4 and NVivo timestamps)
  | 'timecode' // labels or timecodes on their own line above the words
  | 'otter' // `Name  0:09` above the words, "Transcribed by otter.ai" footer
  | 'teams' // Teams text/docx (`Name   0:03` above the words) or Teams WebVTT
  | 'rev' // `Speaker 1 (00:09):` inline or on its own line
  | 'meet' // Google Meet text: title, Attendees, Transcript, bare time lines
  | 'nvivo' // NVivo's tab-separated transcript table
  | 'zoom' // Zoom cloud-recording WebVTT
  | 'youtube' // YouTube auto-captions (rolling cues)
  | 'webvtt' // WebVTT from anything else
  | 'srt' // SubRip
  | 'table' // CSV/TSV one row per turn
  | 'json'; // qcode's JSON transcript

export const LAYOUTS: readonly Layout[] = [
  'plain', 'timecode', 'otter', 'teams', 'rev', 'meet', 'nvivo', 'zoom', 'youtube', 'webvtt', 'srt', 'table', 'json',
];

/** Why a line of a file was not read as anybody's words. */
export type UnreadKind =
  | 'preamble' // text before the first speaker line
  | 'header' // an export's title, date, attendee or duration lines
  | 'footer' // "Transcribed by …", "Meeting ended after …"
  | 'note' // WebVTT NOTE/STYLE/REGION blocks, comments
  | 'repeat' // a rolling caption line already counted in the cue before
  | 'dropped'; // anything else that could not be read as a turn's words

/**
 * A line of the source that holds text but was not read as a turn's words. qcode never
 * drops words silently: every such line is counted and listed by `qcode ingest`.
 */
export interface UnreadLine {
  /** 1-based line in the source file (for .docx: in the extracted text). */
  line: number;
  kind: UnreadKind;
  text: string;
}

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
  /** Source time in seconds (from the timestamp), so a researcher can find it in the recording. */
  time?: number;
  /** 1-based line of the speaker label in the source, where the format has lines. */
  line?: number;
}

export interface Transcript {
  id: TranscriptId;
  /** The path it was read from, as given. */
  source: string;
  format: Format;
  /** Which tool's export the file was read as. */
  layout: Layout;
  /** The document text: the file with BOM dropped, CRLF/CR as LF, front matter removed. */
  text: string;
  attributes: Attributes;
  turns: Turn[];
  /** Text before the first speaker line (plain text only): kept, never coded. */
  preamble?: Span;
  /** Lines with text that were not read as anybody's words (preamble, header, footer…). */
  unread: UnreadLine[];
  /**
   * Labels taken as speakers only because each starts at least two lines (no `speakers:`
   * list said so): a guess the run reports once, so a researcher can make it certain.
   */
  guessedSpeakers?: string[];
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
  /** Source time in seconds of the segment's turn, when the file gives one. */
  time?: number;
  text: string;
}

/** A span of a segment that made a rule match. */
export interface Evidence {
  start: number;
  end: number;
  /** The codebook term as written (`nowhere to stay`, `homeless*`, a regex). */
  term: string;
  /** The transcript's own words at [start, end): what a researcher reads as the quote. */
  text?: string;
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
  /** Source time in seconds of the coded segment, when the transcript has one. */
  time?: number;
  evidence: Evidence[];
  /** A learned model's probability that the code applies (`--model`), rounded to 4 places. */
  probability?: number;
  /** The model's features that pushed that probability up most (`w:stem`, `b:stem stem`, `q:stem`). */
  features?: string[];
}
