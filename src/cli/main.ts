import { Command, CommanderError } from 'commander';
import { QcodeError, formatMessage } from '../core/errors.js';
import { registerAgree } from './commands/agree.js';
import { registerCode } from './commands/code.js';
import { registerCodebook } from './commands/codebook.js';
import { registerFreq } from './commands/freq.js';
import { registerIngest } from './commands/ingest.js';
import { EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, takeCheckFailed } from './exit.js';
import { VERSION } from './version.js';

export function buildProgram(): Command {
  const program = new Command('qcode')
    .description('Qualitative coding of interview transcripts: codebooks as code, coded tables, frequencies, agreement.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run `qcode --help` for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `qcode: ${s}` : s) });
  registerIngest(program);
  registerCode(program);
  registerFreq(program);
  registerCodebook(program);
  registerAgree(program);
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
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `qcode code | head`: the reader left; that is not a failure.
    if (e.code === 'EPIPE') process.exit(EXIT_OK);
    throw e;
  });
  try {
    await buildProgram().parseAsync(argv);
    return takeCheckFailed() ? EXIT_CHECK_FAILED : EXIT_OK;
  } catch (e) {
    return reportError(e);
  }
}

function reportError(e: unknown): number {
  if (e instanceof CommanderError) {
    const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code);
    return quiet || e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (e instanceof QcodeError) {
    for (const err of e.all()) process.stderr.write(`qcode: error: ${formatMessage(err)}\n`);
    if (process.env.QCODE_DEBUG === '1') process.stderr.write(`${e.stack}\n`);
    return EXIT_USAGE;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`qcode: internal error: ${err.message} (please report it; QCODE_DEBUG=1 shows details)\n`);
  if (process.env.QCODE_DEBUG === '1') process.stderr.write(`${err.stack}\n`);
  return EXIT_USAGE;
}
