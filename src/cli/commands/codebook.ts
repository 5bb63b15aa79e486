import type { Command } from 'commander';
import { lintCsv, lintJson, lintTable, showCsv, showJson, showTable } from '../../render/codebook.js';
import { openCodebook, runLint } from '../../study/codebook.js';
import { VERSION } from '../../version.js';
import { emit } from '../emit.js';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit.js';
import { addOutputOptions, type OutputOptions } from '../options.js';

type CodebookCliOptions = OutputOptions & { codebook?: string; config?: string };

function codebookOptions(file: string | undefined, opts: CodebookCliOptions) {
  const codebook = file ?? opts.codebook;
  return { ...(codebook !== undefined ? { codebook } : {}), ...(opts.config !== undefined ? { config: opts.config } : {}) };
}

export function registerCodebook(program: Command, setExit: (code: number) => void): void {
  const group = program.command('codebook').description('check a codebook, or print its tree');
  const withFile = (cmd: Command): Command =>
    addOutputOptions(cmd.argument('[file]', 'codebook (default: from qcode.yaml)'))
      .option('--codebook <file>', 'codebook, as an option')
      .option('--config <file>', 'study config (default ./qcode.yaml)');

  withFile(group.command('lint'))
    .description('validate the codebook and run its examples and counterexamples as tests (exit 1 on a failure)')
    .action(async (file: string | undefined, opts: CodebookCliOptions) => {
      const { codebook, report, failed, reads } = await runLint(codebookOptions(file, opts));
      await emit({ tables: () => [lintTable(report)], csv: () => lintCsv(report), json: () => lintJson(report, codebook.book, VERSION) }, { ...opts, reads });
      setExit(failed ? EXIT_CHECK_FAILED : EXIT_OK);
    });

  withFile(group.command('show'))
    .description('print the code tree with definitions and rule counts')
    .action(async (file: string | undefined, opts: CodebookCliOptions) => {
      const { codebook, reads } = await openCodebook(codebookOptions(file, opts));
      const { book } = codebook;
      await emit({ tables: () => [showTable(book)], csv: () => showCsv(book), json: () => showJson(book, VERSION) }, { ...opts, reads });
    });
}
