// What only the built CLI does with its output: --out refusals and exit codes, the
// stderr "wrote" line, colour by environment, a full or closed stdout, signals, and a
// terminal without a width. Rendering itself is tested in-process (test/render).
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallStudyCopy } from '../check/study.js';
import { qcode, ROOT } from './run.js';

const BIN = join(ROOT, 'bin/qcode.js');
/** Several runs of the CLI in one test, on a machine that may be busy. */
const SLOW = 120_000;

const FREQ = ['freq', 'interviews', '--codebook', 'book.yaml'];

describe('--out on a signal', { timeout: SLOW }, () => {
  it('removes its temporary file on SIGTERM and exits 143', async () => {
    const dir = smallStudyCopy();
    // The CLI's own signal handling around a write that is held open half-way.
    const script = `
      import { guardProcess } from ${JSON.stringify(join(ROOT, 'dist/cli/main.js'))};
      import { checkOutputPath, writeOutput } from ${JSON.stringify(join(ROOT, 'dist/io/output.js'))};
      guardProcess();
      async function* pieces() { yield 'code,n\\n'; process.stdout.write('ready\\n'); await new Promise(() => setInterval(() => {}, 1000)); }
      await writeOutput(await checkOutputPath('freq.csv', []), pieces());`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((ready) => child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && ready()));
    expect(readdirSync(dir).some((f) => f.startsWith('.freq.csv.') && f.endsWith('.tmp'))).toBe(true);
    const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(143);
    expect(readdirSync(dir).filter((f) => f.includes('freq.csv'))).toEqual([]);
  });
});

describe('colour', { timeout: SLOW }, () => {
  // FORCE_COLOR, NO_COLOR and --no-color on stdout: test/e2e/suite-streams.test.ts.
  const dir = smallStudyCopy();
  const ESC = '\u001b[';
  it('a file written by --out holds no colour, whatever FORCE_COLOR says', () => {
    expect(qcode([...FREQ, '--out', 'colour.txt'], { cwd: dir, env: { FORCE_COLOR: '1' } }).code).toBe(0);
    expect(readFileSync(join(dir, 'colour.txt'), 'utf8')).not.toContain(ESC);
  });
  it('is off through a pipe by default', () => {
    const env = { ...process.env, NO_COLOR: '' };
    delete env.FORCE_COLOR;
    const r = spawnSync(process.execPath, [BIN, ...FREQ], { cwd: dir, encoding: 'utf8', env });
    expect(r.stdout).toContain('────');
    expect(r.stdout).not.toContain(ESC);
  });
});

describe('a full or closed stdout', { timeout: SLOW }, () => {
  it('> /dev/full: one line on stderr, exit 2', { skip: !existsSync('/dev/full') }, () => {
    const dir = smallStudyCopy();
    const full = openSync('/dev/full', 'w');
    const r = spawnSync(process.execPath, [BIN, ...FREQ], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('qcode: error: cannot write output: no space left on device\n');
  });

  it('| head -1: exit 0, nothing on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-e2e-pipe-'));
    // Far more than a pipe holds, so qcode is still writing when head leaves.
    const turns = Array.from({ length: 20000 }, (_, i) => `${i % 2 ? 'P01' : 'I'}: Turn ${i} about the waiting list for housing and the bus fare to work.`);
    writeFileSync(join(dir, 'P01.txt'), `---\nid: P01\nspeakers: [I, P01]\n---\n${turns.join('\n')}\n`);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ingest P01.txt --format csv 2>err.txt | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0' },
    });
    expect(r.stdout.trim()).toBe('0');
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('');
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * Runs qcode freq with stderr on a pseudo-terminal `cols` wide (stdout to out.txt):
 * what the terminal showed (`record`: where script keeps it), and the exit status.
 */
function underTerminal(dir: string, cols: number, env: Record<string, string | undefined>, record = 'tty.txt'): { terminal: string; status: string } {
  const full: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', TERM: 'xterm', ...env };
  if (env.CI === undefined) delete full.CI;
  // `timeout` ends a spinner that hangs (it ignores SIGTERM), so a failure leaves no process behind.
  const cmd = `stty cols ${cols} rows ${cols ? 24 : 0}; timeout -s KILL 15 "${process.execPath}" "${BIN}" ${FREQ.join(' ')} > out.txt; echo $? > status.txt`;
  spawnSync('script', ['-qfec', cmd, record], { cwd: dir, env: full, stdio: 'ignore', timeout: 30_000, killSignal: 'SIGKILL' });
  const terminal = record === '/dev/null' ? '' : readFileSync(join(dir, record), 'utf8');
  return { terminal, status: readFileSync(join(dir, 'status.txt'), 'utf8').trim() };
}

describe('the progress spinner', { skip: !hasScript, timeout: SLOW }, () => {
  const dir = smallStudyCopy();
  it('spins on a terminal that knows its width', () => {
    expect(underTerminal(dir, 80, {}).terminal).toContain('reading 0/7');
  });
  it('stays off in CI', () => {
    // TERM=dumb and the other cases: test/cli/ui.test.ts asks spinnerCanDraw directly.
    expect(underTerminal(dir, 80, { CI: 'true' }).terminal).not.toContain('reading');
  });
});

describe('a terminal that reports 0 columns', { timeout: SLOW }, () => {
  it('gets no spinner, and the run ends', { skip: !hasScript }, () => {
    const dir = smallStudyCopy();
    // The terminal record goes nowhere: a spinner that hangs fills it with escape codes.
    const r = underTerminal(dir, 0, {}, '/dev/null');
    expect(r.status).toBe('0');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toContain('────');
  });
});
