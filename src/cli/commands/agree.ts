import { Option, type Command } from 'commander';
import { agreeCsv, agreeTable, disagreementsTable } from '../../render/agree.js';
import { runAgree, type AgreeRunOptions } from '../../study/agree.js';
import { emit } from '../emit.js';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit.js';
import { hooksFor } from '../hooks.js';
import { addModelOptions, addReadingOptions, checkOutFirst, parseNumberOption, type StudyCliOptions, studyOptions } from '../options.js';
import { makeUi } from '../ui.js';

interface AgreeCliOptions extends StudyCliOptions {
  scheme?: 'presence' | 'category';
  parent?: string;
  bootstrap: string;
  seed?: string;
  minKappa?: string;
  minAlpha?: string;
  disagreements?: boolean;
  auto?: boolean;
}

export function registerAgree(program: Command, setExit: (code: number) => void): void {
  addModelOptions(addReadingOptions(
    program.command('agree').argument('<inputs...>', 'codings CSVs (one per coder, or one with a coder column), then optional transcript files or folders'),
    { unit: false },
  ))
    .description('inter-coder reliability per code and overall')
    .addOption(new Option('--scheme <scheme>', 'presence: 1/0 per code and segment; category: which child of --parent').choices(['presence', 'category']))
    .option('--parent <code>', 'category scheme: the code whose children are the categories')
    .option('--coder <name>', 'coder name for codings files without a coder column (default: the file name)')
    .option('--bootstrap <n>', 'bootstrap resamples for the alpha interval (0: none)', '1000')
    .option('--seed <n>', 'bootstrap seed (fixed by default, so output is reproducible)')
    .option('--min-kappa <x>', 'exit 1 when a code with support has kappa below X')
    .option('--min-alpha <x>', 'exit 1 when a code with support has alpha below X')
    .option('--disagreements', 'list the segments where coders differ (speaker and text need transcripts)')
    .option('--auto', "compare the codebook's own coding pass (coder auto) with the human coding: adds precision, recall, F1")
    .action(async (inputs: string[], opts: AgreeCliOptions) => {
      await checkOutFirst(inputs, opts);
      const { report, failed, reads } = await runAgree(agreeOptions(inputs, opts), hooksFor(makeUi(opts)));
      const dis = disagreementsTable(report);
      await emit({ tables: () => [agreeTable(report), ...(dis ? [dis] : [])], csv: () => agreeCsv(report), json: () => report }, { ...opts, reads });
      setExit(failed ? EXIT_CHECK_FAILED : EXIT_OK);
    });
}

function agreeOptions(inputs: string[], opts: AgreeCliOptions): AgreeRunOptions {
  const run: AgreeRunOptions = { ...studyOptions(inputs, opts), inputs, bootstrap: parseNumberOption(opts.bootstrap, '--bootstrap', 0, 1_000_000) };
  if (opts.scheme) run.scheme = opts.scheme;
  if (opts.parent) run.parent = opts.parent;
  if (opts.seed !== undefined) run.seed = parseNumberOption(opts.seed, '--seed', 0, 2 ** 32 - 1);
  if (opts.minKappa !== undefined) run.minKappa = parseNumberOption(opts.minKappa, '--min-kappa', -1, 1);
  if (opts.minAlpha !== undefined) run.minAlpha = parseNumberOption(opts.minAlpha, '--min-alpha', -1, 1);
  if (opts.disagreements) run.disagreements = true;
  if (opts.auto) run.auto = true;
  return run;
}
