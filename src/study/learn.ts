// `learn`: a model per leaf code from human codings laid on the transcripts' segments
// and the codebook's examples, with what it buys measured by cross-validation; and the
// model step of a coding pass (`--model`, or the model a codebook names).

import { dirname, isAbsolute, join } from 'node:path';
import type { CompiledCodebook } from '../core/codebook/compile.js';
import { flattenCodes } from '../core/codebook/model.js';
import { codeTranscript, compareText, eligibleSegments, type CodedTranscript } from '../core/code/pass.js';
import { QcodeError } from '../core/errors.js';
import { codeAndMerge, DEFAULT_MERGE, type MergePolicy, type ModelStep } from '../core/learn/apply.js';
import { scoringOf } from './code-file.js';
import { crossValidate, type Evaluation, type JudgedSegment } from '../core/learn/evaluate.js';
import { canonicalJson, type LearnedModel } from '../core/learn/model.js';
import { segmentQuestions } from '../core/segment/questions.js';
import { DEFAULT_LEARN, learnModel, type LearnOptions } from '../core/learn/train.js';
import type { WordGroups } from '../core/learn/groups.js';
import { makeWordGroups } from './word-groups.js';
import type { CodeId, Segment, Transcript, Warning } from '../core/types.js';
import { looksLikeCodings, readCodings, type SourcedCoding } from '../io/codings.js';
import { readModel } from '../io/learn-model.js';
import { unknownCodeWarning } from './code.js';
import { openStudy, type Study } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';
import { readStudyTranscripts } from './transcripts.js';
import { appendAll } from '../core/lists.js';

/** A model as a coding pass uses it: scoring tables, the merge policy, the file it came from. */
export interface PassModel extends ModelStep {
  path: string;
}

/**
 * The model a run codes with: `--model FILE`, else the one the codebook names (its path
 * relative to the codebook's folder), else none. Its path joins the run's reads.
 */
export async function passModel(study: Study, opts: Pick<StudyOptions, 'model' | 'merge'>, warnings: Warnings): Promise<PassModel | null> {
  const cb = study.codebook;
  if (!cb) return null;
  const named = cb.book.model !== undefined ? (isAbsolute(cb.book.model) ? cb.book.model : join(dirname(cb.book.source), cb.book.model)) : undefined;
  // --no-model: the rules alone, whatever the codebook names.
  const path = opts.model === false ? undefined : (opts.model ?? named);
  if (path === undefined) {
    if (opts.merge !== undefined && opts.merge !== 'rules') throw new QcodeError(`--merge ${opts.merge} needs a model: pass --model FILE (written by qcode learn --out), or name one in the codebook (model: FILE)`);
    return null;
  }
  const model = await readModel(path);
  checkModelFits(model, cb, path, warnings);
  if (model.unit !== study.unit) {
    warnings.add({ file: path, message: `this model learned from ${model.unit} segments; coding ${study.unit} segments with it, its probabilities are less sure than learn reported` });
  }
  if (!study.reads.includes(path)) study.reads.push(path);
  // --merge, else the policy the codebook gives with the model it names.
  const policy = opts.merge ?? (opts.model === undefined ? cb.book.merge : undefined) ?? DEFAULT_MERGE;
  return { scoring: scoringOf(model, cb.stem), policy, path };
}

function checkModelFits(model: LearnedModel, cb: CompiledCodebook, path: string, warnings: Warnings): void {
  if (model.language !== cb.book.language) {
    throw new QcodeError(`this model was learned for language "${model.language}", the codebook's is "${cb.book.language}"`, { file: path });
  }
  const known = new Set(flattenCodes(cb.book.codes).map((c) => c.id));
  const stray = Object.keys(model.codes).filter((c) => !known.has(c)).sort(compareText);
  for (const code of stray) {
    warnings.add({ file: path, message: `the model has code "${code}", which is not in the codebook "${cb.book.name}"; its opinions are left out` });
    delete model.codes[code];
  }
}

/**
 * A coding as the coder of record: compared with a human coder, the rules' and the
 * model's codings are one coder, `auto` (as `agree --auto` and `check` compare them).
 */
export function asAutoCoding<C extends { coder: string }>(c: C): C {
  return c.coder === 'auto' ? c : { ...c, coder: 'auto' };
}

/**
 * The rules' pass, then the model step when there is a model: the coding of record.
 * `segments`: the transcript's eligible segments, when the caller has them already.
 */
export function codeWithModel(
  study: Study, m: PassModel | null, t: Transcript, segments: readonly Segment[] = eligibleSegments(t, study.unit, study.speakers), evidence = true,
): CodedTranscript {
  return codeAndMerge(study.codebook!, t, { unit: study.unit, speakers: study.speakers, evidence }, segments, m);
}

export interface LearnRunOptions extends Omit<StudyOptions, 'codings' | 'model' | 'merge'> {
  /** Human codings CSVs (one coder each, or `coder` to choose). */
  codings: string[];
  /** Folds of the cross-validation (by transcript); 0 skips it. */
  folds?: number;
  /** Weights kept per code. */
  top?: number;
  /** The policy of the per-code merge column. */
  merge?: MergePolicy;
  /** What the thresholds' calibration folds hold: transcripts, or whole codings files. */
  calibrateBy?: LearnOptions['calibrateBy'];
  /** Word groups read as features: how many (0: none), from the commonest `groupWords` words of `vectors`. */
  groups?: number;
  groupWords?: number;
  vectors?: string;
  /** Word groups already made (a library caller learning many models makes them once). */
  wordGroups?: WordGroups;
}

export interface LearnResult {
  model: LearnedModel;
  /** The model file's bytes: the same for the same inputs. */
  modelText: string;
  evaluation: Evaluation;
  reads: string[];
  warnings: Warning[];
}

export const DEFAULT_FOLDS = 5;
export const DEFAULT_REPORTED_MERGE: MergePolicy = 'vote';

export async function runLearn(opts: LearnRunOptions, hooks: RunHooks = {}): Promise<LearnResult> {
  if (opts.codings.length === 0) throw new QcodeError('learn needs human codings: --codings FILE (a codings CSV; several may be given)');
  const warnings = new Warnings(hooks.onWarning);
  const { codings: _codings, merge: _merge, ...reading } = opts;
  const study = await openStudy(reading, 'required');
  const cb = study.codebook!;
  const byTranscript = await humanCodings(opts.codings, opts.coder, cb, warnings);
  const segments: JudgedSegment[] = [];
  for await (const t of readStudyTranscripts(study.inputs, study.reading, warnings, hooks)) {
    const rows = byTranscript.get(t.id);
    if (!rows) {
      warnings.add({ file: t.source, message: `no human codings for transcript "${t.id}"; it is not learned from` });
      continue;
    }
    byTranscript.delete(t.id);
    appendAll(segments, judgedSegments(study, t, rows, warnings));
  }
  for (const [id, rows] of byTranscript) {
    warnings.add({ ...rows[0]!.place, message: `no transcript "${id}" among the inputs; its ${rows.length} codings are not learned from` });
  }
  if (segments.length === 0) throw new QcodeError('nothing to learn from: no transcript among the inputs has human codings');
  const made = !opts.wordGroups && opts.groups ? await makeWordGroups({ groups: opts.groups, ...(opts.groupWords ? { words: opts.groupWords } : {}), ...(opts.vectors ? { vectors: opts.vectors } : {}) }) : null;
  const groups = opts.wordGroups ?? made?.groups;
  const learn: LearnOptions = {
    ...DEFAULT_LEARN, unit: study.unit, ...(opts.top !== undefined ? { top: opts.top } : {}), ...(opts.calibrateBy ? { calibrateBy: opts.calibrateBy } : {}),
    ...(groups ? { groups } : {}),
  };
  const model = learnModel(cb.book, cb.stem, segments, learn);
  const evaluation = crossValidate(cb.book, cb.stem, segments, opts.folds ?? DEFAULT_FOLDS, opts.merge ?? DEFAULT_REPORTED_MERGE, learn);
  return { model, modelText: canonicalJson(model), evaluation, reads: [...study.reads, ...opts.codings, ...(made ? [made.path] : [])], warnings: warnings.list };
}

/** A transcript's eligible segments with the human's codes and the rules' codes. */
function judgedSegments(study: Study, t: Transcript, rows: SourcedCoding[], warnings: Warnings): JudgedSegment[] {
  const segs = eligibleSegments(t, study.unit, study.speakers);
  const human = new Map<string, Set<CodeId>>(segs.map((s) => [s.id, new Set()]));
  for (const r of rows) {
    const codes = human.get(r.segment);
    if (!codes) warnings.add({ ...r.place, message: `segment ${r.segment} is not an eligible ${study.unit} segment of ${t.id}; its coding is not learned from` });
    else if (r.code !== '') codes.add(r.code);
  }
  const rules = new Map<string, Set<CodeId>>();
  for (const c of codeTranscript(study.codebook!, t, { unit: study.unit, speakers: study.speakers }, segs).codings) {
    const set = rules.get(c.segment) ?? new Set();
    set.add(c.code);
    rules.set(c.segment, set);
  }
  const question = segmentQuestions(t);
  // A transcript's rows come from one codings file (its batch); the first row's says which.
  const batch = rows[0]?.place.file;
  return segs.map((s) => ({
    transcript: t.id, segment: s.id, text: s.text, question: question(s), codes: human.get(s.id)!, rules: rules.get(s.id) ?? new Set(), ...(batch ? { batch } : {}),
  }));
}

/** Every file's rows of one coder each, grouped by transcript; codes the codebook lacks are warned and left out. */
async function humanCodings(files: string[], coder: string | undefined, cb: CompiledCodebook, warnings: Warnings): Promise<Map<string, SourcedCoding[]>> {
  const known = new Set(flattenCodes(cb.book.codes).map((c) => c.id));
  const byTranscript = new Map<string, SourcedCoding[]>();
  for (const file of files) {
    const rows = await readCodings(file, coder !== undefined ? { coder } : {});
    const coders = [...new Set(rows.map((r) => r.coder))].sort(compareText);
    if (coder === undefined && coders.length > 1) {
      throw new QcodeError(`this codings file holds ${coders.length} coders (${coders.join(', ')}): choose one with --coder NAME`, { file });
    }
    for (const r of rows) {
      if (coder !== undefined && r.coder !== coder) continue;
      if (r.code !== '' && !known.has(r.code)) {
        warnings.add(unknownCodeWarning(r, cb.book));
        continue;
      }
      const list = byTranscript.get(r.transcript) ?? [];
      list.push(r);
      byTranscript.set(r.transcript, list);
    }
  }
  return byTranscript;
}

/**
 * `--codings a.csv b.csv folder`: a variadic option takes what follows it, so arguments
 * that are not codings CSVs (by their header) are transcripts after all.
 */
export async function splitCodings(listed: readonly string[]): Promise<{ codings: string[]; transcripts: string[] }> {
  const codings: string[] = [];
  const transcripts: string[] = [];
  for (const p of listed) ((await looksLikeCodings(p).catch(() => false)) ? codings : transcripts).push(p);
  return { codings, transcripts };
}
