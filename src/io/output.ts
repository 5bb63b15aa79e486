import { randomBytes } from 'node:crypto';
import { rmSync, type Stats } from 'node:fs';
import { chmod, open, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { QcodeError } from '../core/errors.js';

/** Where `--out` will land, checked: the path as the user wrote it, the file it really names, and the mode to keep. */
export interface OutputTarget {
  path: string;
  real: string;
  /** Permission bits of the file being replaced; undefined for a new file. */
  mode?: number;
}

/** Temporary files being written right now, so an interrupt can take them away. */
const pending = new Set<string>();

/**
 * Called on SIGINT/SIGTERM: a half-written output must not outlive the run.
 * Synchronous, because the process exits right after.
 */
export function removePendingOutputs(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

/**
 * `--out` must never land on what the command reads: not on an input, the codebook,
 * the config, a codings file or an attribute sheet, nor anywhere inside an input folder.
 * Paths are compared after symlinks (and by inode, which catches hard links too);
 * a file that does not exist yet is compared by its real folder and name.
 * Folders, devices, pipes and sockets are refused: only a regular file can be replaced whole.
 */
export async function checkOutputPath(out: string, reads: readonly string[]): Promise<OutputTarget> {
  if (out.trim() === '') throw new QcodeError('--out needs a file name');
  const st = await statOrNull(out);
  if (st?.isDirectory() || (!st && /[/\\]$/.test(out))) {
    throw new QcodeError(`--out ${out} is a folder: name a file (e.g. ${join(out, 'out.csv')}), or leave --out out to write to stdout`);
  }
  if (st && !st.isFile()) {
    throw new QcodeError(`--out ${out} is not a regular file (a device, pipe or socket): leave --out out to write to stdout, and redirect stdout if you need to`);
  }
  const real = await realOf(out, true);
  for (const read of reads) {
    const readSt = await statOrNull(read);
    const readReal = await realOf(read, false);
    const same = real === readReal || (st !== null && readSt !== null && st.dev === readSt.dev && st.ino === readSt.ino);
    if (same) {
      const what = resolve(out) === resolve(read) ? 'is a file' : `leads to ${read}, a file`;
      throw new QcodeError(`--out ${out} ${what} this command reads: qcode never writes over its inputs; choose another file`);
    }
    if (readSt?.isDirectory() && isInside(real, readReal)) {
      throw new QcodeError(`--out ${out} is inside ${read}, a folder this command reads: qcode never writes into its inputs; choose a file outside it`);
    }
    // A hard link elsewhere to a file inside an input folder is that file too. Looked for
    // only when the file has more than one name, which is rare.
    const linked = st !== null && st.nlink > 1 && readSt?.isDirectory() ? await sameFileInside(read, st) : null;
    if (linked !== null) {
      throw new QcodeError(`--out ${out} leads to ${linked}, a file in ${read}, a folder this command reads: qcode never writes over its inputs; choose another file`);
    }
  }
  return st ? { path: out, real, mode: st.mode & 0o7777 } : { path: out, real };
}

/** The file under `folder` (at any depth) that is `file` by device and inode, or null. */
async function sameFileInside(folder: string, file: Stats): Promise<string | null> {
  const names = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
  for (const name of names) {
    const st = await statOrNull(join(folder, name));
    if (st?.isFile() && st.dev === file.dev && st.ino === file.ino) return join(folder, name);
  }
  return null;
}

/** Text, bytes (a workbook), or either in pieces. */
export type OutputData = string | Uint8Array | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/**
 * The whole file or nothing: written beside the target (same file system, so the
 * rename is atomic), given the replaced file's permissions, renamed over it once
 * complete. `data` may come in pieces (a long CSV built as it goes); until the
 * rename, an interrupt removes the temporary file (`removePendingOutputs`).
 */
export async function writeOutput(target: OutputTarget, data: OutputData): Promise<void> {
  await (await stageOutput(target, data)).commit();
}

/** A file written whole beside its target and not yet in place. */
export interface StagedOutput {
  /** Renames it over the target. */
  commit(): Promise<void>;
  /** Removes it: the target stays as it was. */
  discard(): Promise<void>;
}

/** How a staged file is made. */
export interface StageOptions {
  /** Permission bits it is created with, whatever the file it replaces had (a key: 0o600). */
  mode?: number;
  /** What it is, for the message when it cannot be written ("the key"; default "output"). */
  what?: string;
}

/**
 * writeOutput's first half, for a command that writes several files and puts them in
 * place only once every one is written and checked (`redact`'s copies): until commit or
 * discard, an interrupt removes the file.
 */
export async function stageOutput(target: OutputTarget, data: OutputData, options: StageOptions = {}): Promise<StagedOutput> {
  const tmp = join(dirname(target.real), `.${basename(target.real)}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(tmp);
  const failed = async (e: unknown): Promise<never> => {
    await rm(tmp, { force: true });
    pending.delete(tmp);
    if (e instanceof QcodeError) throw e;
    throw new QcodeError(`cannot write ${options.what ?? 'output'}: ${describeWriteError(e)}`, { file: target.path });
  };
  const mode = options.mode ?? target.mode;
  try {
    // Created with its own mode from the first byte when it has one: a secret is never readable by others, even for a moment.
    const file = await open(tmp, 'wx', options.mode ?? 0o666);
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await file.writeFile(data);
      else for await (const piece of data) await file.writeFile(piece);
    } finally {
      await file.close();
    }
    if (mode !== undefined) await chmod(tmp, mode);
  } catch (e) {
    return failed(e);
  }
  return {
    commit: async () => {
      try {
        await rename(tmp, target.real);
        pending.delete(tmp);
      } catch (e) {
        await failed(e);
      }
    },
    discard: async () => {
      await rm(tmp, { force: true });
      pending.delete(tmp);
    },
  };
}

/** Checks `path` against what the command reads, then writes it whole. */
export async function writeAtomic(path: string, data: OutputData, reads: readonly string[] = []): Promise<OutputTarget> {
  const target = await checkOutputPath(path, reads);
  await writeOutput(target, data);
  return target;
}

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'its folder does not exist',
  EISDIR: 'it is a folder',
  EIO: 'input/output error',
};

/** A failed write in words a researcher reads: `no space left on device`, not `ENOSPC`. */
export function describeWriteError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && WRITE_ERRORS[code]) return WRITE_ERRORS[code];
  return code ?? (e instanceof Error ? e.message : String(e));
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/**
 * The real path of `path`; for one that does not exist, its real folder and its name.
 * For `--out` (`mustHaveFolder`), a missing folder is the user's mistake to hear about.
 */
async function realOf(path: string, mustHaveFolder: boolean): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(path)), basename(path));
    } catch {
      if (mustHaveFolder) throw new QcodeError(`cannot write output: its folder does not exist`, { file: path });
      return resolve(path);
    }
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
