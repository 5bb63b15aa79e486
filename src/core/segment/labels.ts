// The speaker-line grammar, shared by plain text and by the `Name:`
// prefixes of subtitle cues.

/**
 * Optional timestamp (`[hh:mm:ss]`, `[mm:ss]`, bare `hh:mm:ss`, NVivo's `#hh:mm:ss#`;
 * fractions of a second tolerated), then LABEL, then a colon followed by a space or the
 * end of the line. A label is anything but a colon, at any length, starting with a
 * character that is not a blank: names such as `María Guadalupe Fernández de la Torre`,
 * `P1 (advocate)`, `Dana Reyes (she/her)` or a phone number `+1 415 555 0123`. Whether a label names a speaker is decided by
 * the reader (front matter, layout, or the "starts at least two lines" rule), never
 * by its length, so a participant's words are not folded into the turn before.
 */
const SPEAKER_LINE =
  /^[ \t]*(?:(\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\])[ \t]*|(#\d{1,2}:\d{2}:\d{2}(?:[.,-]\d+)?#)[ \t]*|(\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?)[ \t]+)?([^\s:][^:]*?)[ \t]*:(?=[ \t]|$)/u;

export interface LabelMatch {
  /** The label without surrounding spaces, as written. */
  label: string;
  /** The timestamp as written, without brackets or `#`. */
  timestamp?: string;
  /** UTF-16 index in the line where the utterance begins (after the colon and blanks). */
  textStart: number;
}

/** Parse `[ts] LABEL: text` at the start of one line (no newline inside), or null. */
export function matchLabel(line: string): LabelMatch | null {
  // Most lines of speech hold no colon at all; they need no regex.
  if (!line.includes(':')) return null;
  const m = SPEAKER_LINE.exec(line);
  if (!m) return null;
  const label = (m[4] as string).trim();
  let textStart = m[0].length;
  while (textStart < line.length && (line[textStart] === ' ' || line[textStart] === '\t')) textStart++;
  const raw = m[1] ?? m[2] ?? m[3];
  const result: LabelMatch = { label, textStart };
  if (raw !== undefined) result.timestamp = raw.replace(/^[[#]|[\]#]$/g, '');
  return result;
}
