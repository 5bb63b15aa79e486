// A list of records too large to hold: what a command prints whole (every segment's
// text for `ingest --format json`, every coding for `code`) is read transcript by
// transcript, in whatever order the files come, and printed in transcript id order. Up
// to a budget the records stay in memory as they are; past it, each is written to a
// temporary file as JSON and read back, one at a time, when printed. So a corpus of any
// size is printed in the memory of one transcript and an index of ids, and a study of a
// few hundred interviews never touches the disk.
//
// The file holds participants' words: it is made readable by this user only, and
// unlinked as soon as it is open where the system allows (nothing is left behind, even
// if the process is killed); elsewhere it is removed when the list is closed, or by
// removeSpills on an interrupt.

import { closeSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { compareText } from '../core/code/pass.js';
import { QcodeError } from '../core/errors.js';
import { describeWriteError } from './output.js';

/**
 * Memory the records may take (as the caller weighs them) before the list moves to disk:
 * the segments of some 300 hours of interviews (16 MB of text), or 30,000 codings.
 */
export const SPILL_MEMORY_BYTES = 32 * 1024 * 1024;

interface Entry<T> {
  key: string;
  /** The record while in memory… */
  record: T | undefined;
  /** …or where its JSON is in the file. */
  at: number;
  length: number;
}

/** Spill files not yet removed (where the system does not let an open file be unlinked). */
const undeleted = new Set<string>();

/** Removes the spill files still on disk (on SIGINT/SIGTERM, as the process ends). */
export function removeSpills(): void {
  for (const path of undeleted) rmSync(path, { force: true });
  undeleted.clear();
}

/** Records added in any order, read back in key order. */
export class SpilledList<T> {
  private readonly entries: Entry<T>[] = [];
  private held = 0;
  private file: { fd: number; path: string; size: number } | null = null;

  constructor(private readonly memoryBytes = SPILL_MEMORY_BYTES) {}

  get length(): number {
    return this.entries.length;
  }

  /** Adds a record under `key`; `bytes`: about the memory it takes, for the budget. */
  add(key: string, record: T, bytes: number): void {
    const entry: Entry<T> = { key, record, at: 0, length: 0 };
    this.entries.push(entry);
    this.held += bytes;
    if (this.file === null && this.held <= this.memoryBytes) return;
    if (this.file === null) {
      this.file = openSpillFile();
      for (const e of this.entries) this.store(e);
    } else this.store(entry);
  }

  /**
   * The records in key order (ties in the order added). Each record read back from disk
   * is a fresh copy, valid after the next is read.
   */
  *inOrder(): Generator<T> {
    // A stable sort: records under one key keep the order they were added in.
    const order = [...this.entries].sort((a, b) => compareText(a.key, b.key));
    for (const e of order) yield e.record !== undefined ? e.record : this.load(e);
  }

  /** Gives the file back. The list is empty after. */
  close(): void {
    if (this.file) {
      closeSync(this.file.fd);
      if (undeleted.delete(this.file.path)) rmSync(this.file.path, { force: true });
      this.file = null;
    }
    this.entries.length = 0;
  }

  private store(e: Entry<T>): void {
    const file = this.file!;
    const bytes = Buffer.from(JSON.stringify(e.record), 'utf8');
    try {
      for (let done = 0; done < bytes.length;) done += writeSync(file.fd, bytes, done, bytes.length - done, file.size + done);
    } catch (err) {
      throw new QcodeError(`cannot keep the output in a temporary file: ${describeWriteError(err)} (set TMPDIR to a folder with room)`, { file: file.path });
    }
    e.at = file.size;
    e.length = bytes.length;
    e.record = undefined;
    file.size += bytes.length;
  }

  private load(e: Entry<T>): T {
    const bytes = Buffer.allocUnsafe(e.length);
    for (let done = 0; done < e.length;) {
      const n = readSync(this.file!.fd, bytes, done, e.length - done, e.at + done);
      if (n === 0) throw new Error('the spill file ended early');
      done += n;
    }
    return JSON.parse(bytes.toString('utf8')) as T;
  }
}

/** A new file in the system's temporary folder, readable by this user only, unlinked where that is allowed. */
function openSpillFile(): { fd: number; path: string; size: number } {
  const path = join(tmpdir(), `qcode-${process.pid}-${randomBytes(6).toString('hex')}.spill`);
  let fd: number;
  try {
    fd = openSync(path, 'wx+', 0o600);
  } catch (err) {
    throw new QcodeError(`cannot make a temporary file for the output: ${describeWriteError(err)} (set TMPDIR to a folder qcode may write to)`, { file: path });
  }
  try {
    unlinkSync(path);
  } catch {
    undeleted.add(path);
  }
  return { fd, path, size: 0 };
}
