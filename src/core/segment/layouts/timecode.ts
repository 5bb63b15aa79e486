// Transcripts that put a timecode (`0:00:17`, `[00:00:44]`) or a speaker label
// (`SPEAKER 2:`) on a line of its own, with the words below.

import type { Transcript, Warning } from '../../types.js';
import { matchLabel } from '../labels.js';
import { speakerTest } from '../plaintext.js';
import { bareTime } from './clock.js';
import { openSource, parseLines, type LayoutOptions, type LineReading, type SourceLine } from './source.js';

export function parseTimecode(raw: string, opts: LayoutOptions): Transcript {
  const src = openSource(raw, opts);
  const file = opts.source;
  // A label alone on its line is a speaker; one in front of words follows the plain-text rule.
  const inline = src.lines.flatMap((l) => {
    const m = matchLabel(l.text);
    return m && m.textStart < l.text.length ? [m.label] : [];
  });
  const { isSpeaker, guessed } = speakerTest(inline, src.speakers, opts.interviewers);
  const warnings: Warning[] = [];
  const used = new Set<string>();
  const read = (line: SourceLine): LineReading => {
    const time = bareTime(line.text);
    if (time !== undefined) return { kind: 'time', start: time };
    const label = matchLabel(line.text);
    if (!label) return { kind: 'words' };
    const words = line.text.slice(label.textStart).trim();
    if (words !== '' && !isSpeaker(label.label)) {
      warnings.push({ file, line: line.number, col: 1, message: `"${label.label}:" starts only one line, so it is not taken as a speaker and this line is read as ordinary text` });
      return { kind: 'words' };
    }
    used.add(label.label);
    return { kind: 'turn', speaker: label.label, ...(label.timestamp ? { start: label.timestamp } : {}), ...(words ? { words } : {}) };
  };
  const t = parseLines(src, { layout: 'timecode', beforeFirst: 'preamble', read }, opts, warnings);
  const guesses = guessed.filter((g) => used.has(g));
  if (guesses.length > 0) t.guessedSpeakers = guesses;
  return t;
}
