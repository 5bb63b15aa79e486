import type { Command } from 'commander';
import { lintCodebook } from '../../core/codebook/lint.js';
import { QcodeError } from '../../core/errors.js';
import { loadCodebook } from '../../io/codebook-file.js';
import { readConfig } from '../../io/config.js';
import { lintCsv, lintJson, lintTable, showCsv, showJson, showTable } from '../../render/codebook.js';
import { emit } from '../emit.js';
import { markCheckFailed } from '../exit.js';
import { addOutputOptions, type CommonOptions } from '../options.js';
import { VERSION } from '../version.js';

async function codebookPath(file: string | undefined, opts: CommonOptions): Promise<string> {
  const path = file ?? opts.codebook ?? (await readConfig(opts.config)).codebook;
  if (!path) throw new QcodeError('no codebook: name one, or run where a qcode.yaml names one');
  return path;
}

export function registerCodebook(program: Command): void {
  const group = program.command('codebook').description('check a codebook, or print its tree');
  const withFile = (cmd: Command): Command =>
    addOutputOptions(cmd.argument('[file]', 'codebook (default: from qcode.yaml)'))
      .option('--codebook <file>', 'codebook, as an option')
      .option('--config <file>', 'study config (default ./qcode.yaml)');

  withFile(group.command('lint'))
    .description('validate the codebook and run its examples and counterexamples as tests (exit 1 on a failure)')
    .action(async (file: string | undefined, opts: CommonOptions) => {
      const cb = await loadCodebook(await codebookPath(file, opts));
      const report = lintCodebook(cb);
      await emit({ tables: () => [lintTable(report)], csv: () => lintCsv(report), json: () => lintJson(report, cb.book, VERSION) }, opts);
      if (report.errors > 0) markCheckFailed();
    });

  withFile(group.command('show'))
    .description('print the code tree with definitions and rule counts')
    .action(async (file: string | undefined, opts: CommonOptions) => {
      const { book } = await loadCodebook(await codebookPath(file, opts));
      await emit({ tables: () => [showTable(book)], csv: () => showCsv(book), json: () => showJson(book, VERSION) }, opts);
    });
}
