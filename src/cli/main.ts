import { Command, CommanderError } from 'commander';
import { QcodeError, formatMessage } from '../core/errors.js';
import { describeWriteError, removePendingOutputs } from '../io/output.js';
import { visibleLines } from '../render/text.js';
import { registerAgree } from './commands/agree.js';
import { registerCheck } from './commands/check.js';
import { registerCode } from './commands/code.js';
import { registerCodebook, registerCodebookDiff } from './commands/codebook.js';
import { registerFreq } from './commands/freq.js';
import { registerIngest } from './commands/ingest.js';
import { registerInit } from './commands/init.js';
import { registerQuotes } from './commands/quotes.js';
import { registerMatrix } from './commands/matrix.js';
import { registerCooccur } from './commands/cooccur.js';
import { registerSaturation } from './commands/saturation.js';
import { registerReport } from './commands/report.js';
import { registerSheet } from './commands/sheet.js';
import { registerImport } from './commands/import.js';
import { registerExport } from './commands/export.js';
import { registerReview } from './commands/review.js';
import { registerDeid } from './commands/deid.js';
import { registerRedact } from './commands/redact.js';
import { VERSION } from '../version.js';
import { EXIT_OK, EXIT_USAGE } from './exit.js';

/** The program; a command that checks something reports its verdict through `setExit`. */
export function buildProgram(setExit: (code: number) => void = () => {}): Command {
  const program = new Command('qcode')
    .description('Qualitative coding of interview transcripts: codebooks as code, coded tables, frequencies, agreement.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run `qcode --help` for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `qcode: ${s}` : s) });
  registerIngest(program);
  registerCode(program);
  registerFreq(program);
  registerCodebook(program, setExit);
  registerAgree(program, setExit);
  registerQuotes(program);
  registerMatrix(program);
  registerCooccur(program);
  registerSaturation(program);
  registerReport(program);
  registerSheet(program);
  registerImport(program, setExit);
  registerExport(program);
  registerReview(program);
  registerCheck(program, setExit);
  registerCodebookDiff(program);
  registerInit(program, setExit);
  registerDeid(program, setExit);
  registerRedact(program);
  for (const cmd of program.commands) propagate(cmd);
  return program;
}

/** Subcommands inherit the program's error handling, so usage mistakes exit 2 everywhere. */
function propagate(cmd: Command): void {
  cmd.exitOverride().showHelpAfterError('(run `qcode ' + cmd.name() + ' --help` for usage)');
  cmd.configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `qcode: ${s}` : s) });
  cmd.commands.forEach(propagate);
}

export async function main(argv: string[]): Promise<number> {
  guardProcess();
  try {
    let code = EXIT_OK;
    await buildProgram((c) => (code = c)).parseAsync(argv);
    return code;
  } catch (e) {
    return reportError(e);
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
      process.exit(code);
    });
  }
}

function reportError(e: unknown): number {
  if (e instanceof CommanderError) {
    const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code);
    return quiet || e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (e instanceof QcodeError) {
    // A message may quote an input (a label, a line): its control characters must not reach the terminal.
    for (const err of e.all()) process.stderr.write(`qcode: error: ${visibleLines(formatMessage(err))}\n`);
    if (process.env.QCODE_DEBUG === '1') process.stderr.write(`${e.stack}\n`);
    return EXIT_USAGE;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`qcode: internal error: ${err.message} (please report it; QCODE_DEBUG=1 shows details)\n`);
  if (process.env.QCODE_DEBUG === '1') process.stderr.write(`${err.stack}\n`);
  return EXIT_USAGE;
}
