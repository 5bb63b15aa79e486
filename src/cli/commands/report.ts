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

/**
 * The page to write: `--html FILE`, or `--out FILE` as every other command takes it. A
 * file that ends otherwise than .html or .htm would hold a web page under another
 * format's name (a researcher who typed `--out report.csv` wanted a table).
 */
function reportFile(opts: ReportCliOptions): string {
  if (opts.html !== undefined && opts.out !== undefined && opts.html !== opts.out) {
    throw new QcodeError(`--html ${opts.html} and --out ${opts.out} name two files: qcode report writes one; give one of them`);
  }
  const [option, file] = opts.html !== undefined ? ['--html', opts.html] : ['--out', opts.out];
  if (file === undefined) throw new QcodeError('qcode report writes one HTML file: give --out FILE or --html FILE (e.g. --out report.html)');
  if (!/\.html?$/i.test(file)) {
    throw new QcodeError(`qcode report writes HTML: ${option} ${file} would hold a web page under another name; end it in .html (for a table, use freq, matrix or cooccur with --format)`);
  }
  return file;
}

export function registerReport(program: Command): void {
  addReportOptions(program.command('report').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'), true, 'write the report to FILE (.html; whole, atomically)')
    .description('one self-contained HTML report: frequencies, case × code matrix, co-occurrence, saturation, codebook with exemplar quotes')
    .option('--html <file>', 'write the report to FILE (this or --out is required)')
    .option('--quotes <n>', 'exemplar quotes per code, spread over cases (default 3)')
    .option('--title <text>', "the report's heading (default: the study's name, else the codebook's)")
    .option('--redact', 'mask likely identifiers (names, phones, addresses …) in the exemplar quotes')
    .action(async (inputs: string[], opts: ReportCliOptions) => {
      const file = reportFile(opts);
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
      const target = await checkOutputPath(file, result.reads);
      const html = reportHtml(result, VERSION);
      await writeOutput(target, html);
      if (!opts.quiet) process.stderr.write(`qcode: wrote ${file} (${plural(Buffer.byteLength(html), 'byte')})\n`);
    });
}
