import type { Command } from 'commander';
import { QcodeError } from '../../core/errors.js';
import { redactCsv, redactJson, redactTable } from '../../render/deid.js';
import { runRedact } from '../../study/redact.js';
import { VERSION } from '../../version.js';
import { emit } from '../emit.js';
import { hooksFor } from '../hooks.js';
import { addReadingOptions, studyOptions, type StudyCliOptions } from '../options.js';
import { makeUi } from '../ui.js';

type RedactCliOptions = StudyCliOptions & { outDir?: string; key?: string; allow: string[] };

export function registerRedact(program: Command): void {
  addReadingOptions(program.command('redact').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'), { unit: false })
    .description('write redacted copies ([NAME], [PHONE], [ADDRESS] …; speakers as Participant 1, Interviewer) in each file\'s own format, never touching the inputs')
    .option('--out-dir <dir>', 'the folder for the copies (required; it may hold no input)')
    .option('--key <file>', 'also write the key from pseudonyms and placeholders to the original words (0600, outside --out-dir; store it apart from the data)')
    .option('--allow <term>', 'a term that identifies nobody (repeatable; adds to deid.allow in qcode.yaml)', (v: string, prev: string[]) => [...prev, v], [])
    .action(async (inputs: string[], opts: RedactCliOptions) => {
      if (!opts.outDir) throw new QcodeError('qcode redact writes copies into a folder: give --out-dir DIR (e.g. --out-dir redacted)');
      const run = { ...studyOptions(inputs, opts), outDir: opts.outDir, allow: opts.allow, ...(opts.key ? { key: opts.key } : {}) };
      const result = await runRedact(run, hooksFor(makeUi(opts)));
      await emit({ tables: () => [redactTable(result)], csv: () => redactCsv(result), json: () => redactJson(result, VERSION) }, { ...opts, reads: result.reads });
    });
}
