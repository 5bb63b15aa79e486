// The readers' front door: inputs → files → transcripts with their case attributes.
// Attributes layer as: the transcript's own, then its folder's cases.csv, then the
// --attributes sheet, each overriding the one before.

import { stat } from 'node:fs/promises';
import { QcodeError } from '../core/errors.js';
import type { Attributes, Transcript, Warning } from '../core/types.js';
import { readAttributeSheet } from './attributes.js';
import { readCsvTranscripts } from './csv.js';
import { listInputs, type InputFile, type Inputs } from './discover.js';
import { readDocxTranscript } from './docx.js';
import { NotATranscriptError } from './errors.js';
import { readJsonTranscripts } from './json.js';
import { readSrtTranscript } from './srt.js';
import { readTextTranscript } from './text.js';
import { readVttTranscript } from './vtt.js';

export { listInputs, type InputFile, type Inputs };

export type ReadOptions = {
  interviewers: string[];
  /** The --attributes sheet path. */
  attributes?: string;
  /** Told about folder files skipped as not transcripts (readTranscripts only). */
  onWarning?: (w: Warning) => void;
};

/** Sheets are read once per run even when a big corpus is read file by file. */
const sheetCache = new Map<string, { stamp: string; sheet: Promise<Map<string, Attributes>> }>();

async function cachedSheet(path: string): Promise<Map<string, Attributes>> {
  const info = await stat(path).catch(() => null);
  const stamp = info ? `${info.mtimeMs}:${info.size}` : '';
  const hit = sheetCache.get(path);
  if (hit && hit.stamp === stamp && stamp !== '') return hit.sheet;
  const sheet = readAttributeSheet(path);
  sheetCache.set(path, { stamp, sheet });
  sheet.catch(() => sheetCache.delete(path));
  return sheet;
}

/** The transcript with the sheet's row for its id laid over its own attributes. */
export function applyAttributes(t: Transcript, sheet: Map<string, Attributes>): Transcript {
  const row = sheet.get(t.id);
  return row ? { ...t, attributes: { ...t.attributes, ...row } } : t;
}

async function parseFile(file: InputFile, interviewers: string[]): Promise<Transcript[]> {
  switch (file.format) {
    case 'txt':
    case 'md':
      return [await readTextTranscript(file.path, file.format, interviewers)];
    case 'docx':
      return [await readDocxTranscript(file.path, interviewers)];
    case 'vtt':
      return [await readVttTranscript(file.path, interviewers)];
    case 'srt':
      return [await readSrtTranscript(file.path, interviewers)];
    case 'csv':
    case 'tsv':
      return readCsvTranscripts(file.path, interviewers);
    case 'json':
      return readJsonTranscripts(file.path, interviewers);
  }
}

/**
 * One file's transcripts, with attributes applied. A folder-found file that is not a
 * transcript yields none plus a warning; named explicitly it throws NotATranscriptError.
 */
export async function readInput(file: InputFile, opts: ReadOptions): Promise<{ transcripts: Transcript[]; warnings: Warning[] }> {
  let transcripts: Transcript[];
  try {
    transcripts = await parseFile(file, opts.interviewers);
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
    const sheet = await cachedSheet(path);
    transcripts = transcripts.map((t) => applyAttributes(t, sheet));
  }
  return { transcripts, warnings: [] };
}

export async function readTranscripts(file: InputFile, opts: ReadOptions): Promise<Transcript[]> {
  const { transcripts, warnings } = await readInput(file, opts);
  for (const w of warnings) opts.onWarning?.(w);
  return transcripts;
}

/**
 * Every transcript in the inputs, in input order. `warnings` are about the inputs
 * (skipped files, empty folders); each transcript keeps its own in `warnings`.
 */
export async function readAll(paths: string[], opts: ReadOptions): Promise<{ transcripts: Transcript[]; warnings: Warning[] }> {
  const inputs = await listInputs(paths);
  const warnings = [...inputs.warnings];
  const transcripts: Transcript[] = [];
  const sources = new Map<string, string>();
  for (const file of inputs.files) {
    const got = await readInput(file, opts);
    warnings.push(...got.warnings);
    for (const t of got.transcripts) {
      const other = sources.get(t.id);
      if (other !== undefined) {
        throw new QcodeError(`transcript id "${t.id}" is used twice: by ${other} and by ${t.source}`, { file: t.source });
      }
      sources.set(t.id, t.source);
      transcripts.push(t);
    }
  }
  return { transcripts, warnings };
}
