// The speaker-line grammar of SPEC §2.1, shared by plain text and by the `Name:`
// prefixes of subtitle cues.

/**
 * Optional timestamp (`[hh:mm:ss]`, `[mm:ss]`, bare `hh:mm:ss`; fractions of a second
 * tolerated), then LABEL = a letter and up to 31 letters, digits, space, `.`, `_`,
 * `'`, `-`, then a colon followed by a space or the end of the line.
 */
const SPEAKER_LINE =
  /^[ \t]*(?:(\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\])[ \t]*|(\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?)[ \t]+)?(\p{L}[\p{L}\p{N} ._'-]{0,31}):(?=[ \t]|$)/u;

export interface LabelMatch {
  /** The label without surrounding spaces, as written. */
  label: string;
  /** The timestamp as written, without brackets. */
  timestamp?: string;
  /** UTF-16 index in the line where the utterance begins (after the colon and blanks). */
  textStart: number;
}

/** Parse `[ts] LABEL: text` at the start of one line (no newline inside), or null. */
export function matchLabel(line: string): LabelMatch | null {
  const m = SPEAKER_LINE.exec(line);
  if (!m) return null;
  const label = (m[3] as string).trim();
  let textStart = m[0].length;
  while (textStart < line.length && (line[textStart] === ' ' || line[textStart] === '\t')) textStart++;
  const raw = m[1] ?? m[2];
  const result: LabelMatch = { label, textStart };
  if (raw !== undefined) result.timestamp = raw.replace(/^\[|\]$/g, '');
  return result;
}
