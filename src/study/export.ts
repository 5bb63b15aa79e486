// `qcode export qdc|qdpx`: a codebook, or a whole coded study, in the REFI-QDA exchange
// format NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette import.

import { basename, extname } from 'node:path';
import { flattenCodes } from '../core/codebook/model.js';
import { QcodeError } from '../core/errors.js';
import { exportCodebook } from '../core/refi/codebook.js';
import { AUTO_CODER, exportProject } from '../core/refi/export-project.js';
import { segmentTranscript } from '../core/segment/segment.js';
import type { Coding, Transcript, Warning } from '../core/types.js';
import { readCodings } from '../io/codings.js';
import { writeCodebookXml, writeProjectXml } from '../io/refi/xml-write.js';
import { writeQdpx } from '../io/refi/zip.js';
import { VERSION } from '../version.js';
import { codeWithModel, passModel } from './learn.js';
import { openStudy } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';
import { readStudyTranscripts } from './transcripts.js';
import { appendAll } from '../core/lists.js';

export const ORIGIN = `qcode ${VERSION}`;

export interface ExportQdcResult {
  xml: string;
  codes: number;
  warnings: Warning[];
  reads: string[];
}

/** The study's codebook (or --codebook) as a .qdc file's text. */
export async function runExportQdc(opts: StudyOptions, hooks: RunHooks = {}): Promise<ExportQdcResult> {
  const warnings = new Warnings(hooks.onWarning);
  const study = await openStudy(opts, 'required', false);
  const book = study.codebook!.book;
  const { codebook, warnings: lost } = exportCodebook(book, ORIGIN);
  lost.forEach((w) => warnings.add(w));
  return { xml: writeCodebookXml(codebook), codes: flattenCodes(book.codes).length, warnings: warnings.list, reads: study.reads };
}

export interface ExportQdpxOptions extends StudyOptions {
  /** Codings CSVs to include (every coder in each). */
  codingFiles?: string[];
  /** Include the codebook's own coding pass as the coder `auto` (default true). */
  auto?: boolean;
}

export interface ExportQdpxResult {
  bytes: Uint8Array;
  transcripts: number;
  selections: number;
  coders: string[];
  warnings: Warning[];
  reads: string[];
}

/** The study as a .qdpx: transcripts as text sources, every coder's codings as selections. */
export async function runExportQdpx(opts: ExportQdpxOptions, hooks: RunHooks = {}): Promise<ExportQdpxResult> {
  const warnings = new Warnings(hooks.onWarning);
  const study = await openStudy(opts, 'required');
  const book = study.codebook!;
  const transcripts: Transcript[] = [];
  const codings: Coding[] = [];
  const auto = opts.auto ?? true;
  // The auto coding exported is the team's default: the rules, and the model the codebook names.
  const model = auto ? await passModel(study, {}, warnings) : null;
  for await (const t of readStudyTranscripts(study.inputs, study.reading, warnings, hooks)) {
    transcripts.push(t);
    if (auto) appendAll(codings, codeWithModel(study, model, t).codings);
  }
  const files = opts.codingFiles ?? [];
  for (const f of files) appendAll(codings, await humanCodings(f, transcripts, warnings));
  const name = study.config.name ?? (book.book.name || basename(study.codebookPath ?? 'qcode', extname(study.codebookPath ?? '')));
  const exported = exportProject({ name, origin: ORIGIN, book: book.book, transcripts, codings });
  exported.warnings.forEach((w) => warnings.add(w));
  const xml = writeProjectXml(exported.project);
  const selections = exported.project.sources.reduce((n, s) => n + s.selections.length, 0);
  const coders = exported.project.users.map((u) => u.name ?? '');
  if (!auto && files.length === 0) throw new QcodeError('nothing to export as codings: name codings files with --codings, or leave out --no-auto');
  return { bytes: writeQdpx(xml, exported.files), transcripts: transcripts.length, selections, coders, warnings: warnings.list, reads: [...study.reads, ...files] };
}

/** A codings file's rows with a code, each with a span: its own start/end, else its segment's. */
async function humanCodings(file: string, transcripts: Transcript[], warnings: Warnings): Promise<Coding[]> {
  const rows = await readCodings(file);
  const byId = new Map(transcripts.map((t) => [t.id, t]));
  const spans = new Map<string, Map<string, { start: number; end: number }>>();
  const spanOf = (t: Transcript, segment: string): { start: number; end: number } | undefined => {
    let m = spans.get(t.id);
    if (!m) {
      m = new Map();
      for (const u of ['turn', 'paragraph', 'sentence'] as const) for (const s of segmentTranscript(t, u)) m.set(s.id, s);
      spans.set(t.id, m);
    }
    return m.get(segment);
  };
  const out: Coding[] = [];
  let missing = 0;
  for (const { place, ...c } of rows) {
    if (c.code === '') continue;
    const t = byId.get(c.transcript);
    const seg = t ? spanOf(t, c.segment) : undefined;
    const start = c.start ?? seg?.start;
    const end = c.end ?? seg?.end;
    if (!t || start === undefined || end === undefined) {
      missing++;
      if (missing === 1) warnings.add({ ...place, message: `segment ${c.segment} is not in the transcripts read: its coding is not exported` });
      continue;
    }
    out.push({ ...c, start, end });
  }
  if (missing > 1) warnings.add({ file, message: `${missing} codings in all name segments that are not in the transcripts read and are not exported` });
  return out;
}

export { AUTO_CODER };
