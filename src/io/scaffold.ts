// Writing a new study from the templates shipped with qcode (`qcode init`): every
// file is checked first, so an existing file stops the run before anything is written,
// and each is created exclusively, so a file that appears meanwhile is never replaced.

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QcodeError } from '../core/errors.js';

/** The templates folder, beside `src/` and `dist/` in the package. */
export const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface TemplateFile {
  /** Path inside the templates folder. */
  from: string;
  /** Path inside the new study. */
  to: string;
  /** Placeholders (`__NAME__`) and what they become. */
  fill?: Record<string, string>;
}

/** The files of `files` that already exist in `dir`, as paths inside it. */
export function existingFiles(dir: string, paths: string[]): string[] {
  return paths.filter((p) => existsSync(join(dir, p)));
}

export async function writeTemplates(templates: string, dir: string, files: TemplateFile[]): Promise<string[]> {
  const taken = existingFiles(dir, files.map((f) => f.to));
  if (taken.length > 0) throw alreadyThere(dir, taken);
  const texts = await Promise.all(files.map(async (f) => fill(await readFile(join(templates, f.from), 'utf8'), f.fill ?? {})));
  const written: string[] = [];
  for (const [i, f] of files.entries()) {
    const target = join(dir, f.to);
    await mkdir(dirname(target), { recursive: true });
    try {
      await writeFile(target, texts[i]!, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyThere(dir, [f.to]);
      throw new QcodeError(`cannot write ${f.to}: ${(e as Error).message}`, { file: target });
    }
    written.push(f.to);
  }
  return written;
}

export function alreadyThere(dir: string, taken: string[]): QcodeError {
  return new QcodeError(
    `qcode init writes a new study and never replaces a file; these exist already in ${dir}: ${taken.join(', ')}. ` +
      'Move them away, or run qcode init in an empty folder.',
  );
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/__([A-Z_]+)__/g, (whole, name: string) => values[name] ?? whole);
}
