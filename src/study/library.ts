// Friendly entry points for scripts and notebooks: the pieces of a run, one at a time,
// for a researcher who wants the values rather than a printed report.

import { compileWithHints, type CompiledCodebook } from '../core/codebook/compile.js';
import type { Codebook, SpeakerScope } from '../core/codebook/model.js';
import { parseCodebook } from '../core/codebook/parse.js';
import { codeTranscript as codeOne, type CodedTranscript } from '../core/code/pass.js';
import { DEFAULT_INTERVIEWERS } from '../core/segment/roles.js';
import type { Transcript, Unit, Warning } from '../core/types.js';
import { loadCodebook as loadFromFile } from '../io/codebook-file.js';
import { parseTranscriptText } from '../io/read.js';
import type { ReadWorkbook } from '../io/sheet-xlsx.js';
import type { SheetModel } from '../core/sheet/layout.js';
import { Warnings } from './options.js';
import { readStudyTranscripts } from './transcripts.js';

export interface ReadTranscriptsOptions {
  /** Interviewer labels (default: I, INT, Interviewer, Q, Facilitator, Moderator). */
  interviewers?: string[];
  /** A case-attribute sheet laid over the transcripts' own attributes. */
  attributes?: string;
  /** Read every input as this format or tool layout instead of detecting it. */
  from?: string;
}

/** Every transcript in these files and folders, in id order, with the warnings raised reading them. */
export async function readTranscripts(inputs: string[], opts: ReadTranscriptsOptions = {}): Promise<{ transcripts: Transcript[]; warnings: Warning[] }> {
  const warnings = new Warnings();
  const reading = { interviewers: opts.interviewers ?? [...DEFAULT_INTERVIEWERS], ...(opts.attributes ? { attributes: opts.attributes } : {}), ...(opts.from ? { from: opts.from } : {}) };
  const transcripts: Transcript[] = [];
  for await (const t of readStudyTranscripts(inputs, reading, warnings)) transcripts.push(t);
  transcripts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { transcripts, warnings: warnings.list };
}

export interface ParseTranscriptOptions {
  /** The transcript id (default: `transcript`, or the front matter's `id:`). */
  id?: string;
  /** A format or tool layout (`txt`, `vtt`, `otter`, …); default: detected from the text. */
  format?: string;
  interviewers?: string[];
}

/** A transcript from a string, as if read from a file of that format. */
export function parseTranscript(text: string, opts: ParseTranscriptOptions = {}): Transcript {
  return parseTranscriptText(text, {
    id: opts.id ?? 'transcript',
    interviewers: opts.interviewers ?? [...DEFAULT_INTERVIEWERS],
    ...(opts.format ? { from: opts.format } : {}),
  });
}

/** A codebook from YAML or JSON text, validated, and compiled for its language's stemmer. */
export async function compileCodebook(source: string | Codebook, file = 'codebook.yaml'): Promise<CompiledCodebook> {
  const book = typeof source === 'string' ? parseCodebook(source, file) : source;
  return compileWithHints(book);
}

/** A codebook file (.yaml, .yml or .json), validated and compiled. */
export async function loadCodebook(path: string): Promise<CompiledCodebook> {
  return loadFromFile(path);
}

/** The coding pass over one transcript (defaults: the codebook's unit and speakers). */
export function codeTranscript(codebook: CompiledCodebook, transcript: Transcript, opts: { unit?: Unit; speakers?: SpeakerScope } = {}): CodedTranscript {
  return codeOne(codebook, transcript, { unit: opts.unit ?? codebook.book.unit, speakers: opts.speakers ?? codebook.book.speakers });
}

/** A coding workbook (.xlsx bytes) for a sheet model; exceljs is loaded on the first call. */
export async function sheetWorkbook(model: SheetModel): Promise<Buffer> {
  return (await import('../io/sheet-xlsx.js')).sheetWorkbook(model);
}

/** A coding workbook read back; exceljs is loaded on the first call. */
export async function readSheetWorkbook(path: string): Promise<ReadWorkbook> {
  return (await import('../io/sheet-xlsx.js')).readSheetWorkbook(path);
}
