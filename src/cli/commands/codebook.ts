import type { Command } from 'commander';
import { lintCsv, lintJson, lintTable, showCsv, showJson, showTable } from '../../render/codebook.js';
import { openCodebook, runLint } from '../../study/codebook.js';
import { VERSION } from '../../version.js';
import { emit } from '../emit.js';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit.js';
import { addOutputOptions, type OutputOptions } from '../options.js';
import { addCodingsOptions, addReadingOptions, parseNumberOption } from '../options.js';
import { suggestCsv, suggestJson, suggestTables } from '../../render/suggest.js';
import { VECTOR_PACKAGE } from '../../io/word-vectors.js';
import { runSuggest } from '../../study/suggest.js';
import { QcodeError } from '../../core/errors.js';
import { Option } from 'commander';
import { UNITS } from '../../core/types.js';
import { diffCsv, diffJson, diffMarkdown, diffTables } from '../../render/diff.js';
import { runCodebookDiff, type DiffRunOptions } from '../../study/diff.js';
import { hooksFor } from '../hooks.js';
import { studyOptions, type StudyCliOptions } from '../options.js';
import { makeUi } from '../ui.js';
import { chosenFormat, emitText } from './check.js';

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

  registerCodebookSuggest(group);
}

// --------------------------------------------------------------- suggest --

type SuggestCliOptions = StudyCliOptions & { min?: string; top?: string; vectors?: string | true };

/** `codebook suggest CODE [inputs]`: terms the coded segments use that the code's rules do not. */
function registerCodebookSuggest(group: Command): void {
  addCodingsOptions(addReadingOptions(group.command('suggest')))
    .argument('<code>', 'the code to widen (a parent code counts its children)')
    .argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)')
    .description("terms and phrases that go with a code's coded segments but are not in its rules yet, with counts and examples")
    .option('--min <n>', 'only terms in at least N coded segments', '2')
    .option('--top <n>', 'at most N terms', '20')
    .option('--vectors [file]', `rank by similarity to the code's words in word-vector space: the npm package ${VECTOR_PACKAGE} if installed, or FILE (its JSON, or a GloVe/word2vec text file)`)
    .action(async (code: string, inputs: string[], opts: SuggestCliOptions) => {
      const run = {
        ...studyOptions(inputs, opts), code,
        min: wholeNumber(opts.min ?? '2', '--min'), top: wholeNumber(opts.top ?? '20', '--top'),
        ...(opts.vectors !== undefined ? { vectors: opts.vectors } : {}),
      };
      const result = await runSuggest(run, hooksFor(makeUi(opts)));
      await emit({ tables: () => suggestTables(result), csv: () => suggestCsv(result), json: () => suggestJson(result, VERSION) }, { ...opts, reads: result.reads });
    });
}

/** `--min 1.5` is a typo, not a threshold: counts of segments and terms are whole. */
function wholeNumber(value: string, name: string): number {
  const n = parseNumberOption(value, name, 1);
  if (!Number.isInteger(n)) throw new QcodeError(`${name} must be a whole number from 1, not "${value}"`);
  return n;
}

// ------------------------------------------------------------------ diff --

type DiffCliOptions = StudyCliOptions & { on?: string[] };

/** `codebook diff OLD [NEW]`: added to the `codebook` group that registerCodebook made. */
export function registerCodebookDiff(program: Command): void {
  const group = program.commands.find((c) => c.name() === 'codebook');
  if (!group) throw new Error('registerCodebook must run before registerCodebookDiff');
  addOutputOptions(group.command('diff'))
    .argument('<old>', 'the old codebook: a file, or git:REV:PATH (read with git show, no checkout)')
    .argument('[new]', 'the new codebook: a file or git:REV:PATH (default: from qcode.yaml)')
    .description('what changed between two codebook versions, and per code the segments gained and lost on the transcripts')
    .option('--on <inputs...>', 'transcripts to measure the effect on (default: qcode.yaml transcripts)')
    .option('--config <file>', 'study config (default ./qcode.yaml)')
    .option('--attributes <file>', "case attribute sheet (CSV, first column id); overrides the transcripts' own")
    .option('--interviewers <labels>', 'comma-separated interviewer labels (replaces the default list)')
    .addOption(new Option('--unit <unit>', 'segment unit; default from qcode.yaml, then the new codebook').choices(UNITS as string[]))
    .action(async (old: string, now: string | undefined, opts: DiffCliOptions) => {
      const run: DiffRunOptions = { ...studyOptions([], opts), old };
      if (now !== undefined) run.new = now;
      if (opts.on !== undefined) run.on = opts.on;
      const { report, reads } = await runCodebookDiff(run, hooksFor(makeUi(opts)));
      if (chosenFormat(opts) === 'md') await emitText(diffMarkdown(report), opts, reads);
      else await emit({ tables: () => diffTables(report), csv: () => diffCsv(report), json: () => diffJson(report) }, { ...opts, reads });
    });
}
