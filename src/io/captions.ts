// Subtitle cues (WebVTT, SubRip) become turns: a cue's speaker comes from a voice
// tag or a `Name:` prefix; consecutive cues of one speaker, and cues naming no
// speaker, join the current turn with a space.

import type { TurnInput } from '../core/segment/fromturns.js';
import { matchLabel, type LabelMatch } from '../core/segment/labels.js';
import { isInterviewer } from '../core/segment/roles.js';
import type { Warning } from '../core/types.js';

export interface Cue {
  /** Cue text on one line: tags stripped, entities decoded, lines joined by a space. */
  text: string;
  /** The cue's start time as written. */
  start: string;
  /** The cue's start in seconds. */
  time: number;
  /** 1-based line of the cue's first text line. */
  line: number;
  /** Speaker named by a voice tag, if any. */
  voice?: string;
}

/** Used for text before any cue names a speaker, so no words are lost. */
export const UNKNOWN_SPEAKER = 'Unknown';

/** Zoom's name for a voice it could not put a name to: a speaker wherever it appears. */
const ZOOM_UNKNOWN = /^unknown speaker$/i;

export interface CueSpeakerRules {
  /** Every `Name:` prefix names a speaker (Zoom writes one on every cue). */
  everyPrefixIsSpeaker?: boolean;
}

/**
 * A `Name:` prefix names a speaker when the name is a voice-tag name or an interviewer
 * label, or starts at least two cues — the plain-text rule, so `He said: go` stays text.
 */
function speakerTest(cues: Cue[], prefixes: (LabelMatch | null)[], interviewers: readonly string[], rules: CueSpeakerRules) {
  const voices = new Set<string>();
  for (const c of cues) if (c.voice !== undefined) voices.add(c.voice);
  const starts = new Map<string, number>();
  for (const p of prefixes) if (p) starts.set(p.label, (starts.get(p.label) ?? 0) + 1);
  return (label: string): boolean =>
    rules.everyPrefixIsSpeaker === true ||
    ZOOM_UNKNOWN.test(label) ||
    voices.has(label) ||
    isInterviewer(label, interviewers) ||
    (starts.get(label) ?? 0) >= 2;
}

/** A turn being built: its pieces are joined once at the end, never re-concatenated. */
interface OpenTurn {
  speaker: string;
  pieces: string[];
  start: string;
  time: number;
  line: number;
}

/** Consecutive cues of one speaker, and cues naming none, go into one turn. */
class TurnBuilder {
  readonly open: OpenTurn[] = [];
  readonly warnings: Warning[] = [];
  private warnedUnknown = false;

  constructor(private readonly file: string) {}

  add(cue: Cue, speaker: string | undefined, text: string): void {
    const current = this.open[this.open.length - 1];
    if (current && (speaker === undefined || speaker === current.speaker)) {
      current.pieces.push(text);
      return;
    }
    if (speaker === undefined && !this.warnedUnknown) {
      this.warnings.push({ file: this.file, line: cue.line, col: 1, message: `cue text before any named speaker is attributed to "${UNKNOWN_SPEAKER}"` });
      this.warnedUnknown = true;
    }
    this.open.push({ speaker: speaker ?? UNKNOWN_SPEAKER, pieces: [text], start: cue.start, time: cue.time, line: cue.line });
  }

  turns(): TurnInput[] {
    return this.open.map((t) => ({ speaker: t.speaker, text: t.pieces.join(' '), start: t.start, time: t.time, line: t.line }));
  }
}

export function cuesToTurns(
  cues: Cue[],
  file: string,
  interviewers: readonly string[],
  rules: CueSpeakerRules = {},
): { turns: TurnInput[]; warnings: Warning[] } {
  const prefixes = cues.map((c) => (c.voice === undefined ? matchLabel(c.text) : null));
  const isSpeaker = speakerTest(cues, prefixes, interviewers, rules);
  const builder = new TurnBuilder(file);
  cues.forEach((cue, i) => {
    const prefix = prefixes[i];
    const named = prefix !== null && prefix !== undefined && isSpeaker(prefix.label);
    if (prefix && !named) {
      builder.warnings.push({
        file,
        line: cue.line,
        col: 1,
        message: `"${prefix.label}:" starts only one cue, so it is not taken as a speaker and is read as ordinary text`,
      });
    }
    const text = (named ? cue.text.slice(prefix.textStart) : cue.text).trim();
    if (text !== '') builder.add(cue, named ? prefix.label : cue.voice, text);
  });
  return { turns: builder.turns(), warnings: builder.warnings };
}

/** Join a cue's text lines with a space, collapsing the blanks around them. */
export function joinCueLines(lines: readonly string[]): string {
  const kept: string[] = [];
  for (const l of lines) {
    const t = l.trim();
    if (t !== '') kept.push(t);
  }
  return kept.join(' ').replace(/[ \t]{2,}/g, ' ');
}

/** A cue id a captioning tool writes on its own line: a number (Zoom, SubRip) or a GUID (Teams). */
export function isToolCueId(line: string): boolean {
  return /^\s*\d+\s*$/.test(line) || GUID_ID.test(line);
}

/** Teams cue ids: a GUID, optionally followed by `/n-m`. */
export const GUID_ID = /^\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\/\d+-\d+)?\s*$/i;
