// SubRip: numbered cues with `00:00:01,000 --> 00:00:04,000` timings; speakers only
// from a `Name:` prefix. Formatting tags (<i>, <font>, {\an8}) are dropped. A timing
// line, even a broken one, always starts a new cue, so its words never join the cue
// before it.

import { throwAll } from '../core/errors.js';
import { transcriptFromTurns } from '../core/segment/fromturns.js';
import { normaliseText } from '../core/segment/normalise.js';
import type { Transcript } from '../core/types.js';
import { cuesToTurns, joinCueLines, type Cue } from './captions.js';
import { lineOfCue, scanCues, type RawCue } from './cue-blocks.js';
import { readTextFile } from './file.js';
import { idFromPath } from './names.js';

function cleanText(text: string): string {
  return text
    .replace(/<\/?[a-z][^<>]*>/gi, '')
    .replace(/\{\\[^{}]*\}/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

function cueOf(c: RawCue): Cue {
  return { text: cleanText(joinCueLines(c.lines)), start: c.timing.start, time: c.timing.time, line: lineOfCue(c, 0) };
}

export function parseSrt(raw: string, source: string, interviewers: readonly string[]): Transcript {
  const lines = normaliseText(raw).split('\n');
  const scan = scanCues(lines, 0, source, { format: 'srt', isBlank: (l) => l.trim() === '' });
  throwAll(scan.errors);
  const { turns, warnings } = cuesToTurns(scan.cues.map(cueOf), source, interviewers);
  const all = scan.warnings.concat(warnings);
  if (scan.cues.length === 0) all.push({ file: source, message: 'no subtitle cues found ("00:00:01,000 --> 00:00:04,000" timing lines)' });
  return transcriptFromTurns(idFromPath(source), {}, turns, { source, format: 'srt', layout: 'srt', interviewers, warnings: all, unread: scan.unread });
}

export async function readSrtTranscript(path: string, interviewers: readonly string[]): Promise<Transcript> {
  return parseSrt(await readTextFile(path), path, interviewers);
}
