import { extname } from 'node:path';
import type { Command } from 'commander';
import { QcodeError } from '../../core/errors.js';
import { writeAtomic } from '../../io/output.js';
import { sheetCsv } from '../../render/sheet.js';
import { plural } from '../../render/text.js';
import { runSheet } from '../../study/sheet.js';
import { hooksFor } from '../hooks.js';
import { addReadingOptions, studyOptions, type StudyCliOptions } from '../options.js';
import { makeUi } from '../ui.js';

interface SheetCliOptions extends StudyCliOptions {
  prefill?: boolean;
}

export function registerSheet(program: Command): void {
  addReadingOptions(program.command('sheet').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'))
    .description('a coding workbook for a human coder: one row per segment, one 0/1 column per code (.xlsx, or .csv)')
    .option('--coder <name>', 'the coder this sheet is for (import sheet reads it back)')
    .option('--prefill', "fill in the auto-coder's codes, marked as such, for review (default: blind, nothing filled in)")
    .addHelpText('after', '\nWith --out FILE.xlsx: a workbook (Coding, Codebook, and a hidden About sheet). With --out FILE.csv, or no --out: the Coding columns as CSV.')
    .action(async (inputs: string[], opts: SheetCliOptions) => {
      const run = { ...studyOptions(inputs, opts), ...(opts.prefill ? { prefill: true } : {}) };
      const { model, reads } = await runSheet(run, hooksFor(makeUi(opts)));
      const kind = opts.out ? sheetKind(opts.out, opts.format) : 'csv';
      if (!opts.out) {
        process.stdout.write(sheetCsv(model));
        return;
      }
      if (kind === 'xlsx') {
        // exceljs is loaded only when a workbook is written: every other command would pay its start-up time.
        const { sheetWorkbook } = await import('../../io/sheet-xlsx.js');
        await writeAtomic(opts.out, await sheetWorkbook(model), reads);
      }
      else await writeAtomic(opts.out, sheetCsv(model), reads);
      const what = `${plural(model.rows.length, 'segment')} × ${plural(model.codes.length, 'code')}, ${model.about.mode}`;
      if (!opts.quiet) process.stderr.write(`qcode: wrote ${opts.out} (${what})\n`);
    });
}

function sheetKind(out: string, format: string | undefined): 'xlsx' | 'csv' {
  if (format === 'csv') return 'csv';
  if (format !== undefined) throw new QcodeError(`a coding sheet is written as .xlsx or .csv, not --format ${format}`);
  const ext = extname(out).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  throw new QcodeError(`--out ${out}: name a .xlsx workbook or a .csv file`);
}
