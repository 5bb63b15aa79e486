// Expands the inputs a researcher names into the files to read, in an order that is
// the same on every machine: files as given, folders walked recursively and sorted.

// Synchronous calls on purpose: a corpus is thousands of small files, and each
// asynchronous call costs a round trip through the thread pool (most of listing's time).
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { QcodeError } from '../core/errors.js';
import type { Format, Warning } from '../core/types.js';
import { statOrNull } from './file.js';
import { FORMATS, formatOf } from './names.js';

export interface InputFile {
  /** Path as given, or the folder as given joined with the path inside it. */
  path: string;
  format: Format;
  /** Named on the command line (a non-transcript is then an error, not a warning). */
  explicit: boolean;
  /** The `cases.csv` of the nearest enclosing input folder, if any. */
  sheet?: string;
}

export interface Inputs {
  files: InputFile[];
  warnings: Warning[];
}

const SHEET_NAME = 'cases.csv';
const EXTENSIONS = Object.keys(FORMATS).join(' ');

function statOrThrow(path: string) {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new QcodeError(code === 'ENOENT' ? 'no such file or folder' : `cannot open: ${(e as Error).message}`, { file: path });
  }
}

/** A file found under a folder: its path inside it (`/`-separated) and its real path. */
interface Found {
  rel: string;
  real: string;
}

/**
 * Files under `root`, sorted, skipping hidden entries and symlink loops. A plain file's
 * real path is its folder's joined with its name, so only folders and symlinks cost a
 * realpath call (a corpus is thousands of files in a few folders).
 */
function walk(root: string, seen: Set<string>): Found[] {
  const out: Found[] = [];
  const visit = (dir: string): void => {
    const real = realpathSync.native(dir);
    if (seen.has(real)) return;
    seen.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new QcodeError(`cannot read folder: ${(e as Error).message}`, { file: dir });
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      // A symlink counts as what it points to; a broken one is ignored like any non-file.
      const link = e.isSymbolicLink();
      const target = link ? statOrNull(full) : e;
      if (target?.isDirectory()) visit(full);
      else if (target?.isFile()) out.push({ rel: relative(root, full).split(sep).join('/'), real: link ? realpathSync.native(full) : join(real, e.name) });
    }
  };
  visit(root);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

export async function listInputs(paths: string[]): Promise<Inputs> {
  const files: InputFile[] = [];
  const warnings: Warning[] = [];
  const byReal = new Map<string, InputFile>();
  const add = (f: InputFile, real = realpathSync.native(f.path)): void => {
    const earlier = byReal.get(real);
    if (earlier) earlier.explicit ||= f.explicit;
    else {
      byReal.set(real, f);
      files.push(f);
    }
  };

  for (const p of paths) {
    const info = statOrThrow(p);
    if (!info.isDirectory()) {
      const format = formatOf(p);
      if (!format) throw new QcodeError(`qcode cannot read this kind of file (it reads ${EXTENSIONS})`, { file: p });
      add({ path: p, format, explicit: true });
      continue;
    }
    const found = walk(p, new Set());
    const dirSheets = new Map<string, string>();
    for (const { rel } of found) {
      if (basename(rel).toLowerCase() === SHEET_NAME) {
        const sheet = join(p, rel);
        dirSheets.set(dirname(rel), sheet);
      }
    }
    const nearestSheet = (rel: string): string | undefined => {
      for (let d = dirname(rel); ; d = dirname(d)) {
        const s = dirSheets.get(d);
        if (s || d === '.') return s;
      }
    };
    let transcripts = 0;
    for (const { rel, real } of found) {
      const format = formatOf(rel);
      if (!format || basename(rel).toLowerCase() === SHEET_NAME) continue;
      const f: InputFile = { path: join(p, rel), format, explicit: false };
      const sheet = nearestSheet(rel);
      if (sheet) f.sheet = sheet;
      add(f, real);
      transcripts++;
    }
    if (transcripts === 0) warnings.push({ file: p, message: `no transcript files (${EXTENSIONS}) in this folder` });
  }
  return { files, warnings };
}
