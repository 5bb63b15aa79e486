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
import { checkEveryInputRead, RunNotes, type TranscriptNotes } from './transcripts.js';
import type { WorkerSetup } from './worker.js';

export interface FileResult {
  transcripts: { coded: CodedTranscript; notes: TranscriptNotes }[];
  warnings: Warning[];
}

export type WorkerError = { qcode: { message: string; place: Place }[] } | { internal: string };

/** Below this much input, starting threads costs more than it saves. */
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

/** How many threads to use: what was asked, else the machine's cores for a large corpus. */
export function jobsFor(asked: number | undefined, inputBytes: number): number {
  if (asked !== undefined) return Math.max(1, Math.floor(asked));
  return inputBytes < PARALLEL_MIN_BYTES ? 1 : availableParallelism();
}

/** Every transcript of the study coded on `jobs` threads, in input order. */
export async function codeInParallel(
  study: Study, listing: Inputs, codebook: Codebook, jobs: number, warnings: Warnings, hooks: RunHooks = {},
): Promise<CodedTranscript[]> {
  listing.warnings.forEach((w) => warnings.add(w));
  const setup: WorkerSetup = { codebook, reading: study.reading, unit: study.unit, speakers: study.speakers };
  const results = await runPool(listing.files, Math.min(jobs, Math.max(1, listing.files.length)), setup, hooks);
  return mergeInOrder(study, listing.files, results, warnings);
}

function mergeInOrder(study: Study, files: InputFile[], results: FileResult[], warnings: Warnings): CodedTranscript[] {
  const seen = new Map<string, string>();
  const yielded = new Map<string, number>();
  const notes = new RunNotes();
  const coded: CodedTranscript[] = [];
  results.forEach((r, i) => {
    r.warnings.forEach((w) => warnings.add(w));
    for (const t of r.transcripts) {
      const earlier = seen.get(t.coded.id);
      if (earlier) throw new QcodeError(`transcript id "${t.coded.id}" is used twice: by ${earlier} and by ${t.coded.source}`, { file: t.coded.source });
      seen.set(t.coded.id, t.coded.source);
      notes.add(t.coded.id, t.coded.source, t.notes);
      coded.push(t.coded);
    }
    yielded.set(files[i]!.path, r.transcripts.length);
  });
  checkEveryInputRead(study.inputs, files, yielded);
  notes.warn(warnings, study.reading.interviewers);
  return coded;
}

/** Files handed to a worker before its first result comes back. */
const IN_FLIGHT = 3;

/** Hands files to idle workers until all are done; the first error stops the pool. */
function runPool(files: InputFile[], jobs: number, setup: WorkerSetup, hooks: RunHooks): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  const script = workerScript();
  const workers = Array.from({ length: jobs }, () => new Worker(script, { workerData: setup }));
  let next = 0;
  let done = 0;
  hooks.onProgress?.({ done: 0, total: files.length, file: '' });
  const stop = (): Promise<number[]> => Promise.all(workers.map((w) => w.terminate()));
  return new Promise((resolve, reject) => {
    const fail = (e: Error): void => void stop().then(() => reject(e));
    const feed = (w: Worker): void => {
      if (next < files.length) {
        const index = next++;
        w.postMessage({ index, file: files[index] });
      }
    };
    for (const w of workers) {
      w.on('message', (msg: { index: number; result?: FileResult; error?: WorkerError }) => {
        if (msg.error) return fail(fromWorker(msg.error));
        results[msg.index] = msg.result!;
        // Counted apart from the hook: `hook?.(…)` skips its arguments when there is no hook.
        done++;
        hooks.onProgress?.({ done, total: files.length, file: files[msg.index]!.path });
        if (done === files.length) void stop().then(() => resolve(results));
        else feed(w);
      });
      w.on('error', fail);
      // A few files in flight per worker: while one is coded the next is being read, and
      // a worker never waits for the main thread to hand it work.
      for (let k = 0; k < IN_FLIGHT; k++) feed(w);
    }
    if (files.length === 0) void stop().then(() => resolve(results));
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
