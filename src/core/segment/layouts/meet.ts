// Google Meet transcript (a Google Doc, saved as text or .docx): a title, `Attendees`
// and their names, `Transcript`, then `Name: words` lines, a bare `00:05:00` line every
// few minutes, and "Meeting ended after 00:12:31" at the end.

import type { Transcript } from '../../types.js';
import { matchLabel } from '../labels.js';
import { bareTime } from './clock.js';
import { openSource, parseLines, type LayoutOptions, type LineReading, type SourceLine } from './source.js';

export const MEET_ENDED = /^Meeting ended after \d/i;
export const MEET_TRANSCRIPT = /^transcript$/i;
const MEET_DISCLAIMER = /^This editable transcript was computer generated/i;

export function parseMeet(raw: string, opts: LayoutOptions): Transcript {
  const src = openSource(raw, opts);
  // Everything down to the `Transcript` heading is the header (title, attendees).
  const heading = src.lines.find((l) => MEET_TRANSCRIPT.test(l.text));
  const read = (line: SourceLine): LineReading => {
    if (heading && line.number <= heading.number) return { kind: 'unread', as: 'header' };
    if (MEET_DISCLAIMER.test(line.text)) return { kind: 'unread', as: 'header' };
    if (MEET_ENDED.test(line.text)) return { kind: 'unread', as: 'footer' };
    const time = bareTime(line.text);
    if (time !== undefined) return { kind: 'time', start: time };
    // Meet starts every line of speech with its speaker, so every label is one.
    const label = matchLabel(line.text);
    if (!label) return { kind: 'words' };
    const words = line.text.slice(label.textStart).trim();
    return { kind: 'turn', speaker: label.label, ...(label.timestamp ? { start: label.timestamp } : {}), ...(words ? { words } : {}) };
  };
  return parseLines(src, { layout: 'meet', beforeFirst: 'header', read }, opts);
}
