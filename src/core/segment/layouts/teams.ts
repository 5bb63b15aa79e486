// Microsoft Teams transcript (.docx, or its text): a header block (meeting title, date,
// duration, "… started transcription"), then `Name   0:03` above the words. Older Teams
// Word transcripts wrote each piece as a cue instead: `0:0:3.960 --> 0:0:8.120`, the
// speaker's name on the next line, then the words.

import type { Transcript } from '../../types.js';
import { nameTime } from './clock.js';
import { openSource, parseLines, type LayoutOptions, type LineReading, type SourceLine } from './source.js';

export const TEAMS_STARTED = /^.+ started transcription\.?$/i;
const TEAMS_STOPPED = /^.+ stopped transcription\.?$/i;
/** An older Teams cue line; its parts are not zero-padded (`0:0:3.960`). */
export const TEAMS_CUE = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,3}))?\s*-->\s*\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d{1,3})?$/;

/** `0:0:3.960` as the clock `0:00:03.960`, which parseClock reads. */
function paddedStart(m: RegExpExecArray): string {
  const [, h, min, sec, frac] = m;
  return `${h}:${(min as string).padStart(2, '0')}:${(sec as string).padStart(2, '0')}${frac ? `.${frac}` : ''}`;
}

export function parseTeams(raw: string, opts: LayoutOptions): Transcript {
  let nameNext = false;
  const read = (line: SourceLine): LineReading => {
    if (TEAMS_STARTED.test(line.text)) return { kind: 'unread', as: 'header' };
    if (TEAMS_STOPPED.test(line.text)) return { kind: 'unread', as: 'footer' };
    const cue = TEAMS_CUE.exec(line.text);
    if (cue) {
      nameNext = true;
      return { kind: 'time', start: paddedStart(cue) };
    }
    if (nameNext) {
      nameNext = false;
      return { kind: 'turn', speaker: line.text };
    }
    const head = nameTime(line.text);
    return head ? { kind: 'turn', speaker: head.name, start: head.start } : { kind: 'words' };
  };
  return parseLines(openSource(raw, opts), { layout: 'teams', beforeFirst: 'header', read }, opts);
}
