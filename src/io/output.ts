import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { QcodeError } from '../core/errors.js';

/**
 * `--out`: the whole file or nothing. Written beside the target (same file system,
 * so the rename is atomic) and renamed over it only once complete.
 */
export async function writeAtomic(path: string, data: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new QcodeError(`cannot write output: ${code === 'ENOENT' ? 'its folder does not exist' : code ?? String(e)}`, { file: path });
  }
}
