// `--jobs N`: the coding pass over whole files on N worker threads. Results are put back
// in input order before anything else looks at them, so the output's bytes do not depend
// on N or on which thread finished first.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CodedTranscript } from '../core/code/pass.js';
import type { Codebook } from '../core/codebook/model.js';
import { QcodeError } from '../core/errors.js';
import type { Place, Warning } from '../core/types.js';
import type { InputFile, Inputs } from '../io/read.js';
import type { Study } from './open.js';
import type { RunHooks, Warnings } from './options.js';
import { ArrivalChecks, type TranscriptNotes } from './transcripts.js';
import type { WorkerSetup } from './worker.js';

export interface FileResult {
  transcripts: { coded: CodedTranscript; notes: TranscriptNotes }[];
  warnings: Warning[];
}

export type WorkerError = { qcode: { message: string; place: Place }[] } | { internal: string };

/** Below this much input, starting threads costs more than it saves. */
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

/**
 * How many threads to use: what was asked, else, for a large corpus, one per core but
 * one (the main thread reads the results and counts). Each thread holds its own
 * compiled codebook and heap, about 100 MB: on two cores two workers were 1.2× faster
 * than none and took twice the memory, so there the pass stays on one thread.
 */
export function jobsFor(asked: number | undefined, inputBytes: number): number {
  if (asked !== undefined) return Math.max(1, Math.floor(asked));
  return inputBytes < PARALLEL_MIN_BYTES ? 1 : Math.max(1, availableParallelism() - 1);
}

/**
 * Every transcript of the study coded on `jobs` threads and handed to `visit` in input
 * order as soon as the files before it are done: only results that arrive early wait,
 * so memory does not grow with the corpus.
 */
export async function codeInParallel(
  study: Study, listing: Inputs, codebook: Codebook, jobs: number, warnings: Warnings, hooks: RunHooks,
  visit: (t: CodedTranscript) => void,
): Promise<void> {
  listing.warnings.forEach((w) => warnings.add(w));
  const setup: WorkerSetup = { codebook, reading: study.reading, unit: study.unit, speakers: study.speakers };
  const merge = new InOrder(study, listing.files, warnings, visit);
  await runPool(listing.files, Math.min(jobs, Math.max(1, listing.files.length)), setup, hooks, (i, outcome) => merge.take(i, outcome));
  merge.finish();
}

type Outcome = { result: FileResult } | { error: WorkerError };

/**
 * Puts the workers' results back in input order and checks them as a single thread
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
    if ('error' in outcome) throw fromWorker(outcome.error);
    outcome.result.warnings.forEach((w) => this.warnings.add(w));
    for (const t of outcome.result.transcripts) {
      this.checks.arrived(file, t.coded.id, t.coded.source, t.notes);
      this.visit(t.coded);
    }
  }

  finish(): void {
    this.checks.finish(this.study.inputs, this.files, this.warnings, this.study.reading.interviewers);
  }
}

/** Files handed to a worker before its first result comes back. */
const IN_FLIGHT = 3;

/**
 * Hands files to idle workers and each outcome to `deliver` as it arrives. After an
 * error no new file is started; the pool ends when every started file is delivered, or
 * when `deliver` throws.
 */
function runPool(
  files: InputFile[], jobs: number, setup: WorkerSetup, hooks: RunHooks, deliver: (index: number, outcome: Outcome) => void,
): Promise<void> {
  const script = workerScript();
  const workers = Array.from({ length: jobs }, () => new Worker(script, { workerData: setup }));
  let started = 0;
  let done = 0;
  let stopped = false;
  hooks.onProgress?.({ done: 0, total: files.length, file: '' });
  const stop = (): Promise<number[]> => Promise.all(workers.map((w) => w.terminate()));
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
    const feed = (w: Worker): void => {
      if (!stopped && started < files.length) {
        const index = started++;
        w.postMessage({ index, file: files[index] });
      }
    };
    for (const w of workers) {
      w.on('message', (msg: { index: number; result?: FileResult; error?: WorkerError }) => {
        if (over) return;
        // Counted apart from the hook: `hook?.(…)` skips its arguments when there is no hook.
        done++;
        if (msg.error) stopped = true;
        hooks.onProgress?.({ done, total: files.length, file: files[msg.index]!.path });
        try {
          deliver(msg.index, msg.error ? { error: msg.error } : { result: msg.result! });
        } catch (e) {
          fail(e);
          return;
        }
        feed(w);
        finishIfDone();
      });
      w.on('error', fail);
      // A few files in flight per worker: while one is coded the next is being read, and
      // a worker never waits for the main thread to hand it work.
      for (let k = 0; k < IN_FLIGHT; k++) feed(w);
    }
    finishIfDone();
  });
}

/**
 * The worker module beside this one; when this module runs from the TypeScript sources
 * (the test suite), the built one, since a worker thread cannot load TypeScript.
 */
function workerScript(): URL {
  const beside = new URL('./worker.js', import.meta.url);
  if (existsSync(beside)) return beside;
  return new URL(beside.href.replace('/src/study/', '/dist/study/'));
}

function fromWorker(e: WorkerError): Error {
  if ('internal' in e) return new Error(e.internal);
  const [first, ...rest] = e.qcode;
  return new QcodeError(first!.message, first!.place, rest.map((x) => new QcodeError(x.message, x.place)));
}
