// A coding-pass worker: reads whole files and codes their transcripts with its own copy
// of the compiled codebook, so `--jobs N` uses N cores. The codebook arrives parsed and
// validated (plain data): each worker only compiles its rules, not the YAML again. Only
// plain values cross the thread boundary; errors travel as data and become QcodeErrors
// again on the main thread.

import { parentPort, workerData } from 'node:worker_threads';
import { compileCodebook, type CompiledCodebook } from '../core/codebook/compile.js';
import type { Codebook } from '../core/codebook/model.js';
import type { PatternPlan } from '../core/codebook/regex.js';
import { loadStemmer } from '../core/codebook/stem.js';
import type { InputFile } from '../io/read.js';
import { asFileError, codeFile, type FileSetup } from './code-file.js';

export interface WorkerSetup extends FileSetup {
  codebook: Codebook;
  /** What the main thread's compile worked out (see CompiledCodebook.plans). */
  plans: Array<[string, PatternPlan]>;
  wordStems: Array<[string, string]>;
}

const setup = workerData as WorkerSetup;
let compiled: Promise<CompiledCodebook> | undefined;

async function compile(book: Codebook): Promise<CompiledCodebook> {
  return compileCodebook(book, await loadStemmer(book.language, setup.wordStems), new Map(setup.plans));
}

parentPort!.on('message', (msg: { index: number; file: InputFile }) => {
  (compiled ??= compile(setup.codebook))
    .then((codebook) => codeFile(codebook, setup, msg.file))
    .then(
      (result) => parentPort!.postMessage({ index: msg.index, result }),
      (e: unknown) => parentPort!.postMessage({ index: msg.index, error: asFileError(e) }),
    );
});
