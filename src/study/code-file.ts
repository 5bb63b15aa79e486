// One file's share of a parallel pass: read it, check it, code its transcripts. Run by
// the worker threads and by the main thread alike, so a file's result does not depend
// on which thread coded it.

import type { CompiledCodebook } from '../core/codebook/compile.js';
import type { SpeakerScope } from '../core/codebook/model.js';
import { codeTranscript, type CodedTranscript } from '../core/code/pass.js';
import { QcodeError } from '../core/errors.js';
import type { Place, Unit, Warning } from '../core/types.js';
import { readInput, type InputFile, type ReadOptions } from '../io/read.js';
import { checkParticipantWords, notesOf, type TranscriptNotes } from './transcripts.js';

export interface FileSetup {
  reading: Omit<ReadOptions, 'onWarning'>;
  unit: Unit;
  speakers: SpeakerScope;
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
  warnings.push(...skipped);
  return {
    warnings,
    transcripts: transcripts.map((t) => {
      checkParticipantWords(t);
      warnings.push(...t.warnings);
      const coded = codeTranscript(codebook, t, { unit: setup.unit, speakers: setup.speakers });
      return { coded, notes: notesOf(t) };
    }),
  };
}

export function asFileError(e: unknown): FileError {
  if (e instanceof QcodeError) return { qcode: e.all().map((x) => ({ message: x.message, place: x.place })) };
  return { internal: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
