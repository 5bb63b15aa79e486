// `import sheet`: filled-in coding sheets back to codings, one coder per file. Each
// sheet is checked on its own (its About record says what it was made from) and,
// where the study can be read, against the study as it is now.

import { extname } from 'node:path';
import { compareText, eligibleSegments } from '../core/code/pass.js';
import { flattenCodes } from '../core/codebook/model.js';
import { QcodeError } from '../core/errors.js';
import { studyDrift, type StudyNow } from '../core/sheet/about.js';
import { importSheet } from '../core/sheet/import.js';
import { textHash, type SheetAbout } from '../core/sheet/layout.js';
import type { Coding, SegmentId, Warning } from '../core/types.js';
import { idFromPath } from '../io/names.js';
import { readSheetCsv } from '../io/sheet-csv.js';
import { openStudy, type Study } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';
import { readStudyTranscripts } from './transcripts.js';
import { appendAll } from '../core/lists.js';

export interface ImportSheetOptions extends Omit<StudyOptions, 'codings'> {
  /** Filled-in sheets (.xlsx or .csv), one coder each. */
  files: string[];
}

export interface ImportSheetResult {
  /** Every coder's codings: transcript, segment order, code; coders in file order. */
  codings: Coding[];
  coders: string[];
  /** Coder → segment → memo. */
  memos: Map<string, Map<SegmentId, string>>;
  reads: string[];
  warnings: Warning[];
}

export async function runImportSheet(opts: ImportSheetOptions, hooks: RunHooks = {}): Promise<ImportSheetResult> {
  const warnings = new Warnings(hooks.onWarning);
  if (opts.files.length === 0) throw new QcodeError('name one or more filled-in sheets (.xlsx or .csv)');
  if (opts.coder !== undefined && opts.files.length > 1) {
    throw new QcodeError(`--coder names the coder of one sheet; with ${opts.files.length} sheets, each says its own coder (or is named after its file)`);
  }
  const sheets = await Promise.all(opts.files.map(readSheet));
  const now = await studyNow(opts, sheets.map((s) => s.about), warnings, hooks);
  const codings: Coding[] = [];
  const coders: string[] = [];
  const memos = new Map<string, Map<SegmentId, string>>();
  for (const s of sheets) {
    const coder = opts.coder ?? (s.about?.coder || idFromPath(s.file));
    if (coders.includes(coder)) throw new QcodeError(`coder "${coder}" has two sheets; each coder fills in one (rename one with --coder, one file at a time)`, { file: s.file });
    coders.push(coder);
    if (s.about) studyDrift(s.about, now.drift, s.file).forEach((w) => warnings.add(w));
    else if (extname(s.file).toLowerCase() !== '.csv') warnings.add({ file: s.file, message: 'this workbook has no About sheet (not made by qcode sheet, or it was deleted): rows and codes are checked against the study only' });
    const input = { file: s.file, grid: s.grid, coder, ...(s.about ? { about: s.about } : {}), ...(now.knownCodes ? { knownCodes: now.knownCodes } : {}), ...(now.texts ? { texts: now.texts } : {}) };
    const imported = importSheet(input);
    imported.warnings.forEach((w) => warnings.add(w));
    appendAll(codings, imported.codings);
    memos.set(coder, imported.memos);
  }
  return { codings, coders, memos, reads: [...opts.files, ...now.reads], warnings: warnings.list };
}

async function readSheet(file: string) {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return { file, grid: await readSheetCsv(file), about: null as SheetAbout | null };
  if (ext === '.xlsx' || ext === '.xlsm') {
    // exceljs is loaded only when a workbook is read: every other command would pay its start-up time.
    const { readSheetWorkbook } = await import('../io/sheet-xlsx.js');
    return { file, ...(await readSheetWorkbook(file)) };
  }
  throw new QcodeError('a coding sheet is an .xlsx workbook or a .csv file (save it from your spreadsheet program as one of these)', { file });
}

/**
 * The study as it is now, when there is one to compare with: the codebook (named or
 * from qcode.yaml) and the transcripts. Transcripts from qcode.yaml that share no id
 * with the sheets are another study's (a sheet of held-out interviews): not compared.
 */
async function studyNow(opts: ImportSheetOptions, abouts: (SheetAbout | null)[], warnings: Warnings, hooks: RunHooks) {
  const { files: _f, ...studyOpts } = opts;
  const study = await openStudy(studyOpts, 'optional', false);
  const drift: StudyNow = {};
  const book = study.codebook?.book;
  const knownCodes = book ? new Set(flattenCodes(book.codes).map((c) => c.id)) : undefined;
  if (book) drift.codebook = { name: book.name, version: book.version, sha256: book.sha256, codes: flattenCodes(book.codes).filter((c) => c.children.length === 0).map((c) => c.id) };
  if (opts.unit || study.config.unit) drift.unit = study.unit;
  if (study.inputs.length === 0) return { drift, knownCodes, texts: undefined, reads: study.reads };
  const unit = opts.unit ?? abouts.find((a) => a !== null)?.unit ?? study.unit;
  const transcripts = await readTranscriptsNow({ ...study, unit }, warnings, hooks);
  const named = new Set(abouts.flatMap((a) => a?.transcripts.map((t) => t.id) ?? []));
  const explicit = Boolean(opts.inputs && opts.inputs.length > 0);
  const overlap = [...transcripts.keys()].some((id) => named.has(id));
  if (explicit || overlap || abouts.some((a) => a === null)) drift.transcripts = transcripts;
  const texts = new Map<SegmentId, string>();
  for (const t of transcripts.values()) for (const [id, hash] of t.segments) texts.set(id, hash);
  return { drift, knownCodes, texts: drift.transcripts ? texts : undefined, reads: study.reads };
}

async function readTranscriptsNow(study: Study, warnings: Warnings, hooks: RunHooks): Promise<NonNullable<StudyNow['transcripts']>> {
  const out: NonNullable<StudyNow['transcripts']> = new Map();
  for await (const t of readStudyTranscripts(study.inputs, study.reading, warnings, hooks)) {
    const segments = new Map(eligibleSegments(t, study.unit, study.speakers).map((s) => [s.id, textHash(s.text)]));
    out.set(t.id, { sha256: textHash(t.text), segments });
  }
  return new Map([...out].sort((a, b) => compareText(a[0], b[0])));
}
