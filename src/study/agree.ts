// Inter-coder reliability of a study: codings files (one per coder, or one with a coder
// column), optionally transcripts (which segments each coder reviewed, their speaker and
// text, and with `auto` the codebook's own pass as a coder), then the core's statistics.

import { stat } from 'node:fs/promises';
import { computeAgreement } from '../core/agree/agree.js';
import type { AgreeCoding, AgreeInput, AgreeOptions, AgreeReport, CodeDef, SegmentInfo } from '../core/agree/types.js';
import type { CompiledCodebook } from '../core/codebook/compile.js';
import { flattenCodes } from '../core/codebook/model.js';
import { eligibleSegments } from '../core/code/pass.js';
import { QcodeError } from '../core/errors.js';
import type { SegmentId, TranscriptId, Unit, Warning } from '../core/types.js';
import { looksLikeCodings, readCodings, type SourcedCoding } from '../io/codings.js';
import { unknownCodeWarning } from './code.js';
import { asAutoCoding, codeWithModel, passModel, type PassModel } from './learn.js';
import { openStudy, type Study } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';
import { readStudyTranscripts } from './transcripts.js';
import { VERSION } from '../version.js';

export interface AgreeRunOptions extends Omit<StudyOptions, 'inputs' | 'codings'> {
  /** Codings CSVs, then optional transcript files or folders. */
  inputs: string[];
  scheme?: AgreeOptions['scheme'];
  parent?: string;
  bootstrap?: number;
  seed?: number;
  minKappa?: number;
  minAlpha?: number;
  disagreements?: boolean;
  /** Compare the codebook's own coding pass (coder `auto`) with the one human coder. */
  auto?: boolean;
}

export interface AgreeResult {
  report: AgreeReport;
  /** A threshold (--min-kappa, --min-alpha) was not met. */
  failed: boolean;
  reads: string[];
  warnings: Warning[];
}

export async function runAgree(opts: AgreeRunOptions, hooks: RunHooks = {}): Promise<AgreeResult> {
  const warnings = new Warnings(hooks.onWarning);
  const { codingFiles, transcriptPaths } = await splitInputs(opts.inputs);
  const study = await openStudy({ ...opts, inputs: transcriptPaths }, opts.auto ? 'required' : 'optional', false);
  const explicitBook = Boolean(opts.codebook) || Boolean(opts.auto);
  const { codings, coders } = await readCoderFiles(codingFiles, opts.coder);
  const codes = reportedCodes(study.codebook, codings, explicitBook, warnings);
  const input: AgreeInput = { codings: codes ? knownCodings(codings, study.codebook!, warnings) : codings, coders };
  if (codes) input.codes = codes;
  const paths = transcriptPaths.length > 0 ? transcriptPaths : opts.auto ? study.inputs : [];
  if (opts.auto && paths.length === 0) throw new QcodeError('--auto needs transcripts: name files or folders, or list them in qcode.yaml');
  const model = opts.auto ? await passModel(study, opts, warnings) : null;
  const withTranscripts = paths.length > 0 ? await attachTranscripts(input, { ...study, inputs: paths }, Boolean(opts.auto), model, warnings, hooks) : { input };
  const report = computeAgreement(withTranscripts.input, agreeOptions(opts, withTranscripts.gold));
  return { report, failed: report.failures.length > 0, reads: [...codingFiles, ...study.reads, ...paths], warnings: warnings.list };
}

/**
 * Codings, in each file, of a transcript read on a segment it has no eligible segment
 * for — a typo'd id, an interviewer's turn, a coding made in another unit: they count in
 * no statistic, so each file's are named once, with where the first few are.
 */
export function codingsOutside(codings: readonly AgreeCoding[], eligible: ReadonlyMap<TranscriptId, SegmentId[]>, unit: Unit): Warning[] {
  const known = new Set<SegmentId>();
  for (const ids of eligible.values()) for (const id of ids) known.add(id);
  const byFile = new Map<string, AgreeCoding[]>();
  for (const c of codings) {
    if (c.segment === '' || known.has(c.segment) || !eligible.has(c.transcript)) continue;
    const file = c.place?.file ?? '';
    const list = byFile.get(file);
    if (list) list.push(c);
    else byFile.set(file, [c]);
  }
  return [...byFile].map(([file, list]) => {
    const first = list[0]!;
    const named = list.slice(0, 3).map((c) => `${c.segment}${c.place?.line !== undefined ? ` (line ${c.place.line})` : ''}`).join(', ');
    const what = list.length === 1 ? `a coding names segment ${first.segment}, which is` : `${list.length} codings name segments (${named}${list.length > 3 ? ', …' : ''}) that are`;
    return {
      ...(file !== '' ? { file } : {}), ...(first.place?.line !== undefined ? { line: first.place.line } : {}),
      message: `${what} not among the ${unit} segments read for coding (a typo, an interviewer's turn, another unit?): left out of every statistic`,
    };
  });
}

function agreeOptions(opts: AgreeRunOptions, gold: string | undefined): AgreeOptions {
  const o: AgreeOptions = { version: VERSION, bootstrap: opts.bootstrap ?? 1000 };
  if (opts.scheme) o.scheme = opts.scheme;
  if (opts.parent) o.parent = opts.parent;
  if (opts.seed !== undefined) o.seed = opts.seed;
  if (opts.minKappa !== undefined) o.minKappa = opts.minKappa;
  if (opts.minAlpha !== undefined) o.minAlpha = opts.minAlpha;
  if (opts.disagreements) o.disagreements = true;
  if (gold) o.auto = { coder: 'auto', gold };
  return o;
}

/** Codings CSVs (by their header) apart from transcript files and folders. */
async function splitInputs(inputs: string[]): Promise<{ codingFiles: string[]; transcriptPaths: string[] }> {
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
async function readCoderFiles(files: string[], coder: string | undefined): Promise<{ codings: SourcedCoding[]; coders: string[] }> {
  const codings: SourcedCoding[] = [];
  const coders: string[] = [];
  const byName = new Intl.Collator('en', { numeric: true }).compare;
  for (const f of files) {
    const rows = await readCodings(f, coder !== undefined ? { coder } : {});
    for (const c of [...new Set(rows.map((r) => r.coder))].sort(byName)) if (!coders.includes(c)) coders.push(c);
    for (const r of rows) codings.push(r);
  }
  return { codings, coders };
}

/**
 * The codes to report. A codebook named by qcode.yaml (not by --codebook) is the
 * study's: codings of other codes (a methods exercise, another project) are not
 * reported against it.
 */
function reportedCodes(codebook: CompiledCodebook | null, codings: SourcedCoding[], explicit: boolean, warnings: Warnings): CodeDef[] | undefined {
  if (!codebook) return undefined;
  const used = new Set(codings.map((c) => c.code).filter((c) => c !== ''));
  const codes = flattenCodes(codebook.book.codes);
  if (!explicit && !codes.some((c) => used.has(c.id))) {
    warnings.add({ file: codebook.book.source, message: 'not used: none of its codes appear in the codings (pass --codebook to report against it)' });
    return undefined;
  }
  return codes.map((c): CodeDef => ({ id: c.id, parent: c.parent, label: c.label }));
}

/** The one roll-up rule: a code the codebook does not have is named and left out. */
function knownCodings(codings: SourcedCoding[], codebook: CompiledCodebook, warnings: Warnings): SourcedCoding[] {
  const known = new Set(flattenCodes(codebook.book.codes).map((c) => c.id));
  return codings.map((c) => {
    if (c.code === '' || known.has(c.code)) return c;
    warnings.add(unknownCodeWarning(c, codebook.book));
    // The coder still reviewed the segment: it stays, as a reviewed row with no code.
    return { ...c, code: '' };
  });
}

/**
 * With transcripts: which segments each transcript makes eligible (so coders need
 * not write empty rows), their speaker and text (for disagreements), and with
 * `auto` the coding pass as a coder. Returns the input to compare and the human coder
 * `auto` is compared with.
 */
async function attachTranscripts(
  input: AgreeInput, study: Study, auto: boolean, model: PassModel | null, warnings: Warnings, hooks: RunHooks,
): Promise<{ input: AgreeInput; gold?: string }> {
  const eligible = new Map<TranscriptId, SegmentId[]>();
  // Speaker and text only of segments someone coded: coders can disagree on no other, and
  // the whole corpus's text is not kept to print a few disagreements.
  const segments = new Map<SegmentId, SegmentInfo>();
  const coded = new Set(input.codings.filter((c) => c.code !== '').map((c) => c.segment));
  const codings = [...input.codings];
  for await (const t of readStudyTranscripts(study.inputs, study.reading, warnings, hooks)) {
    const segs = eligibleSegments(t, study.unit, study.speakers);
    eligible.set(t.id, segs.map((s) => s.id));
    const byAuto = new Set<SegmentId>();
    if (auto && study.codebook) {
      // With a model, the coding of record (rules and model merged) is the one coder `auto`.
      for (const c of codeWithModel(study, model, t, segs).codings) {
        codings.push(asAutoCoding(c));
        byAuto.add(c.segment);
      }
    }
    for (const s of segs) if (coded.has(s.id) || byAuto.has(s.id)) segments.set(s.id, { transcript: t.id, speaker: s.speaker, text: s.text });
  }
  codingsOutside(input.codings, eligible, study.unit).forEach((w) => warnings.add(w));
  const out: AgreeInput = { ...input, codings, eligible, segments };
  if (!auto) return { input: out };
  const humans = (input.coders ?? []).filter((c) => c !== 'auto');
  if (humans.length !== 1) {
    throw new QcodeError(`--auto compares the coding pass with one human coder; the codings name ${humans.length === 0 ? 'none' : humans.join(', ')}`);
  }
  const gold = humans[0]!;
  return { input: { ...out, coders: [gold, 'auto'], fullCoverage: ['auto'] }, gold };
}
