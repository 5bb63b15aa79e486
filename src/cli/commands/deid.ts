import type { Command } from 'commander';
import { deidCsv, deidJson, deidTable } from '../../render/deid.js';
import { runDeid } from '../../study/deid.js';
import { VERSION } from '../../version.js';
import { emit } from '../emit.js';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit.js';
import { hooksFor } from '../hooks.js';
import { addReadingOptions, studyOptions, type StudyCliOptions } from '../options.js';
import { makeUi } from '../ui.js';

type DeidCliOptions = StudyCliOptions & { show?: boolean; allow: string[] };

export function registerDeid(program: Command, setExit: (code: number) => void): void {
  addReadingOptions(program.command('deid').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'), { unit: false })
    .description('find text that may identify a person (names, places, addresses, phones, emails, URLs, handles, SSNs, dates, case numbers); exit 1 when any is found')
    .option('--show', 'print the words found (default: masked, M•••• L••••)')
    .option('--allow <term>', 'a term that identifies nobody (repeatable; adds to deid.allow in qcode.yaml)', (v: string, prev: string[]) => [...prev, v], [])
    .action(async (inputs: string[], opts: DeidCliOptions) => {
      const result = await runDeid({ ...studyOptions(inputs, opts), show: Boolean(opts.show), allow: opts.allow }, hooksFor(makeUi(opts)));
      await emit({ tables: () => [deidTable(result)], csv: () => deidCsv(result), json: () => deidJson(result, VERSION) }, { ...opts, reads: result.reads });
      setExit(result.findings.length > 0 ? EXIT_CHECK_FAILED : EXIT_OK);
    });
}
