// Microsoft Teams transcript (.docx, or its text): a header block (meeting title, date,
// duration, "… started transcription"), then `Name   0:03` above the words.

import type { Transcript } from '../../types.js';
import { parseNameTime } from './nametime.js';
import type { LayoutOptions } from './source.js';

export const TEAMS_STARTED = /^.+ started transcription\.?$/i;
const TEAMS_STOPPED = /^.+ stopped transcription\.?$/i;

export function parseTeams(raw: string, opts: LayoutOptions): Transcript {
  return parseNameTime(raw, opts, {
    layout: 'teams',
    beforeFirst: 'header',
    furniture: (line) => (TEAMS_STARTED.test(line) ? 'header' : TEAMS_STOPPED.test(line) ? 'footer' : undefined),
  });
}
