// Subtitle cues (WebVTT, SubRip) become turns: a cue's speaker comes from a voice
// tag or a `Name:` prefix; consecutive cues of one speaker, and cues naming no
// speaker, join the current turn with a space.

import type { TurnInput } from '../core/segment/fromturns.js';
import { matchLabel } from '../core/segment/labels.js';
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
function speakerTest(cues: Cue[], prefixes: (ReturnType<typeof matchLabel> | null)[], interviewers: readonly string[], rules: CueSpeakerRules) {
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

export function cuesToTurns(
  cues: Cue[],
  file: string,
  interviewers: readonly string[],
  rules: CueSpeakerRules = {},
): { turns: TurnInput[]; warnings: Warning[] } {
  const prefixes = cues.map((c) => (c.voice === undefined ? matchLabel(c.text) : null));
  const isSpeaker = speakerTest(cues, prefixes, interviewers, rules);
  const open: OpenTurn[] = [];
  const warnings: Warning[] = [];
  let warnedUnknown = false;
  cues.forEach((cue, i) => {
    let speaker = cue.voice;
    let text = cue.text;
    const prefix = prefixes[i];
    if (prefix && isSpeaker(prefix.label)) {
      speaker = prefix.label;
      text = text.slice(prefix.textStart);
    } else if (prefix) {
      warnings.push({
        file,
        line: cue.line,
        col: 1,
        message: `"${prefix.label}:" starts only one cue, so it is not taken as a speaker and is read as ordinary text`,
      });
    }
    text = text.trim();
    if (text === '') return;
    const current = open[open.length - 1];
    if (current && (speaker === undefined || speaker === current.speaker)) {
      current.pieces.push(text);
      return;
    }
    if (speaker === undefined) {
      speaker = UNKNOWN_SPEAKER;
      if (!warnedUnknown) {
        warnings.push({ file, line: cue.line, col: 1, message: `cue text before any named speaker is attributed to "${UNKNOWN_SPEAKER}"` });
        warnedUnknown = true;
      }
    }
    open.push({ speaker, pieces: [text], start: cue.start, time: cue.time, line: cue.line });
  });
  const turns = open.map((t): TurnInput => ({ speaker: t.speaker, text: t.pieces.join(' '), start: t.start, time: t.time, line: t.line }));
  return { turns, warnings };
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
