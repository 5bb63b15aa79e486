import type { Command } from 'commander';
import { codebookRef } from '../../core/aggregate/freq.js';
import { codingsCsv, codingsTable } from '../../render/codings.js';
import { emit } from '../emit.js';
import { addStudyOptions, type CommonOptions } from '../options.js';
import { codeStudy, openStudy } from '../study.js';
import { makeUi } from '../ui.js';
import { VERSION } from '../version.js';

export function registerCode(program: Command): void {
  addStudyOptions(program.command('code').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'))
    .description('run the coding pass and print the coded table')
    .action(async (inputs: string[], opts: CommonOptions) => {
      const ui = makeUi({ quiet: opts.quiet, color: opts.color });
      const study = await openStudy(inputs, opts);
      const codings = (await codeStudy(study, opts, ui)).flatMap((t) => t.codings);
      const book = study.codebook.book;
      await emit({
        tables: () => [codingsTable(codings, `${book.name} ${book.version} — ${codings.length} codings`)],
        csv: () => codingsCsv(codings),
        json: () => ({ qcode: VERSION, codebook: codebookRef(book), unit: study.unit, codings }),
      }, opts);
    });
}
