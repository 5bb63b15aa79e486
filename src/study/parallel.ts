// `--jobs N`: the coding pass over whole files on N threads — the main thread and N − 1
// workers. Results are put back in input order before anything else looks at them, so
// the output's bytes do not depend on N or on which thread finished first.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CodedTranscript } from '../core/code/pass.js';
import type { CompiledCodebook } from '../core/codebook/compile.js';
import { hintsWithCompile } from '../core/codebook/compiled-data.js';
import { QcodeError } from '../core/errors.js';
import type { InputFile, Inputs } from '../io/read.js';
import { asFileError, codeFile, type FileError, type FileResult, type FileSetup } from './code-file.js';
import type { Study } from './open.js';
import type { RunHooks, Warnings } from './options.js';
import { ArrivalChecks } from './transcripts.js';
import type { WorkerSetup } from './worker.js';

/**
 * Below this much input, starting threads costs about what it saves. A thread's first
 * megabytes run at a third of its speed while its caches fill and V8 optimizes the
 * pass, and each worker pays that and its start-up again, with 50 MB more memory: on two
 * cores `--jobs 2` took 0.9–1.1× one thread's time at 10 MB, and 0.78× at 50 MB.
 */
const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;

/**
 * How many threads to code on: what was asked, else, for a large corpus, one per core.
 * The main thread is one of them — it codes files while the workers start and between
 * their results — so N threads are N − 1 workers, each with its own compiled codebook
 * and heap (about 100 MB).
 */
export function jobsFor(asked: number | undefined, files: readonly InputFile[], sizeOf: (file: InputFile) => number): number {
  if (asked !== undefined) return Math.max(1, Math.floor(asked));
  return reaches(files, sizeOf, PARALLEL_MIN_BYTES) ? Math.max(1, availableParallelism()) : 1;
}

/**
 * Whether the files hold at least `bytes`, asking for sizes only until they do: a stat
 * costs tens of microseconds on some disks, and a 200 MB corpus is 30,000 files.
 */
function reaches(files: readonly InputFile[], sizeOf: (file: InputFile) => number, bytes: number): boolean {
  let total = 0;
  for (const f of files) {
    total += sizeOf(f);
    if (total >= bytes) return true;
  }
  return false;
}

/**
 * Every transcript of the study coded on `jobs` threads and handed to `visit` in input
 * order as soon as the files before it are done: only results that arrive early wait,
 * so memory does not grow with the corpus.
 */
export async function codeInParallel(
  study: Study, listing: Inputs, codebook: CompiledCodebook, jobs: number, warnings: Warnings, hooks: RunHooks,
  visit: (t: CodedTranscript) => void, model?: FileSetup['model'], evidence = true,
): Promise<void> {
  listing.warnings.forEach((w) => warnings.add(w));
  const setup: FileSetup = { reading: study.reading, unit: study.unit, speakers: study.speakers, evidence, ...(model ? { model } : {}) };
  const merge = new InOrder(study, listing.files, warnings, visit);
  const workers = Math.min(jobs, listing.files.length) - 1;
  await runPool(listing.files, workers, codebook, setup, hooks, (i, outcome) => merge.take(i, outcome));
  await merge.finish();
}

type Outcome = { result: FileResult } | { error: FileError };

/**
 * Puts the threads' results back in input order and checks them as a single thread
 * would: warnings in file order, no transcript id twice, every input read; the first
 * error in input order (not the first to arrive) is the one reported.
 */
class InOrder {
  private next = 0;
  private readonly early = new Map<number, Outcome>();
  private readonly checks = new ArrivalChecks();

  constructor(
    private readonly study: Study, private readonly files: InputFile[], private readonly warnings: Warnings,
    private readonly visit: (t: CodedTranscript) => void,
  ) {}

  take(index: number, outcome: Outcome): void {
    this.early.set(index, outcome);
    for (let o = this.early.get(this.next); o !== undefined; o = this.early.get(this.next)) {
      this.early.delete(this.next);
      this.emit(this.files[this.next]!, o);
      this.next++;
    }
  }

  private emit(file: InputFile, outcome: Outcome): void {
    if ('error' in outcome) throw fromFileError(outcome.error);
    outcome.result.warnings.forEach((w) => this.warnings.add(w));
    for (const t of outcome.result.transcripts) {
      this.checks.arrived(file, t.coded.id, t.coded.source, t.notes);
      this.visit(t.coded);
    }
  }

  async finish(): Promise<void> {
    await this.checks.finish(this.study.inputs, this.files, this.warnings, this.study.reading);
  }
}

/** Files handed to a worker before its first result comes back. */
const IN_FLIGHT = 3;

/**
 * Hands files to `workers` worker threads and to the main thread, and each outcome to
 * `deliver` as it arrives. The main thread takes the next file whenever it is free, and
 * lets the workers' results in between files. After an error no new file is started;
 * the pool ends when every started file is delivered, or when `deliver` throws.
 */
function runPool(
  files: InputFile[], workers: number, codebook: CompiledCodebook, setup: FileSetup, hooks: RunHooks,
  deliver: (index: number, outcome: Outcome) => void,
): Promise<void> {
  const script = workerScript();
  const threadSetup: WorkerSetup = { ...setup, codebook: codebook.book, hints: hintsWithCompile(codebook) };
  const threads = Array.from({ length: workers }, () => new Worker(script, { workerData: threadSetup, resourceLimits: WORKER_LIMITS }));
  let started = 0;
  let done = 0;
  let stopped = false;
  hooks.onProgress?.({ done: 0, total: files.length, file: '' });
  const stop = (): Promise<number[]> => Promise.all(threads.map((w) => w.terminate()));
  return new Promise((resolve, reject) => {
    let over = false;
    const fail = (e: unknown): void => {
      if (over) return;
      over = true;
      void stop().then(() => reject(e));
    };
    const finishIfDone = (): void => {
      if (!over && done === started && (stopped || started === files.length)) {
        over = true;
        void stop().then(() => resolve());
      }
    };
    /** One outcome, whichever thread it came from; false once the pool is over. */
    const arrived = (index: number, outcome: Outcome): boolean => {
      if (over) return false;
      // Counted apart from the hook: `hook?.(…)` skips its arguments when there is no hook.
      done++;
      if ('error' in outcome) stopped = true;
      hooks.onProgress?.({ done, total: files.length, file: files[index]!.path });
      try {
        deliver(index, outcome);
      } catch (e) {
        fail(e);
        return false;
      }
      return true;
    };
    const next = (): number | null => (!stopped && started < files.length ? started++ : null);
    const feed = (w: Worker): void => {
      const index = next();
      if (index !== null) w.postMessage({ index, file: files[index] });
    };
    for (const w of threads) {
      w.on('message', (msg: { index: number; result?: FileResult; error?: FileError }) => {
        if (!arrived(msg.index, msg.error ? { error: msg.error } : { result: msg.result! })) return;
        feed(w);
        finishIfDone();
      });
      w.on('error', fail);
      // A few files in flight per worker: while one is coded the next is being read, and
      // a worker never waits for the main thread to hand it work.
      for (let k = 0; k < IN_FLIGHT; k++) feed(w);
    }
    void codeHere(next, codebook, setup, files, arrived).then(finishIfDone, fail);
  });
}

/**
 * The main thread's share: the next file whenever it is free, yielding between files so
 * the workers' results (and their next files) are not kept waiting.
 */
async function codeHere(
  next: () => number | null, codebook: CompiledCodebook, setup: FileSetup, files: InputFile[],
  arrived: (index: number, outcome: Outcome) => boolean,
): Promise<void> {
  for (let index = next(); index !== null; index = next()) {
    let outcome: Outcome;
    try {
      outcome = { result: await codeFile(codebook, setup, files[index]!) };
    } catch (e) {
      outcome = { error: asFileError(e) };
    }
    if (!arrived(index, outcome)) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * A worker's young generation is held to 8 MB: V8 otherwise grows it with the allocation
 * rate, and two threads coding with a model reached 394 MB at 200 MB of input; with it,
 * 288 MB in the same time (the old generation is not limited: no run fails for memory).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/**
 * The worker module beside this one; when this module runs from the TypeScript sources
 * (the test suite), the built one, since a worker thread cannot load TypeScript.
 */
function workerScript(): URL {
  const beside = new URL('./worker.js', import.meta.url);
  if (existsSync(beside)) return beside;
  return new URL(beside.href.replace('/src/study/', '/dist/study/'));
}

/** A file's error, from whichever thread coded it, as the QcodeError (or bug) it was. */
function fromFileError(e: FileError): Error {
  if ('internal' in e) return new Error(e.internal);
  const [first, ...rest] = e.qcode;
  return new QcodeError(first!.message, first!.place, rest.map((x) => new QcodeError(x.message, x.place)));
}
