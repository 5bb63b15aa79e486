import type { Command } from 'commander';
import { codingsCsv, codingsJson, codingsTable } from '../../render/codings.js';
import { runCode } from '../../study/code.js';
import { guardCodings } from '../../study/deid.js';
import { VERSION } from '../../version.js';
import { emit } from '../emit.js';
import { hooksFor } from '../hooks.js';
import { addCodingsOptions, addPassOptions, addReadingOptions, checkOutFirst, type StudyCliOptions, studyOptions } from '../options.js';
import { makeUi } from '../ui.js';

export function registerCode(program: Command): void {
  addPassOptions(addCodingsOptions(addReadingOptions(program.command('code').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'))))
    .description('run the coding pass and print the coded table')
    .option('--redact', 'mask likely identifiers (names, phones, addresses …) in the printed words')
    .action(async (inputs: string[], opts: StudyCliOptions & { redact?: boolean }) => {
      await checkOutFirst(inputs, opts);
      const result = await runCode(studyOptions(inputs, opts), hooksFor(makeUi(opts)));
      const identifiers = await guardCodings(result.codings, opts);
      if (identifiers) makeUi(opts).warn(identifiers);
      const title = `${result.codebook.name} ${result.codebook.version} — ${result.codings.length} codings`;
      await emit({
        tables: () => [codingsTable(result.codings, title)],
        csv: () => codingsCsv(result.codings),
        json: () => codingsJson(result, VERSION),
      }, { ...opts, reads: result.reads });
    });
}
