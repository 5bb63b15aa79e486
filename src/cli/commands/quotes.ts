import type { Command } from 'commander';
import { quotesCsv, quotesJson, quotesTables, quotesText } from '../../render/quotes.js';
import { runQuotes } from '../../study/quotes.js';
import { guardQuotes } from '../../study/deid.js';
import { VERSION } from '../../version.js';
import { emit, useColor } from '../emit.js';
import { hooksFor } from '../hooks.js';
import { parseNumberOption, studyOptions, type StudyCliOptions } from '../options.js';
import { makeUi } from '../ui.js';
import { addReportOptions, levelOption } from './report-options.js';

type QuotesCliOptions = StudyCliOptions & { level?: string; limit?: string; context?: string; spread?: boolean; where: string[]; redact?: boolean };

export function registerQuotes(program: Command): void {
  addReportOptions(program.command('quotes').argument('[codes-and-inputs...]', 'codes to quote (e.g. barrier.housing), then transcript files or folders (default: qcode.yaml transcripts)'))
    .description('what participants said: every segment carrying a code, with the evidence highlighted')
    .option('--limit <n>', 'at most N quotes per code')
    .option('--context <n>', 'show N neighbouring turns before and after each quote (the question before an answer)')
    .option('--spread', 'one quote per case first, so one talkative participant does not fill the page')
    .option('--where <attr=value>', 'only cases with this attribute value (repeatable: one attribute any value, several all)', (v: string, prev: string[]) => [...prev, v], [])
    .option('--redact', 'mask likely identifiers (names, phones, addresses …) in the quotes')
    .action(async (words: string[], opts: QuotesCliOptions) => {
      const run = {
        ...studyOptions([], opts), ...levelOption(opts.level), codes: words, where: opts.where,
        ...(opts.limit !== undefined ? { limit: parseNumberOption(opts.limit, '--limit', 1) } : {}),
        ...(opts.context !== undefined ? { context: parseNumberOption(opts.context, '--context', 0) } : {}),
        ...(opts.spread ? { spread: true } : {}),
      };
      const result = await runQuotes(run, hooksFor(makeUi(opts)));
      const identifiers = await guardQuotes(result.quotes, opts);
      if (identifiers) makeUi(opts).warn(identifiers);
      // On a terminal quotes read as blocks with the evidence in colour, not as a table.
      if (!opts.out && (opts.format === undefined || opts.format === 'table')) {
        const width = process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined;
        process.stdout.write(quotesText(result, { color: useColor(opts), ...(width ? { width } : {}) }));
        return;
      }
      await emit({ tables: () => quotesTables(result), csv: () => quotesCsv(result), json: () => quotesJson(result, VERSION) }, { ...opts, reads: result.reads });
    });
}
