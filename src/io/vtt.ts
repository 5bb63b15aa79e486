// WebVTT (SPEC §2.2): header, NOTE/STYLE/REGION blocks, cue ids and settings are
// skipped; voice tags name speakers; other markup and inline timestamps are dropped.

import { QcodeError } from '../core/errors.js';
import { transcriptFromTurns } from '../core/segment/fromturns.js';
import { normaliseText } from '../core/segment/normalise.js';
import type { Transcript, Warning } from '../core/types.js';
import { blocksOf, cuesToTurns, cueStart, joinCueLines, type Cue } from './captions.js';
import { readTextFile } from './file.js';
import { idFromPath } from './names.js';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

const VOICE = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/g;

/** Split cue text at its voice tags: [speaker or undefined, text] runs. */
function voiceRuns(text: string): { voice?: string; text: string }[] {
  const runs: { voice?: string; text: string }[] = [];
  let last = 0;
  let voice: string | undefined;
  for (const m of text.matchAll(VOICE)) {
    if (m.index > last || voice !== undefined) runs.push(voice === undefined ? { text: text.slice(last, m.index) } : { voice, text: text.slice(last, m.index) });
    const name = decodeEntities(m[1] ?? '').trim();
    voice = name === '' ? undefined : name;
    last = m.index + m[0].length;
  }
  runs.push(voice === undefined ? { text: text.slice(last) } : { voice, text: text.slice(last) });
  return runs;
}

function cleanText(text: string): string {
  return decodeEntities(text.replace(/<[^>]*>/g, '')).replace(/[ \t]{2,}/g, ' ').trim();
}

export function parseVtt(raw: string, source: string, interviewers: readonly string[]): Transcript {
  const text = normaliseText(raw);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(text.split('\n', 1)[0] ?? '')) {
    throw new QcodeError('not a WebVTT file: the first line must be "WEBVTT"', { file: source, line: 1, col: 1 });
  }
  const cues: Cue[] = [];
  const warnings: Warning[] = [];
  blocksOf(text).forEach((block, b) => {
    if (b === 0) return; // the WEBVTT header and its metadata lines
    const first = block.lines[0] as string;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) return;
    const timing = block.lines.findIndex((l) => l.includes('-->'));
    if (timing < 0 || timing > 1) {
      warnings.push({ file: source, line: block.line, col: 1, message: 'a block without a cue timing line ("00:00:01.000 --> 00:00:04.000") is skipped' });
      return;
    }
    const start = cueStart(block.lines[timing] as string, source, block.line + timing);
    const payload = block.lines.slice(timing + 1);
    const line = block.line + timing + 1;
    for (const run of voiceRuns(joinCueLines(payload))) {
      const cueText = cleanText(run.text);
      if (cueText === '') continue;
      cues.push(run.voice === undefined ? { text: cueText, start, line } : { text: cueText, start, line, voice: run.voice });
    }
  });
  const { turns, warnings: more } = cuesToTurns(cues, source, interviewers);
  if (cues.length === 0) warnings.push({ file: source, message: 'no cues with text found' });
  return transcriptFromTurns(idFromPath(source), {}, turns, { source, format: 'vtt', layout: 'webvtt', interviewers, warnings: [...warnings, ...more] });
}

export async function readVttTranscript(path: string, interviewers: readonly string[]): Promise<Transcript> {
  return parseVtt(await readTextFile(path), path, interviewers);
}
