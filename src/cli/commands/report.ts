import type { Command } from 'commander';
import { QcodeError } from '../../core/errors.js';
import { checkOutputPath, writeOutput } from '../../io/output.js';
import { reportHtml } from '../../render/report-html.js';
import { plural } from '../../render/text.js';
import { runReport } from '../../study/report.js';
import { guardQuotes } from '../../study/deid.js';
import { VERSION } from '../../version.js';
import { hooksFor } from '../hooks.js';
import { parseNumberOption, studyOptions, type StudyCliOptions } from '../options.js';
import { makeUi } from '../ui.js';
import { addReportOptions, levelOption } from './report-options.js';

type ReportCliOptions = StudyCliOptions & { html?: string; level?: string; quotes?: string; title?: string; redact?: boolean };

export function registerReport(program: Command): void {
  addReportOptions(program.command('report').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'))
    .description('one self-contained HTML report: frequencies, case × code matrix, co-occurrence, saturation, codebook with exemplar quotes')
    .option('--html <file>', 'write the report to FILE (required)')
    .option('--quotes <n>', 'exemplar quotes per code, spread over cases (default 3)')
    .option('--title <text>', "the report's heading (default: the study's name, else the codebook's)")
    .option('--redact', 'mask likely identifiers (names, phones, addresses …) in the exemplar quotes')
    .action(async (inputs: string[], opts: ReportCliOptions) => {
      if (!opts.html) throw new QcodeError('qcode report writes one HTML file: give --html FILE (e.g. --html report.html)');
      const run = {
        ...studyOptions(inputs, opts), ...levelOption(opts.level),
        ...(opts.quotes !== undefined ? { quotes: parseNumberOption(opts.quotes, '--quotes', 0) } : {}),
        ...(opts.title !== undefined ? { title: opts.title } : {}),
      };
      const ui = makeUi(opts);
      const result = await runReport(run, hooksFor(ui));
      const identifiers = await guardQuotes(result.codes.flatMap((c) => c.quotes), opts);
      if (identifiers) ui.warn(identifiers);
      // Checked against everything the run read before a byte is written.
      const target = await checkOutputPath(opts.html, result.reads);
      const html = reportHtml(result, VERSION);
      await writeOutput(target, html);
      if (!opts.quiet) process.stderr.write(`qcode: wrote ${opts.html} (${plural(Buffer.byteLength(html), 'byte')})\n`);
    });
}
