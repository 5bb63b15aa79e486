// A coding-pass worker: reads whole files and codes their transcripts with its own copy
// of the compiled codebook, so `--jobs N` uses N cores. The codebook arrives parsed and
// validated (plain data): each worker only compiles its rules, not the YAML again. Only plain values cross the
// thread boundary; errors travel as data and become QcodeErrors again on the main thread.

import { parentPort, workerData } from 'node:worker_threads';
import { compileCodebook, type CompiledCodebook } from '../core/codebook/compile.js';
import type { Codebook, SpeakerScope } from '../core/codebook/model.js';
import { loadStemmer } from '../core/codebook/stem.js';
import { codeTranscript } from '../core/code/pass.js';
import { QcodeError } from '../core/errors.js';
import type { Unit, Warning } from '../core/types.js';
import { readInput, type InputFile, type ReadOptions } from '../io/read.js';
import { checkParticipantWords, notesOf } from './transcripts.js';
import type { FileResult, WorkerError } from './parallel.js';

export interface WorkerSetup {
  codebook: Codebook;
  reading: Omit<ReadOptions, 'onWarning'>;
  unit: Unit;
  speakers: SpeakerScope;
}

const setup = workerData as WorkerSetup;
let compiled: Promise<CompiledCodebook> | undefined;

async function codeFile(file: InputFile): Promise<FileResult> {
  const codebook = await (compiled ??= compile(setup.codebook));
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

async function compile(book: Codebook): Promise<CompiledCodebook> {
  return compileCodebook(book, await loadStemmer(book.language));
}

function asError(e: unknown): WorkerError {
  if (e instanceof QcodeError) return { qcode: e.all().map((x) => ({ message: x.message, place: x.place })) };
  return { internal: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

parentPort!.on('message', (msg: { index: number; file: InputFile }) => {
  codeFile(msg.file).then(
    (result) => parentPort!.postMessage({ index: msg.index, result }),
    (e: unknown) => parentPort!.postMessage({ index: msg.index, error: asError(e) }),
  );
});
