import { stat } from 'node:fs/promises';
import type { AgreeInput, CodeDef, SegmentInfo } from '../core/agree/types.js';
import type { CompiledCodebook } from '../core/codebook/compile.js';
import { flattenCodes } from '../core/codebook/model.js';
import { codeTranscript, eligibleSegments } from '../core/code/pass.js';
import { QcodeError } from '../core/errors.js';
import type { SegmentId, TranscriptId, Unit } from '../core/types.js';
import { looksLikeCodings, readCodings, type SourcedCoding } from '../io/codings.js';
import type { StudyConfig } from '../io/config.js';
import { readingOptions, readStudy } from './study.js';
import type { Ui } from './ui.js';

// The steps that turn `qcode agree`'s arguments into the core's AgreeInput.

/** Codings CSVs (by their header) apart from transcript files and folders. */
export async function splitInputs(inputs: string[]): Promise<{ codingFiles: string[]; transcriptPaths: string[] }> {
  const codingFiles: string[] = [];
  const transcriptPaths: string[] = [];
  for (const p of inputs) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new QcodeError('no such file or folder', { file: p });
    if (info.isFile() && (await looksLikeCodings(p))) codingFiles.push(p);
    else transcriptPaths.push(p);
  }
  if (codingFiles.length === 0) throw new QcodeError('no codings file: name one or more codings CSVs (columns segment,code[,coder])');
  return { codingFiles, transcriptPaths };
}

/** Every row of every file; coders in file order, within a file in natural name order. */
export async function readCoderFiles(files: string[], coder: string | undefined): Promise<{ codings: SourcedCoding[]; coders: string[] }> {
  const codings: SourcedCoding[] = [];
  const coders: string[] = [];
  const byName = new Intl.Collator('en', { numeric: true }).compare;
  for (const f of files) {
    const rows = await readCodings(f, coder !== undefined ? { coder } : {});
    for (const c of [...new Set(rows.map((r) => r.coder))].sort(byName)) if (!coders.includes(c)) coders.push(c);
    codings.push(...rows);
  }
  return { codings, coders };
}

/**
 * The codes to report. A codebook named by qcode.yaml (not by --codebook) is the
 * study's: codings of other codes (a methods exercise, another project) are not
 * reported against it.
 */
export function reportedCodes(
  codebook: CompiledCodebook | null, codings: SourcedCoding[], explicit: boolean, ui: Ui,
): CodeDef[] | undefined {
  if (!codebook) return undefined;
  const used = new Set(codings.map((c) => c.code).filter((c) => c !== ''));
  const codes = flattenCodes(codebook.book.codes);
  if (!explicit && !codes.some((c) => used.has(c.id))) {
    ui.warn({ file: codebook.book.source, message: 'not used: none of its codes appear in the codings (pass --codebook to report against it)' });
    return undefined;
  }
  return codes.map((c): CodeDef => ({ id: c.id, parent: c.parent, label: c.label }));
}

/**
 * With transcripts: which segments each transcript makes eligible (so coders need
 * not write empty rows), their speaker and text (for --disagreements), and with
 * --auto the coding pass as coder `auto`. Returns the human coder --auto compares.
 */
export async function attachTranscripts(
  input: AgreeInput & { codings: SourcedCoding[] },
  paths: string[],
  study: { codebook: CompiledCodebook | null; config: StudyConfig; unit?: Unit; attributes?: string; auto: boolean },
  ui: Ui,
): Promise<string | undefined> {
  const book = study.codebook?.book;
  const unit = study.unit ?? book?.unit ?? 'turn';
  const speakers = book?.speakers ?? 'participant';
  const eligible = new Map<TranscriptId, SegmentId[]>();
  const segments = new Map<SegmentId, SegmentInfo>();
  for await (const t of readStudy(paths, readingOptions(book, study.config, study), ui)) {
    const segs = eligibleSegments(t, unit, speakers);
    eligible.set(t.id, segs.map((s) => s.id));
    for (const s of segs) segments.set(s.id, { transcript: t.id, speaker: s.speaker, text: s.text });
    if (study.auto && study.codebook) {
      input.codings.push(...codeTranscript(study.codebook, t, { unit, speakers }).codings.map((c) => ({ ...c, place: {} })));
    }
  }
  input.eligible = eligible;
  input.segments = segments;
  if (!study.auto) return undefined;
  const humans = (input.coders ?? []).filter((c) => c !== 'auto');
  if (humans.length !== 1) {
    throw new QcodeError(`--auto compares the coding pass with one human coder; the codings name ${humans.length === 0 ? 'none' : humans.join(', ')}`);
  }
  const gold = humans[0]!;
  input.coders = [gold, 'auto'];
  input.fullCoverage = ['auto'];
  return gold;
}
