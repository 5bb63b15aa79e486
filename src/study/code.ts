// The codings of a study, one transcript at a time: a fresh coding pass, or saved or
// human codings laid on the same segments (the transcripts still say which segments
// were eligible, for the percentages, and give speakers, text and times).

import { flattenCodes, type Codebook } from '../core/codebook/model.js';
import { compareText, eligibleSegments, type CodedTranscript } from '../core/code/pass.js';
import { QcodeError } from '../core/errors.js';
import { codebookRef, type CodebookRef } from '../core/aggregate/freq.js';
import type { Coding, Segment, Transcript, Unit, Warning } from '../core/types.js';
import { readCodings, type SourcedCoding } from '../io/codings.js';
import { statOrNull } from '../io/file.js';
import { listInputs, type Inputs } from '../io/read.js';
import { SPILL_MEMORY_BYTES, SpilledList } from '../io/spill.js';
import { appendAll } from '../core/lists.js';
import { codeWithModel, passModel, type PassModel } from './learn.js';
import { codeInParallel, jobsFor } from './parallel.js';
import { openStudy, type Study } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';
import { readStudyTranscripts } from './transcripts.js';

export interface CodedStudy {
  /** Transcripts in id order, each with its codings in segment order, then code. */
  transcripts: CodedTranscript[];
  /** The coder whose codings these are (`auto` for a fresh pass). */
  coder: string;
}

/** Every transcript's codings, transcripts in id order. */
export async function codeStudy(study: Study, opts: StudyOptions, warnings: Warnings, hooks: RunHooks = {}): Promise<CodedStudy> {
  const coded: CodedTranscript[] = [];
  const { coder } = await forEachCoded(study, opts, warnings, hooks, (t) => coded.push(t));
  return { transcripts: coded.sort((a, b) => compareText(a.id, b.id)), coder };
}

/**
 * Hands each transcript's codings to `visit` as soon as it is coded (in no promised
 * order), so a report that only counts never holds the corpus: a fresh pass, on
 * worker threads when the corpus is large, or saved codings laid on the transcripts.
 * Without `evidence`, a fresh pass's codings carry none (nor a model's features).
 */
export async function forEachCoded(
  study: Study, opts: StudyOptions, warnings: Warnings, hooks: RunHooks, visit: (t: CodedTranscript) => void, evidence = true,
): Promise<{ coder: string }> {
  const book = study.codebook?.book;
  if (!study.codebook || !book) throw new QcodeError('no codebook: pass --codebook FILE, or run where a qcode.yaml names one');
  const saved = opts.codings ? await savedCodings(opts.codings, opts.coder, book, warnings) : undefined;
  const pass = { unit: study.unit, speakers: study.speakers };
  const model = saved ? null : await passModel(study, opts, warnings);
  if (saved && typeof opts.model === 'string') warnings.add({ file: opts.model, message: 'not used: --codings reports saved codings as they are, so --model has nothing to add to' });
  const listing = await listInputs(study.inputs);
  if (!saved && (await codeAcrossThreads(study, listing, opts.jobs, warnings, hooks, visit, model, evidence))) return { coder: 'auto' };
  for await (const t of readStudyTranscripts(study.inputs, study.reading, warnings, hooks, listing)) {
    if (!saved) visit(codeWithModel(study, model, t, undefined, evidence));
    else visit(laySavedCodings(t, eligibleSegments(t, pass.unit, pass.speakers), saved.byTranscript, warnings, pass.unit));
  }
  for (const [id, rows] of saved?.byTranscript ?? []) {
    warnings.add({ ...rows[0]!.place, message: `no transcript "${id}" among the inputs; its ${rows.length} codings are left out` });
  }
  return { coder: saved?.coder ?? 'auto' };
}

/** The pass on worker threads when the corpus is large enough (or --jobs asks); false to run here. */
async function codeAcrossThreads(
  study: Study, listing: Inputs, asked: number | undefined, warnings: Warnings, hooks: RunHooks, visit: (t: CodedTranscript) => void,
  model: PassModel | null, evidence: boolean,
): Promise<boolean> {
  if (asked === 1 || !study.codebook) return false;
  const jobs = jobsFor(asked, listing.files, (f) => statOrNull(f.path)?.size ?? 0);
  if (jobs <= 1) return false;
  // Each thread scores with its own copy of the model: its weights cross as plain data.
  const shared = model ? { learned: model.scoring.model, policy: model.policy } : undefined;
  await codeInParallel(study, listing, study.codebook, jobs, warnings, hooks, visit, shared, evidence);
  return true;
}

function laySavedCodings(t: Transcript, eligible: Segment[], byTranscript: Map<string, SourcedCoding[]>, warnings: Warnings, unit: Unit): CodedTranscript {
  const order = new Map(eligible.map((s, i) => [s.id, i]));
  const byId = new Map(eligible.map((s) => [s.id, s]));
  const codings: Coding[] = [];
  for (const c of byTranscript.get(t.id) ?? []) {
    const seg = byId.get(c.segment);
    if (!seg) {
      warnings.add({ ...c.place, message: `segment ${c.segment} is not an eligible ${unit} segment of ${t.id}; its coding is left out` });
      continue;
    }
    const { place: _place, ...coding } = c;
    const laid: Coding = { ...coding, speaker: c.speaker || seg.speaker, start: c.start ?? seg.start, end: c.end ?? seg.end };
    if (seg.time !== undefined) laid.time = seg.time;
    codings.push(laid);
  }
  byTranscript.delete(t.id);
  codings.sort((a, b) => order.get(a.segment)! - order.get(b.segment)! || compareText(a.code, b.code));
  return { id: t.id, source: t.source, attributes: t.attributes, eligible: eligible.map((s) => s.id), codings };
}

/**
 * A codings file, one coder's rows with a code, grouped by transcript. A code that is
 * not in the codebook (a typo, an older codebook) is named with its row and left out,
 * here as in every other command.
 */
async function savedCodings(path: string, coder: string | undefined, book: Codebook, warnings: Warnings) {
  const rows = await readCodings(path, coder !== undefined ? { coder } : {});
  const chosen = chooseCoder(rows, coder, path);
  const known = new Set(flattenCodes(book.codes).map((c) => c.id));
  const byTranscript = new Map<string, SourcedCoding[]>();
  for (const c of rows) {
    if (c.coder !== chosen || c.code === '') continue;
    if (!known.has(c.code)) {
      warnings.add(unknownCodeWarning(c, book));
      continue;
    }
    const list = byTranscript.get(c.transcript) ?? [];
    list.push(c);
    byTranscript.set(c.transcript, list);
  }
  return { coder: chosen, byTranscript };
}

/** One coder: the one asked for, or the file's only one. */
function chooseCoder(rows: SourcedCoding[], coder: string | undefined, path: string): string {
  const coders = [...new Set(rows.map((r) => r.coder))].sort(compareText);
  if (coder !== undefined) {
    if (coders.length === 0 || coders.includes(coder)) return coder;
    throw new QcodeError(`no coder "${coder}" in this codings file (coders: ${coders.join(', ')})`, { file: path });
  }
  if (coders.length <= 1) return coders[0] ?? '';
  throw new QcodeError(`this codings file holds ${coders.length} coders (${coders.join(', ')}): choose one with --coder NAME`, { file: path });
}

export function unknownCodeWarning(c: SourcedCoding, book: Codebook) {
  return { ...c.place, message: `code "${c.code}" is not in the codebook "${book.name}"; this coding is left out` };
}

export interface CodeResult {
  codebook: CodebookRef;
  unit: Unit;
  coder: string;
  /** Every coding, transcripts in id order, segments in order, then code. */
  codings: Coding[];
  reads: string[];
  warnings: Warning[];
}

/** `code`: the coded table of a fresh pass (or of saved codings laid on the transcripts). */
export async function runCode(opts: StudyOptions, hooks: RunHooks = {}): Promise<CodeResult> {
  const { codebook, unit, coder, transcripts, reads, warnings } = await streamCode(opts, hooks);
  const codings: Coding[] = [];
  for (const list of transcripts.inOrder()) appendAll(codings, list);
  transcripts.close();
  return { codebook, unit, coder, codings, reads, warnings };
}

/** What `code` found, for printing codings of a corpus of any size: see SpilledList. */
export interface StreamedCodings extends Omit<CodeResult, 'codings'> {
  /** Each transcript's codings (in segment order, then code), read back in transcript id order; closed by whoever prints them. */
  transcripts: SpilledList<Coding[]>;
  /** How many codings in all. */
  count: number;
  /** Whether any coding has a source time; whether a learned model scored any. */
  timed: boolean;
  scored: boolean;
}

/**
 * runCode for a corpus whose codings may not fit in memory: each transcript's codings are
 * kept aside as they are made (see SpilledList). `look` sees each transcript's codings
 * first (and may change them: the guard that masks identifiers does); `memoryBytes`: how
 * much may stay in memory before the rest goes to a temporary file.
 */
export async function streamCode(
  opts: StudyOptions, hooks: RunHooks = {}, look?: (codings: Coding[]) => void, memoryBytes = SPILL_MEMORY_BYTES,
): Promise<StreamedCodings> {
  const warnings = new Warnings(hooks.onWarning);
  const study = await openStudy(opts, 'required');
  const transcripts = new SpilledList<Coding[]>(memoryBytes);
  const seen = { count: 0, timed: false, scored: false };
  let coder: string;
  try {
    ({ coder } = await forEachCoded(study, opts, warnings, hooks, (t) => {
      look?.(t.codings);
      let bytes = 0;
      for (const c of t.codings) {
        bytes += CODING_BYTES;
        for (const e of c.evidence) bytes += e.text?.length ?? 0;
        if (c.time !== undefined) seen.timed = true;
        if (c.probability !== undefined) seen.scored = true;
      }
      seen.count += t.codings.length;
      transcripts.add(t.id, t.codings, bytes);
    }));
  } catch (e) {
    transcripts.close();
    throw e;
  }
  return { codebook: codebookRef(study.codebook!.book), unit: study.unit, coder, transcripts, ...seen, reads: study.reads, warnings: warnings.list };
}

/** About the memory a coding takes besides its evidence's words (its object, ids, speaker, offsets, features), measured: 1 KB. */
const CODING_BYTES = 1000;
