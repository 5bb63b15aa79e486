// WebVTT, read as the W3C parser reads it (signature, header, cue blocks, NOTE/STYLE/
// REGION blocks, cue ids and settings), with the exports of Zoom, Microsoft Teams and
// YouTube recognised by their content. Where a browser would silently drop a cue or a
// line, qcode keeps the words or lists the line as unread.

import { QcodeError, throwAll } from '../core/errors.js';
import { transcriptFromTurns } from '../core/segment/fromturns.js';
import { matchLabel } from '../core/segment/labels.js';
import { normaliseText } from '../core/segment/normalise.js';
import type { Layout, Transcript, UnreadLine, Warning } from '../core/types.js';
import { cuesToTurns, GUID_ID, joinCueLines, type Cue } from './captions.js';
import { lineOfCue, scanCues, type RawCue } from './cue-blocks.js';
import { isTimingLine } from './cue-timing.js';
import { readTextFile } from './file.js';
import { idFromPath } from './names.js';

export type VttLayout = Extract<Layout, 'zoom' | 'teams' | 'youtube' | 'webvtt'>;

export interface VttOptions {
  /** Read the file as this tool's export instead of recognising it by its content. */
  layout?: VttLayout;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
  hellip: '\u2026',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
};

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

// `<v Name>`, `<v.loud.first Name>`: the annotation after the blank is the speaker.
// No tag holds `<`, so an unclosed `<` is read as text and never scanned twice.
const VOICE = /<v(?:\.[^\s<>]*)?(?:[ \t\f]+([^<>]*))?>/g;
const TAG = /<[^<>]*>/g;

interface VoiceRun {
  voice?: string;
  text: string;
}

/** Split cue text at its voice tags: [speaker or undefined, text] runs. */
function voiceRuns(text: string): VoiceRun[] {
  if (!text.includes('<v')) return [{ text }];
  const runs: VoiceRun[] = [];
  let last = 0;
  let voice: string | undefined;
  const push = (end: number): void => {
    const piece = text.slice(last, end);
    if (voice !== undefined) runs.push({ voice, text: piece });
    else if (piece.trim() !== '') runs.push({ text: piece });
  };
  for (const m of text.matchAll(VOICE)) {
    push(m.index);
    const name = decodeEntities(m[1] ?? '').trim();
    voice = name === '' ? undefined : name;
    last = m.index + m[0].length;
  }
  push(text.length);
  return runs;
}

/** Cue text without tags or inline timestamps, entities decoded, blanks collapsed. */
export function cleanCueText(text: string): string {
  return decodeEntities(text.includes('<') ? text.replace(TAG, '') : text)
    .replace(/[ \t\f]{2,}/g, ' ')
    .trim();
}

const SIGNATURE = /^WEBVTT(?:[ \t]|$)/;
const NOTE_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;
/** YouTube's word timings: `word<00:00:01.000><c> next</c>`. */
const WORD_TIMING = /<\d+:\d{2}:\d{2}\.\d{3}><c>/;

function recogniseLayout(header: string[], cues: RawCue[]): VttLayout {
  const youtubeHeader = header.some((l) => l.startsWith('Kind:')) && header.some((l) => l.startsWith('Language:'));
  if (youtubeHeader || cues.some((c) => c.lines.some((l) => WORD_TIMING.test(l)))) return 'youtube';
  if (cues.some((c) => c.id !== undefined && GUID_ID.test(c.id))) return 'teams';
  const voiced = cues.some((c) => c.lines.some((l) => l.includes('<v')));
  const numbered = cues.filter((c) => c.id !== undefined && /^\s*\d+\s*$/.test(c.id)).length;
  const prefixed = cues.some((c) => c.lines[0] !== undefined && matchLabel(c.lines[0]) !== null);
  return !voiced && prefixed && cues.length > 0 && numbered * 2 >= cues.length ? 'zoom' : 'webvtt';
}

/**
 * Rolling captions show each line twice: first as it is spoken, then again above the
 * next line. The second showing is recorded as a `repeat`, so every word counts once;
 * a line that grows word by word keeps only its new words.
 */
function dropRollingRepeats(cues: RawCue[], unread: UnreadLine[]): void {
  let shown = new Set<string>();
  let last = '';
  for (const cue of cues) {
    const now = new Set<string>();
    const lines: string[] = [];
    const lineNos: number[] = [];
    cue.lines.forEach((raw, k) => {
      const clean = cleanCueText(raw);
      if (clean === '') return;
      now.add(clean);
      const line = lineOfCue(cue, k);
      if (shown.has(clean)) {
        unread.push({ line, kind: 'repeat', text: clean });
        return;
      }
      const grown = last !== '' && clean.startsWith(`${last} `) && shown.has(last);
      if (grown) unread.push({ line, kind: 'repeat', text: last });
      lines.push(grown ? clean.slice(last.length + 1) : raw);
      lineNos.push(line);
      last = clean;
    });
    if (now.size > 0) shown = now; // a blank cue between two rolling ones shows nothing new
    cue.lines = lines;
    cue.lineNos = lineNos;
  }
}

function cuesOf(raw: RawCue[]): Cue[] {
  const cues: Cue[] = [];
  for (const c of raw) {
    const line = lineOfCue(c, 0);
    for (const run of voiceRuns(joinCueLines(c.lines))) {
      const text = cleanCueText(run.text);
      if (text === '') continue;
      const cue: Cue = { text, start: c.timing.start, time: c.timing.time, line };
      if (run.voice !== undefined) cue.voice = run.voice;
      cues.push(cue);
    }
  }
  return cues;
}

/** The header: the signature line's own text and the lines up to the first blank (or timing) line. */
function readHeader(lines: string[], unread: UnreadLine[]): { header: string[]; next: number } {
  const first = (lines[0] as string).slice(6).trim();
  if (first !== '') unread.push({ line: 1, kind: 'header', text: (lines[0] as string).trim() });
  let i = 1;
  const header: string[] = [];
  while (i < lines.length && lines[i] !== '' && !isTimingLine(lines[i] as string)) {
    const text = (lines[i] as string).trim();
    header.push(text);
    if (text !== '') unread.push({ line: i + 1, kind: 'header', text });
    i++;
  }
  return { header, next: i };
}

export interface VttRead {
  layout: VttLayout;
  cues: Cue[];
  /** The cue blocks as found, before speakers are read (for tests and diagnostics). */
  blocks: RawCue[];
  unread: UnreadLine[];
  warnings: Warning[];
  errors: QcodeError[];
}

/** Read a WebVTT file's cues without raising: what `parseVtt` builds turns from. */
export function readVttCues(raw: string, source: string, options: VttOptions = {}): VttRead {
  const normal = normaliseText(raw);
  const text = normal.includes('\0') ? normal.replace(/\0/g, '\ufffd') : normal;
  const lines = text.split('\n');
  if (!SIGNATURE.test(lines[0] as string)) {
    throw new QcodeError('not a WebVTT file: the first line must be "WEBVTT"', { file: source, line: 1, col: 1 });
  }
  const unread: UnreadLine[] = [];
  const { header, next } = readHeader(lines, unread);
  const scan = scanCues(lines, next, source, { format: 'vtt', isBlank: (l) => l === '', isNoteBlock: (l) => NOTE_BLOCK.test(l) });
  const layout = options.layout ?? recogniseLayout(header, scan.cues);
  const repeats: UnreadLine[] = [];
  if (layout === 'youtube') dropRollingRepeats(scan.cues, repeats);
  // concat, not push(...): a hostile file may hold a million unread lines.
  const all = unread.concat(scan.unread, repeats).sort((a, b) => a.line - b.line);
  return { layout, cues: cuesOf(scan.cues), blocks: scan.cues, unread: all, warnings: scan.warnings, errors: scan.errors };
}

export function parseVtt(raw: string, source: string, interviewers: readonly string[], options: VttOptions = {}): Transcript {
  const read = readVttCues(raw, source, options);
  throwAll(read.errors);
  const { turns, warnings } = cuesToTurns(read.cues, source, interviewers, { everyPrefixIsSpeaker: read.layout === 'zoom' });
  const all = read.warnings.concat(warnings);
  if (read.cues.length === 0) all.push({ file: source, message: 'no cues with text found' });
  return transcriptFromTurns(idFromPath(source), {}, turns, { source, format: 'vtt', layout: read.layout, interviewers, warnings: all, unread: read.unread });
}

export async function readVttTranscript(path: string, interviewers: readonly string[], options: VttOptions = {}): Promise<Transcript> {
  return parseVtt(await readTextFile(path), path, interviewers, options);
}
