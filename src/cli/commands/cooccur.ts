import type { Command } from 'commander';
import { QcodeError } from '../../core/errors.js';
import { Option } from 'commander';
import type { CooccurLevel } from '../../core/aggregate/cooccur.js';
import { cooccurCsv, cooccurJson, cooccurTable } from '../../render/cooccur.js';
import { runCooccur } from '../../study/cooccur.js';
import { VERSION } from '../../version.js';
import { emit } from '../emit.js';
import { hooksFor } from '../hooks.js';
import { parseNumberOption, studyOptions, type StudyCliOptions } from '../options.js';
import { makeUi } from '../ui.js';
import { addReportOptions } from './report-options.js';

type CooccurCliOptions = StudyCliOptions & { level: string[]; measure?: 'count' | 'jaccard'; all?: boolean; codes?: string };

export function registerCooccur(program: Command): void {
  addReportOptions(program.command('cooccur').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'), false)
    .description('code × code co-occurrence: segments (or cases) carrying both codes, or their Jaccard index')
    .option('--level <segment|case|N>', 'segment (default) or case: what two codes must share; a number N rolls codes up to depth N (give both: --level case --level 1)', collect, [])
    .addOption(new Option('--measure <measure>', 'count (default) or jaccard: shared / either').choices(['count', 'jaccard']))
    .option('--all', 'keep codes that no segment carries')
    .option('--codes <ids>', 'only these codes, comma-separated (each still counts its sub-codes)')
    .action(async (inputs: string[], opts: CooccurCliOptions) => {
      const run = {
        ...studyOptions(inputs, opts), ...levels(opts.level),
        ...(opts.measure ? { measure: opts.measure } : {}), ...(opts.all ? { all: true } : {}),
        ...(opts.codes !== undefined ? { codes: opts.codes.split(',').map((c) => c.trim()).filter((c) => c !== '') } : {}),
      };
      const result = await runCooccur(run, hooksFor(makeUi(opts)));
      await emit({ tables: () => [cooccurTable(result)], csv: () => cooccurCsv(result), json: () => cooccurJson(result, VERSION) }, { ...opts, reads: result.reads });
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--level` words say what is shared, numbers how deep codes go: `--level case --level 1`. */
function levels(values: string[]): { per?: CooccurLevel; level?: number } {
  const out: { per?: CooccurLevel; level?: number } = {};
  for (const v of values.flatMap((x) => x.split(','))) {
    const word = v.trim();
    if (word === 'segment' || word === 'case') out.per = word;
    else if (/^\d+$/.test(word)) out.level = parseNumberOption(word, '--level', 1);
    else throw new QcodeError(`--level takes segment, case or a depth N (1 = top-level codes), not "${v}"`);
  }
  return out;
}
