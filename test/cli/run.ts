// Runs a command the way `bin/qcode.js` does — `main` with the command line — but in
// this process: options parsed, one study call, the view written to stdout, the verdict
// as an exit code. Statistics and messages are checked this way; the e2e tests spawn
// the built CLI only for what a process alone shows (streams, signals, colour on a
// terminal, finding qcode.yaml where it is started).
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `qcode ...args` with stdout and stderr captured, run from the repository root or from
 * `cwd` (test files run one test at a time in their process, so a test may move it).
 */
export async function qcode(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r): r is () => void => typeof r === 'function');
    done?.();
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture(out) as typeof process.stdout.write);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture(err) as typeof process.stderr.write);
  const saved = new Map(Object.keys(opts.env ?? {}).map((k) => [k, process.env[k]]));
  Object.assign(process.env, opts.env);
  const home = process.cwd();
  if (opts.cwd) process.chdir(opts.cwd);
  try {
    const code = await main(['node', 'qcode', ...args]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(home);
    stdout.mockRestore();
    stderr.mockRestore();
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export function json<T = Record<string, unknown>>(r: Ran): T {
  return JSON.parse(r.stdout) as T;
}
