import type { Command } from 'commander';
import { saturationCsv, saturationJson, saturationTable } from '../../render/saturation.js';
import { runSaturation } from '../../study/saturation.js';
import { VERSION } from '../../version.js';
import { emit } from '../emit.js';
import { hooksFor } from '../hooks.js';
import { studyOptions, type StudyCliOptions } from '../options.js';
import { makeUi } from '../ui.js';
import { addReportOptions, levelOption } from './report-options.js';

type SaturationCliOptions = StudyCliOptions & { level?: string; order?: string };

export function registerSaturation(program: Command): void {
  addReportOptions(program.command('saturation').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'))
    .description('codes seen for the first time in each transcript, the running total, and where 95% of them were seen')
    .option('--order <attr>', 'order the transcripts by a case attribute (e.g. interview date) instead of input order')
    .action(async (inputs: string[], opts: SaturationCliOptions) => {
      const run = { ...studyOptions(inputs, opts), ...levelOption(opts.level), ...(opts.order !== undefined ? { order: opts.order } : {}) };
      const result = await runSaturation(run, hooksFor(makeUi(opts)));
      await emit({ tables: () => [saturationTable(result)], csv: () => saturationCsv(result), json: () => saturationJson(result, VERSION) }, { ...opts, reads: result.reads });
    });
}
