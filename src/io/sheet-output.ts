// Writing a workbook (bytes, not text) to `--out` under the same rules as every other
// output: the path is checked against what the command reads first, and the file is
// written beside its target and renamed over it only once complete.

import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { QcodeError } from '../core/errors.js';
import { checkOutputPath, describeWriteError, type OutputTarget } from './output.js';

/** Checks `path` against `reads`, then writes `bytes` whole (or leaves the old file as it was). */
export async function writeBinaryAtomic(path: string, bytes: Uint8Array, reads: readonly string[]): Promise<OutputTarget> {
  const target = await checkOutputPath(path, reads);
  const tmp = join(dirname(target.real), `.${basename(target.real)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(tmp, 'wx');
    try {
      await file.writeFile(bytes);
    } finally {
      await file.close();
    }
    if (target.mode !== undefined) await chmod(tmp, target.mode);
    await rename(tmp, target.real);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new QcodeError(`cannot write output: ${describeWriteError(e)}`, { file: path });
  }
  return target;
}
