// Reading a file as it was at a git revision (`git:REV:PATH`), through `git show`: no
// checkout, nothing in the working tree touched, so a CI job can compare a pull
// request's codebook with the base branch's.

import { execFile } from 'node:child_process';
import { QcodeError } from '../core/errors.js';
import { decodeText } from './file.js';

export interface GitSpec {
  rev: string;
  /** As git reads it after `REV:`: from the repository's top folder, or `./…` from the current one. */
  path: string;
}

const PREFIX = 'git:';

/** `git:origin/main:codebooks/x.yaml` → its revision and path; null for an ordinary path. */
export function parseGitSpec(spec: string): GitSpec | null {
  if (!spec.startsWith(PREFIX)) return null;
  const rest = spec.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  const rev = colon < 0 ? '' : rest.slice(0, colon);
  const path = colon < 0 ? '' : rest.slice(colon + 1);
  if (rev === '' || path === '') throw new QcodeError(`"${spec}" is not git:REV:PATH (for example git:origin/main:codebooks/x.yaml)`);
  // A revision is never an option: `git:--output=x:…` must not reach git as one.
  if (rev.startsWith('-')) throw new QcodeError(`"${rev}" is not a git revision`, { file: spec });
  return { rev, path };
}

/** The text of PATH at REV, as `git show REV:PATH` prints it, decoded like any qcode input. */
export function gitShow(spec: GitSpec, cwd: string = process.cwd()): Promise<string> {
  const label = `${PREFIX}${spec.rev}:${spec.path}`;
  return new Promise((resolve, reject) => {
    execFile('git', ['show', `${spec.rev}:${spec.path}`], { cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new QcodeError('git is not installed (or not on PATH), so a git:REV:PATH codebook cannot be read', { file: label }));
        const said = stderr.toString('utf8').trim().split('\n')[0]?.replace(/^fatal: /, '') ?? '';
        return reject(new QcodeError(`git could not show ${spec.rev}:${spec.path}${said ? `: ${said}` : ''}`, { file: label }));
      }
      try {
        resolve(decodeText(stdout, label));
      } catch (e) {
        reject(e);
      }
    });
  });
}
