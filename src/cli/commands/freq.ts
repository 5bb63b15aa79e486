import type { Command } from 'commander';
import { frequencies } from '../../core/aggregate/freq.js';
import { freqCsv, freqTable } from '../../render/freq.js';
import { emit } from '../emit.js';
import { addStudyOptions, type CommonOptions } from '../options.js';
import { codeStudy, openStudy } from '../study.js';
import { makeUi } from '../ui.js';
import { VERSION } from '../version.js';

interface FreqOptions extends CommonOptions {
  by?: string;
}

export function registerFreq(program: Command): void {
  addStudyOptions(program.command('freq').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'))
    .description('per code: segments, % of segments, cases, % of cases')
    .option('--by <attr>', 'split the counts by a case attribute')
    .action(async (inputs: string[], opts: FreqOptions) => {
      const ui = makeUi({ quiet: opts.quiet, color: opts.color });
      const study = await openStudy(inputs, opts);
      const report = frequencies(study.codebook.book, study.unit, await codeStudy(study, opts, ui), opts.by);
      await emit({ tables: () => [freqTable(report)], csv: () => freqCsv(report), json: () => ({ qcode: VERSION, ...report }) }, opts);
    });
}
