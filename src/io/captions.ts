// Subtitle cues (WebVTT, SubRip) become turns: a cue's speaker comes from a voice
// tag or a `Name:` prefix; consecutive cues of one speaker, and cues naming no
// speaker, join the current turn with a space (SPEC §2.2).

import type { TurnInput } from '../core/segment/fromturns.js';
import { matchLabel } from '../core/segment/labels.js';
import { isInterviewer } from '../core/segment/roles.js';
import { QcodeError } from '../core/errors.js';
import type { Warning } from '../core/types.js';

export interface Cue {
  /** Cue text on one line: tags stripped, entities decoded, lines joined by a space. */
  text: string;
  /** The cue's start time as written. */
  start: string;
  /** 1-based line of the cue's first text line. */
  line: number;
  /** Speaker named by a voice tag, if any. */
  voice?: string;
}

/** Used for text before any cue names a speaker, so no words are lost. */
export const UNKNOWN_SPEAKER = 'Unknown';

/**
 * A `Name:` prefix names a speaker when the name is a voice-tag name or an interviewer
 * label, or starts at least two cues — the plain-text rule, so `He said: go` stays text.
 */
export function cuesToTurns(cues: Cue[], file: string, interviewers: readonly string[]): { turns: TurnInput[]; warnings: Warning[] } {
  const prefixes = cues.map((c) => (c.voice === undefined ? matchLabel(c.text) : null));
  const voices = new Set(cues.flatMap((c) => (c.voice === undefined ? [] : [c.voice])));
  const starts = new Map<string, number>();
  for (const p of prefixes) if (p) starts.set(p.label, (starts.get(p.label) ?? 0) + 1);
  const isSpeaker = (label: string): boolean =>
    voices.has(label) || isInterviewer(label, interviewers) || (starts.get(label) ?? 0) >= 2;

  const turns: TurnInput[] = [];
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
    const current = turns[turns.length - 1];
    if (current && (speaker === undefined || speaker === current.speaker)) {
      current.text = current.text === '' ? text : `${current.text} ${text}`;
      return;
    }
    if (speaker === undefined) {
      speaker = UNKNOWN_SPEAKER;
      if (!warnedUnknown) {
        warnings.push({ file, line: cue.line, col: 1, message: `cue text before any named speaker is attributed to "${UNKNOWN_SPEAKER}"` });
        warnedUnknown = true;
      }
    }
    turns.push({ speaker, text, start: cue.start, line: cue.line });
  });
  return { turns, warnings };
}

/** A subtitle file's non-blank line runs, with the 1-based line each starts on. */
export function blocksOf(text: string): { lines: string[]; line: number }[] {
  const blocks: { lines: string[]; line: number }[] = [];
  let current: { lines: string[]; line: number } | undefined;
  text.split('\n').forEach((l, i) => {
    if (l.trim() === '') {
      current = undefined;
      return;
    }
    if (!current) blocks.push((current = { lines: [], line: i + 1 }));
    current.lines.push(l);
  });
  return blocks;
}

/** Join a cue's text lines with a space, collapsing the blanks around them. */
export function joinCueLines(lines: string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ')
    .replace(/[ \t]{2,}/g, ' ');
}

// hh:mm:ss.mmm (hours optional in WebVTT), with `,` in SubRip; cue settings may follow.
const TIME = String.raw`(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}`;
const TIMING = new RegExp(`^\\s*(${TIME})\\s+-->\\s+(${TIME})(?:\\s.*)?$`);

/**
 * The cue's start time, or an error at the line: a timing line that doesn't parse
 * would otherwise drop or misplace the cue's words without anyone noticing.
 */
export function cueStart(line: string, file: string, lineNo: number): string {
  const m = TIMING.exec(line);
  if (!m) {
    throw new QcodeError(`malformed cue timing "${line.trim()}" (expected 00:00:01.000 --> 00:00:04.000)`, { file, line: lineNo, col: 1 });
  }
  return m[1] as string;
}
