import { Option, type Command } from 'commander';
import { computeAgreement } from '../../core/agree/agree.js';
import type { AgreeInput, AgreeOptions } from '../../core/agree/types.js';
import { QcodeError } from '../../core/errors.js';
import { loadCodebook } from '../../io/codebook-file.js';
import type { SourcedCoding } from '../../io/codings.js';
import { readConfig } from '../../io/config.js';
import { agreeCsv, agreeTable, disagreementsTable } from '../../render/agree.js';
import { attachTranscripts, readCoderFiles, reportedCodes, splitInputs } from '../agree-input.js';
import { emit } from '../emit.js';
import { markCheckFailed } from '../exit.js';
import { addStudyOptions, parseNumberOption, type CommonOptions } from '../options.js';
import { makeUi } from '../ui.js';
import { VERSION } from '../version.js';

interface AgreeCliOptions extends CommonOptions {
  scheme?: 'presence' | 'category';
  parent?: string;
  coder?: string;
  bootstrap: string;
  seed?: string;
  minKappa?: string;
  minAlpha?: string;
  disagreements?: boolean;
  auto?: boolean;
}

export function registerAgree(program: Command): void {
  addStudyOptions(
    program.command('agree').argument('<inputs...>', 'codings CSVs (one per coder, or one with a coder column), then optional transcript files or folders'),
  )
    .description('inter-coder reliability per code and overall')
    .addOption(new Option('--scheme <scheme>', 'presence: 1/0 per code and segment; category: which child of --parent').choices(['presence', 'category']))
    .option('--parent <code>', 'category scheme: the code whose children are the categories')
    .option('--coder <name>', 'coder name for codings files without a coder column (default: the file name)')
    .option('--bootstrap <n>', 'bootstrap resamples for the alpha interval (0: none)', '1000')
    .option('--seed <n>', 'bootstrap seed (fixed by default, so output is reproducible)')
    .option('--min-kappa <x>', 'exit 1 when a code with support has kappa below X')
    .option('--min-alpha <x>', 'exit 1 when a code with support has alpha below X')
    .option('--disagreements', 'list the segments where coders differ (speaker and text need transcripts)')
    .option('--auto', 'compare the codebook\'s own coding pass (coder auto) with the human coding: adds precision, recall, F1')
    .action(async (inputs: string[], opts: AgreeCliOptions) => {
      const ui = makeUi({ quiet: opts.quiet, color: opts.color });
      const { codingFiles, transcriptPaths } = await splitInputs(inputs);
      const config = await readConfig(opts.config);
      const codebookPath = opts.codebook ?? config.codebook;
      if (opts.auto && !codebookPath) throw new QcodeError('--auto needs a codebook: pass --codebook FILE, or run where a qcode.yaml names one');
      const codebook = codebookPath ? await loadCodebook(codebookPath) : null;
      const { codings, coders } = await readCoderFiles(codingFiles, opts.coder);
      const input: AgreeInput & { codings: SourcedCoding[] } = { codings, coders };
      const codes = reportedCodes(codebook, codings, Boolean(opts.codebook) || Boolean(opts.auto), ui);
      if (codes) input.codes = codes;
      const tPaths = transcriptPaths.length > 0 ? transcriptPaths : opts.auto ? config.transcripts : [];
      if (opts.auto && tPaths.length === 0) throw new QcodeError('--auto needs transcripts: name files or folders, or list them in qcode.yaml');
      const gold = tPaths.length === 0 ? undefined : await attachTranscripts(input, tPaths, {
        codebook, config, auto: Boolean(opts.auto),
        ...(opts.unit ? { unit: opts.unit } : {}), ...(opts.attributes ? { attributes: opts.attributes } : {}),
      }, ui);

      const agreeOpts: AgreeOptions = {
        version: VERSION,
        bootstrap: parseNumberOption(opts.bootstrap, '--bootstrap', 0, 1_000_000),
        ...(opts.scheme ? { scheme: opts.scheme } : {}),
        ...(opts.parent ? { parent: opts.parent } : {}),
        ...(opts.seed !== undefined ? { seed: parseNumberOption(opts.seed, '--seed', 0, 2 ** 32 - 1) } : {}),
        ...(opts.minKappa !== undefined ? { minKappa: parseNumberOption(opts.minKappa, '--min-kappa', -1, 1) } : {}),
        ...(opts.minAlpha !== undefined ? { minAlpha: parseNumberOption(opts.minAlpha, '--min-alpha', -1, 1) } : {}),
        ...(opts.disagreements ? { disagreements: true } : {}),
        ...(gold ? { auto: { coder: 'auto', gold } } : {}),
      };
      const report = computeAgreement(input, agreeOpts);
      const dis = disagreementsTable(report);
      await emit({
        tables: () => [agreeTable(report), ...(dis ? [dis] : [])],
        csv: () => agreeCsv(report),
        json: () => report,
      }, opts);
      if (report.failures.length > 0) markCheckFailed();
    });
}
