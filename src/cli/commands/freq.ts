import type { Command } from 'commander';
import { freqCsv, freqTable } from '../../render/freq.js';
import { runFreq } from '../../study/freq.js';
import { VERSION } from '../../version.js';
import { emit } from '../emit.js';
import { hooksFor } from '../hooks.js';
import { addCodingsOptions, addPassOptions, addReadingOptions, checkOutFirst, type StudyCliOptions, studyOptions } from '../options.js';
import { makeUi } from '../ui.js';
import { levelOption } from './report-options.js';

export function registerFreq(program: Command): void {
  addPassOptions(addCodingsOptions(addReadingOptions(program.command('freq').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'))))
    .description('per code: segments, % of segments, cases, % of cases')
    .option('--by <attr>', 'split the counts by a case attribute')
    .option('--level <n>', 'roll codes up to depth N (1 = top-level codes); a code always counts its sub-codes')
    .action(async (inputs: string[], opts: StudyCliOptions & { by?: string; level?: string }) => {
      await checkOutFirst(inputs, opts);
      const run = { ...studyOptions(inputs, opts), ...(opts.by !== undefined ? { by: opts.by } : {}), ...levelOption(opts.level) };
      const { report, reads } = await runFreq(run, hooksFor(makeUi(opts)));
      await emit({ tables: () => [freqTable(report)], csv: () => freqCsv(report), json: () => ({ qcode: VERSION, ...report }) }, { ...opts, reads });
    });
}
