import type { Command } from 'commander';
import { QcodeError, formatMessage } from '../core/errors.js';
import { describeWriteError, removePendingOutputs } from '../io/output.js';
import { removeSpills } from '../io/spill.js';
import { keepHeapSmall } from '../study/heap.js';
import { VERSION } from '../version.js';
import { EXIT_OK, EXIT_USAGE } from './exit.js';

type SetExit = (code: number) => void;
type Register = (program: Command, setExit: SetExit) => void;

/**
 * Every top-level command and how to load it, in the order `qcode --help` lists them.
 * Only the command being run is loaded: each pulls in its own readers, analyses and
 * libraries, and a run should not pay for the seventeen it does not use.
 */
const COMMANDS: [name: string, load: () => Promise<Register[]>][] = [
  ['ingest', async () => [(await import('./commands/ingest.js')).registerIngest]],
  ['code', async () => [(await import('./commands/code.js')).registerCode]],
  ['freq', async () => [(await import('./commands/freq.js')).registerFreq]],
  ['codebook', async () => {
    const m = await import('./commands/codebook.js');
    return [m.registerCodebook, (p) => m.registerCodebookDiff(p)];
  }],
  ['agree', async () => [(await import('./commands/agree.js')).registerAgree]],
  ['learn', async () => [(await import('./commands/learn.js')).registerLearn]],
  ['quotes', async () => [(await import('./commands/quotes.js')).registerQuotes]],
  ['matrix', async () => [(await import('./commands/matrix.js')).registerMatrix]],
  ['cooccur', async () => [(await import('./commands/cooccur.js')).registerCooccur]],
  ['saturation', async () => [(await import('./commands/saturation.js')).registerSaturation]],
  ['report', async () => [(await import('./commands/report.js')).registerReport]],
  ['sheet', async () => [(await import('./commands/sheet.js')).registerSheet]],
  ['import', async () => [(await import('./commands/import.js')).registerImport]],
  ['export', async () => [(await import('./commands/export.js')).registerExport]],
  ['review', async () => [(await import('./commands/review.js')).registerReview]],
  ['check', async () => [(await import('./commands/check.js')).registerCheck]],
  ['init', async () => [(await import('./commands/init.js')).registerInit]],
  ['deid', async () => [(await import('./commands/deid.js')).registerDeid]],
  ['redact', async () => [(await import('./commands/redact.js')).registerRedact]],
];

/** The first word of the command line that is not an option: the command asked for. */
function commandOf(argv: readonly string[]): string | undefined {
  return argv.slice(2).find((a) => !a.startsWith('-'));
}

/**
 * The program with the command `argv` names (every command for `--help`, no command or
 * an unknown one); a command that checks something reports its verdict through `setExit`.
 */
export async function buildProgram(setExit: SetExit = () => {}, argv: readonly string[] = []): Promise<Command> {
  const { Command } = await import('commander');
  const program = new Command('qcode')
    .description('Qualitative coding of interview transcripts: codebooks as code, coded tables, frequencies, agreement.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run `qcode --help` for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `qcode: ${s}` : s) });
  const asked = commandOf(argv);
  const known = COMMANDS.find(([name]) => name === asked);
  const wanted = known ? [known] : argv.includes('--version') || argv.includes('-V') ? [] : COMMANDS;
  for (const [, load] of wanted) for (const register of await load()) register(program, setExit);
  for (const cmd of program.commands) propagate(cmd);
  return program;
}

/** Subcommands inherit the program's error handling, so usage mistakes exit 2 everywhere. */
function propagate(cmd: Command): void {
  cmd.exitOverride().showHelpAfterError(`(run \`qcode ${commandPath(cmd)} --help\` for usage)`);
  cmd.configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `qcode: ${s}` : s) });
  cmd.commands.forEach(propagate);
}

/** A subcommand as it is typed: `codebook suggest`, `import sheet`. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

export async function main(argv: string[]): Promise<number> {
  // Answered before anything is loaded: scripts ask for the version to see qcode is there.
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  guardProcess();
  keepHeapSmall();
  try {
    let code = EXIT_OK;
    await (await buildProgram((c) => (code = c), argv)).parseAsync(argv);
    return code;
  } catch (e) {
    return await reportError(e);
  }
}

let guarded = false;

/**
 * How the process ends when the world around it does: a reader that leaves
 * (`qcode code | head`) is no failure; a full disk is one line, not a stack; an
 * interrupt takes any half-written `--out` file with it and exits 128 + signal.
 */
export function guardProcess(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT_OK);
    process.stderr.write(`qcode: error: cannot write output: ${describeWriteError(e)}\n`);
    process.exit(EXIT_USAGE);
  });
  // Nowhere left to say anything: stderr's own errors must not crash the run.
  process.stderr.on('error', () => {});
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      removePendingOutputs();
      removeSpills();
      process.exit(code);
    });
  }
}

async function reportError(e: unknown): Promise<number> {
  if (e instanceof Error && e.name === 'CommanderError' && 'code' in e && 'exitCode' in e) {
    // Help asked for (--help) is a success; help shown because a command is missing
    // (`qcode`, `qcode codebook`) is a usage error, as commander's own exit code says.
    const asked = ['commander.helpDisplayed', 'commander.version'].includes(String(e.code));
    return asked || e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (e instanceof QcodeError) {
    // A message may quote an input (a label, a line): its control characters must not reach the terminal.
    const { visibleLines } = await import('../render/text.js');
    for (const err of e.all()) process.stderr.write(`qcode: error: ${visibleLines(formatMessage(err))}\n`);
    if (process.env.QCODE_DEBUG === '1') process.stderr.write(`${e.stack}\n`);
    return EXIT_USAGE;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`qcode: internal error: ${err.message} (please report it; QCODE_DEBUG=1 shows details)\n`);
  if (process.env.QCODE_DEBUG === '1') process.stderr.write(`${err.stack}\n`);
  return EXIT_USAGE;
}
