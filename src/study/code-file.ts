// One file's share of a parallel pass: read it, check it, code its transcripts. Run by
// the worker threads and by the main thread alike, so a file's result does not depend
// on which thread coded it.

import type { CompiledCodebook } from '../core/codebook/compile.js';
import type { MergePolicy } from '../core/codebook/model.js';
import { eligibleSegments, type CodedTranscript, type PassOptions } from '../core/code/pass.js';
import type { StemFn } from '../core/codebook/stem.js';
import { codeAndMerge, scoringModel, type ScoringModel } from '../core/learn/apply.js';
import type { LearnedModel } from '../core/learn/model.js';
import { QcodeError } from '../core/errors.js';
import type { Place, Warning } from '../core/types.js';
import { readInput, type InputFile, type ReadOptions } from '../io/read.js';
import { checkParticipantWords, notesOf, type TranscriptNotes } from './transcripts.js';
import { appendAll } from '../core/lists.js';

/** How each file of a pass is read and coded: the pass's options (see PassOptions), and more. */
export interface FileSetup extends PassOptions {
  reading: Omit<ReadOptions, 'onWarning'>;
  /** A learned model and how its codings merge with the rules' (plain data, for the workers too). */
  model?: { learned: LearnedModel; policy: MergePolicy };
}

/**
 * Each model ready to score once per thread, however many files it codes: the main thread's
 * run (passModel) and its share of a parallel pass find the same one, caches and all.
 */
const scorings = new WeakMap<LearnedModel, ScoringModel>();
export function scoringOf(learned: LearnedModel, stem: StemFn): ScoringModel {
  let m = scorings.get(learned);
  if (!m || m.stem !== stem) scorings.set(learned, (m = scoringModel(learned, stem)));
  return m;
}

export interface FileResult {
  transcripts: { coded: CodedTranscript; notes: TranscriptNotes }[];
  warnings: Warning[];
}

/** An error as plain data, to cross a thread boundary: a researcher's mistake keeps its places. */
export type FileError = { qcode: { message: string; place: Place }[] } | { internal: string };

export async function codeFile(codebook: CompiledCodebook, setup: FileSetup, file: InputFile): Promise<FileResult> {
  const warnings: Warning[] = [];
  const { transcripts, warnings: skipped } = await readInput(file, setup.reading);
  appendAll(warnings, skipped);
  return {
    warnings,
    transcripts: transcripts.map((t) => {
      checkParticipantWords(t);
      appendAll(warnings, t.warnings);
      const { unit, speakers, model } = setup;
      const step = model ? { scoring: scoringOf(model.learned, codebook.stem), policy: model.policy } : null;
      const coded = codeAndMerge(codebook, t, setup, eligibleSegments(t, unit, speakers), step);
      return { coded, notes: notesOf(t) };
    }),
  };
}

export function asFileError(e: unknown): FileError {
  if (e instanceof QcodeError) return { qcode: e.all().map((x) => ({ message: x.message, place: x.place })) };
  return { internal: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
