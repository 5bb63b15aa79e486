import type { Command } from 'commander';
import { matrixCsv, matrixJson, matrixTables } from '../../render/matrix.js';
import { runMatrix } from '../../study/matrix.js';
import { VERSION } from '../../version.js';
import { emit } from '../emit.js';
import { hooksFor } from '../hooks.js';
import { studyOptions, type StudyCliOptions } from '../options.js';
import { makeUi } from '../ui.js';
import { addReportOptions, levelOption } from './report-options.js';

type MatrixCliOptions = StudyCliOptions & { level?: string; presence?: boolean; by?: string };

export function registerMatrix(program: Command): void {
  addReportOptions(program.command('matrix').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'))
    .description('case × code framework matrix: coded segments per case and code (or a descendant)')
    .option('--presence', '1 when the case has the code at all, else 0')
    .option('--by <attr>', 'collapse cases into the groups of a case attribute: cases with the code / cases in the group')
    .action(async (inputs: string[], opts: MatrixCliOptions) => {
      const run = {
        ...studyOptions(inputs, opts), ...levelOption(opts.level),
        ...(opts.presence ? { presence: true } : {}), ...(opts.by !== undefined ? { by: opts.by } : {}),
      };
      const result = await runMatrix(run, hooksFor(makeUi(opts)));
      await emit({ tables: () => matrixTables(result), csv: () => matrixCsv(result), json: () => matrixJson(result, VERSION) }, { ...opts, reads: result.reads });
    });
}
