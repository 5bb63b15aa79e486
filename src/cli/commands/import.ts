// `qcode import …`: bringing codings made elsewhere into qcode. One command group, so
// each kind of file adds one subcommand here.

import type { Command } from 'commander';
import { codingsTable } from '../../render/codings.js';
import { importedCodingsCsv } from '../../render/sheet.js';
import { runImportSheet } from '../../study/import-sheet.js';
import { registerImportRefi } from './export.js';
import { emit } from '../emit.js';
import { hooksFor } from '../hooks.js';
import { addReadingOptions, studyOptions, type StudyCliOptions } from '../options.js';
import { makeUi } from '../ui.js';

/** The `import` group; each kind of file registers its own subcommand on it. */
export function registerImport(program: Command, setExit: (code: number) => void): Command {
  const group = program.command('import').description('bring codings made elsewhere into qcode');
  registerImportSheet(group, setExit);
  registerImportRefi(group);
  return group;
}

function registerImportSheet(group: Command, _setExit: (code: number) => void): void {
  addReadingOptions(group.command('sheet').argument('<files...>', 'filled-in coding sheets (.xlsx or .csv), one coder each'))
    .description('filled-in coding sheets back to a codings CSV (one coder per sheet)')
    .option('--coder <name>', "the coder of a single sheet (default: the sheet's own, else its file name)")
    .option('--transcripts <paths>', 'comma-separated transcript files or folders to check the sheets against (default: qcode.yaml transcripts)')
    .action(async (files: string[], opts: StudyCliOptions & { transcripts?: string }) => {
      const inputs = opts.transcripts ? opts.transcripts.split(',').map((p) => p.trim()).filter((p) => p !== '') : [];
      const { codings: _c, ...study } = studyOptions(inputs, opts);
      const result = await runImportSheet({ ...study, files }, hooksFor(makeUi(opts)));
      const title = `${result.coders.join(', ')} — ${result.codings.filter((c) => c.code !== '').length} codings`;
      await emit({
        tables: () => [codingsTable(result.codings.filter((c) => c.code !== ''), title)],
        csv: () => importedCodingsCsv(result.codings, result.memos),
        json: () => ({ coders: result.coders, codings: result.codings, memos: Object.fromEntries([...result.memos].map(([k, v]) => [k, Object.fromEntries(v)])) }),
      }, { ...opts, reads: result.reads });
    });
}
