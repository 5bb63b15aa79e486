// A coding-pass worker: reads whole files and codes their transcripts with its own copy
// of the compiled codebook, so `--jobs N` uses N cores. The codebook arrives parsed and
// validated (plain data): each worker only compiles its rules, not the YAML again. Only
// plain values cross the thread boundary; errors travel as data and become QcodeErrors
// again on the main thread. The cap on the heap's growth (heap.ts) is a setting of the
// whole process, so a worker has it from the thread that started it.

import { parentPort, workerData } from 'node:worker_threads';
import { compileWithHints, type CompiledCodebook, type CompileHints } from '../core/codebook/compile.js';
import type { Codebook } from '../core/codebook/model.js';
import type { InputFile } from '../io/read.js';
import { asFileError, codeFile, type FileSetup } from './code-file.js';

export interface WorkerSetup extends FileSetup {
  codebook: Codebook;
  /** What the main thread's compile worked out from the codebook's text. */
  hints: CompileHints;
}

const setup = workerData as WorkerSetup;
let compiled: Promise<CompiledCodebook> | undefined;

parentPort!.on('message', (msg: { index: number; file: InputFile }) => {
  (compiled ??= compileWithHints(setup.codebook, setup.hints))
    .then((codebook) => codeFile(codebook, setup, msg.file))
    .then(
      (result) => parentPort!.postMessage({ index: msg.index, result }),
      (e: unknown) => parentPort!.postMessage({ index: msg.index, error: asFileError(e) }),
    );
});
