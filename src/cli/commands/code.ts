import type { Command } from 'commander';
import { codingsCsvPieces, codingsJsonPieces, codingsTable } from '../../render/codings.js';
import { streamCode } from '../../study/code.js';
import { CodingsGuard } from '../../study/deid.js';
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
      const guard = await CodingsGuard.open(opts);
      const result = await streamCode(studyOptions(inputs, opts), hooksFor(makeUi(opts)), (codings) => guard.look(codings));
      const identifiers = guard.warning();
      if (identifiers) makeUi(opts).warn(identifiers);
      const list = result.transcripts;
      const title = `${result.codebook.name} ${result.codebook.version} — ${result.count} codings`;
      try {
        await emit({
          tables: () => [codingsTable([...list.inOrder()].flat(), title)],
          csv: () => codingsCsvPieces(list.inOrder(), result.timed, result.scored),
          jsonText: () => codingsJsonPieces(result, list.inOrder(), VERSION),
        }, { ...opts, reads: result.reads });
      } finally {
        list.close();
      }
    });
}
