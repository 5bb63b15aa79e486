// SubRip (SPEC §2.2): numbered cues with `00:00:01,000 --> 00:00:04,000` timings;
// speakers only from a `Name:` prefix. Formatting tags (<i>, <font>, {\an8}) are dropped.

import { transcriptFromTurns } from '../core/segment/fromturns.js';
import { normaliseText } from '../core/segment/normalise.js';
import type { Transcript, Warning } from '../core/types.js';
import { blocksOf, cuesToTurns, cueStart, joinCueLines, type Cue } from './captions.js';
import { readTextFile } from './file.js';
import { idFromPath } from './names.js';

function cleanText(text: string): string {
  return text.replace(/<\/?[a-z][^>]*>/gi, '').replace(/\{\\[^}]*\}/g, '').replace(/[ \t]{2,}/g, ' ').trim();
}

export function parseSrt(raw: string, source: string, interviewers: readonly string[]): Transcript {
  const cues: (Cue & { lines: string[] })[] = [];
  const warnings: Warning[] = [];
  for (const block of blocksOf(normaliseText(raw))) {
    const timing = block.lines.findIndex((l) => l.includes('-->'));
    const previous = cues[cues.length - 1];
    if (timing < 0 || timing > 1) {
      // A blank line inside a cue's text splits it in two; keep the words with their cue.
      if (previous) {
        previous.lines.push(...block.lines);
        warnings.push({ file: source, line: block.line, col: 1, message: 'a block without a timing line is joined to the cue before it' });
      } else warnings.push({ file: source, line: block.line, col: 1, message: 'text before the first cue timing line is skipped' });
      continue;
    }
    const start = cueStart(block.lines[timing] as string, source, block.line + timing);
    cues.push({ text: '', start, line: block.line + timing + 1, lines: block.lines.slice(timing + 1) });
  }
  const clean: Cue[] = cues.map((c) => ({ text: cleanText(joinCueLines(c.lines)), start: c.start, line: c.line }));
  const { turns, warnings: more } = cuesToTurns(clean, source, interviewers);
  if (cues.length === 0) warnings.push({ file: source, message: 'no subtitle cues found ("00:00:01,000 --> 00:00:04,000" timing lines)' });
  return transcriptFromTurns(idFromPath(source), {}, turns, { source, format: 'srt', layout: 'srt', interviewers, warnings: [...warnings, ...more] });
}

export async function readSrtTranscript(path: string, interviewers: readonly string[]): Promise<Transcript> {
  return parseSrt(await readTextFile(path), path, interviewers);
}
