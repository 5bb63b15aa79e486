// The readers' front door: inputs → files → transcripts with their case attributes.
// Attributes layer as: the transcript's own, then its folder's cases.csv, then the
// --attributes sheet, each overriding the one before.

import { QcodeError } from '../core/errors.js';
import type { Attributes, Format, Layout, Transcript, Warning } from '../core/types.js';
import { readAttributeSheet } from './attributes.js';
import { isNvivoHeader } from '../core/segment/layouts/detect.js';
import { TEXT_LAYOUTS, type TextLayout } from '../core/segment/layouts/index.js';
import { parseCsvTranscripts } from './csv.js';
import { listInputs, type InputFile, type Inputs } from './discover.js';
import { isZip, parseDocxBytes } from './docx.js';
import { decodeText, readBytes, statOrNull } from './file.js';
import { formatOf, FROM_NAMES, parseFrom, type From } from './names.js';
import { NotATranscriptError } from './errors.js';
import { parseJsonTranscripts } from './json.js';
import { parseSrt } from './srt.js';
import { parseTextTranscript, type TextReadOptions } from './text.js';
import { parseVtt, type VttLayout } from './vtt.js';

export { FROM_NAMES, listInputs, parseFrom, type InputFile, type Inputs };

export type ReadOptions = {
  interviewers: string[];
  /** The --attributes sheet path. */
  attributes?: string;
  /** Told about folder files skipped as not transcripts (readTranscripts only). */
  onWarning?: (w: Warning) => void;
  /** `--from`: the kind of file or the tool's layout, instead of recognising it (see FROM_NAMES). */
  from?: string;
};

/**
 * Sheets are read once per run even when a big corpus is read file by file: by path, with
 * the stamp that tells a changed sheet in a long-lived process, and, for a run that reads
 * every file with the same options, by those options, so that run does not stat the
 * sheet once per file (8,000 stats took a quarter of a second on a virtual disk).
 */
const sheetCache = new Map<string, { stamp: string; sheet: Promise<Map<string, Attributes>> }>();
const sheetsOfRun = new WeakMap<ReadOptions, Map<string, Promise<Map<string, Attributes>>>>();

function sheetFor(path: string, opts: ReadOptions): Promise<Map<string, Attributes>> {
  let run = sheetsOfRun.get(opts);
  if (!run) sheetsOfRun.set(opts, (run = new Map()));
  let sheet = run.get(path);
  if (!sheet) run.set(path, (sheet = cachedSheet(path)));
  return sheet;
}

async function cachedSheet(path: string): Promise<Map<string, Attributes>> {
  // A synchronous stat costs microseconds, an asynchronous one a thread-pool round trip.
  const info = statOrNull(path);
  const stamp = info ? `${info.mtimeMs}:${info.size}` : '';
  const hit = sheetCache.get(path);
  if (hit && hit.stamp === stamp && stamp !== '') return hit.sheet;
  const sheet = readAttributeSheet(path);
  sheetCache.set(path, { stamp, sheet });
  sheet.catch(() => sheetCache.delete(path));
  return sheet;
}

/** The ids of the run's attribute sheet (`--attributes`, or the config's), read once per run. */
export async function caseSheetIds(opts: ReadOptions): Promise<string[]> {
  return opts.attributes === undefined ? [] : [...(await sheetFor(opts.attributes, opts)).keys()];
}

/** The transcript with the sheet's row for its id laid over its own attributes. */
export function applyAttributes(t: Transcript, sheet: Map<string, Attributes>): Transcript {
  const row = sheet.get(t.id);
  return row ? { ...t, attributes: { ...t.attributes, ...row } } : t;
}

/** WebVTT says so on its first line, whatever the file is called. */
const looksLikeVtt = (text: string): boolean => /^WEBVTT(?:[ \t\n]|$)/.test(text);

/** SubRip: a cue number, then a `00:00:01,000 --> 00:00:04,000` timing line. */
function looksLikeSrt(text: string): boolean {
  const [first, second] = text.trimStart().split('\n', 2);
  const timing = /^\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/;
  return (first !== undefined && timing.test(first)) || (/^\d+$/.test(first?.trim() ?? '') && timing.test(second ?? ''));
}

/** Layouts whose kind of file is fixed: naming one names its reader. */
const FORMAT_OF_LAYOUT: Partial<Record<Layout, Format>> = { webvtt: 'vtt', zoom: 'vtt', youtube: 'vtt', srt: 'srt', json: 'json' };
const isTextLayout = (l: Layout | undefined): l is TextLayout => l !== undefined && (TEXT_LAYOUTS as readonly string[]).includes(l);

/** The kind of file, by its content first and its extension second (`--from` decides when given). */
function formatOfContent(file: Pick<InputFile, 'path' | 'format'>, text: string, layout: Layout | undefined): Format {
  const byLayout = layout ? FORMAT_OF_LAYOUT[layout] : undefined;
  if (byLayout) return byLayout;
  if (layout === 'table') return file.format === 'tsv' ? 'tsv' : 'csv';
  if (looksLikeVtt(text)) return 'vtt';
  if (isTextLayout(layout)) return file.format === 'md' || file.format === 'tsv' ? file.format : 'txt';
  if (looksLikeSrt(text)) return 'srt';
  return file.format;
}

async function parseFile(file: InputFile, opts: ReadOptions): Promise<Transcript[]> {
  const from = opts.from === undefined ? undefined : parseFrom(opts.from);
  const layout = from && 'layout' in from && isTextLayout(from.layout) ? from.layout : undefined;
  const bytes = await readBytes(file.path);
  const wantsDocx = from && 'format' in from ? from.format === 'docx' : file.format === 'docx' && !looksLikeText(bytes);
  if (isZip(bytes) || wantsDocx) return [await parseDocxBytes(bytes, file.path, opts.interviewers, layout)];
  return parseDecoded(decodeText(bytes, file.path), file, opts.interviewers, from);
}

/** `--from zoom` (or teams, youtube, webvtt) on captions: read them as that tool's. */
function isVttLayout(layout: Layout | undefined): layout is VttLayout {
  return layout === 'zoom' || layout === 'teams' || layout === 'youtube' || layout === 'webvtt';
}

/** Transcripts in a file's text, by `--from`, else by content, else by extension. */
function parseDecoded(text: string, file: Pick<InputFile, 'path' | 'format'>, interviewers: readonly string[], from: From | undefined, id?: string): Transcript[] {
  if (text.trim() === '') throw new NotATranscriptError('the file is empty', { file: file.path });
  const layout = from && 'layout' in from ? from.layout : undefined;
  const textLayout = isTextLayout(layout) ? layout : undefined;
  const format = from && 'format' in from ? from.format : formatOfContent(file, text, layout);
  const asText = (f: Format): Transcript => {
    const o: TextReadOptions = { source: file.path, format: f, interviewers };
    if (textLayout) o.layout = textLayout;
    if (id !== undefined) o.id = id;
    return parseTextTranscript(text, o);
  };
  switch (format) {
    case 'txt':
    case 'md':
      return [asText(format)];
    case 'docx':
      return [asText('txt')];
    case 'vtt':
      return [parseVtt(text, file.path, interviewers, isVttLayout(layout) ? { layout } : {})];
    case 'srt':
      return [parseSrt(text, file.path, interviewers)];
    case 'tsv':
    case 'csv':
      // NVivo's table is tab-separated text, whatever the extension says.
      if (textLayout || isNvivoHeader(text.split('\n', 1)[0] ?? '')) return [asText(format)];
      return parseCsvTranscripts(text, file.path, interviewers, format);
    case 'json':
      return parseJsonTranscripts(text, file.path, interviewers);
  }
}

/**
 * One transcript from a string, as if read from a file (no Word files: they are bytes).
 * `from` names the format or layout as `--from` does; by default it is recognised.
 */
export function parseTranscriptText(text: string, opts: { id: string; interviewers: readonly string[]; from?: string; source?: string }): Transcript {
  const from = opts.from === undefined ? undefined : parseFrom(opts.from);
  if (from && 'format' in from && from.format === 'docx') throw new QcodeError('a Word file is read from its bytes, not from text: pass its path instead');
  const source = opts.source ?? opts.id;
  const [first] = parseDecoded(text, { path: source, format: formatOf(source) ?? 'txt' }, opts.interviewers, from, opts.id);
  if (!first) throw new NotATranscriptError('no transcript in this text', { file: source });
  return first.id === opts.id || isTextFormat(first.format) ? first : { ...first, id: opts.id };
}

const isTextFormat = (f: Format): boolean => f === 'txt' || f === 'md' || f === 'tsv';

/** A .docx that is really text (a renamed export) is read as text, not refused. */
function looksLikeText(bytes: Uint8Array): boolean {
  return bytes.length > 0 && !bytes.subarray(0, 8192).includes(0);
}

/**
 * One file's transcripts, with attributes applied. A folder-found file that is not a
 * transcript yields none plus a warning; named explicitly it throws NotATranscriptError.
 */
export async function readInput(file: InputFile, opts: ReadOptions): Promise<{ transcripts: Transcript[]; warnings: Warning[] }> {
  let transcripts: Transcript[];
  try {
    transcripts = await parseFile(file, opts);
  } catch (e) {
    if (e instanceof NotATranscriptError && !file.explicit) {
      return { transcripts: [], warnings: [{ ...e.place, file: file.path, message: `skipped: ${e.message}` }] };
    }
    throw e;
  }
  // Notes and READMEs beside the transcripts are text files too; one with no speaker
  // turn is not an interview, and counting it would make "6 of 7" read "6 of 9".
  const prose = file.format === 'txt' || file.format === 'md' || file.format === 'docx';
  if (prose && !file.explicit && transcripts.every((t) => t.turns.length === 0)) {
    return { transcripts: [], warnings: [{ file: file.path, message: 'skipped: not a transcript (no speaker turns)' }] };
  }
  const sheets = [file.sheet, opts.attributes].filter((s): s is string => s !== undefined);
  for (const path of sheets) {
    const sheet = await sheetFor(path, opts);
    transcripts = transcripts.map((t) => applyAttributes(t, sheet));
  }
  return { transcripts, warnings: [] };
}

export async function readTranscripts(file: InputFile, opts: ReadOptions): Promise<Transcript[]> {
  const { transcripts, warnings } = await readInput(file, opts);
  for (const w of warnings) opts.onWarning?.(w);
  return transcripts;
}

