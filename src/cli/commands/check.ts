import type { Command } from 'commander';
import { checkOutputPath, writeOutput } from '../../io/output.js';
import { checkCsv, checkMarkdown, checkTable, updateTable } from '../../render/check.js';
import { runCheck, type CheckRunOptions } from '../../study/check.js';
import { emit, formatForPath } from '../emit.js';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit.js';
import { hooksFor } from '../hooks.js';
import { addReadingOptions, studyOptions, type OutputOptions, type StudyCliOptions } from '../options.js';
import { makeUi } from '../ui.js';

export function registerCheck(program: Command, setExit: (code: number) => void): void {
  addReadingOptions(program.command('check').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'))
    .description("the CI gate qcode.yaml describes: the codebook's examples, agreement with the gold coding, the frequency snapshot (exit 1 on any failure)")
    .option('--update', 'rewrite the snapshot from this coding pass (atomically) and show what changed')
    .action(async (inputs: string[], opts: StudyCliOptions & { update?: boolean }) => {
      const run: CheckRunOptions = { ...studyOptions(inputs, opts), ...(opts.update ? { update: true } : {}) };
      const { report, updated, failed, reads } = await runCheck(run, hooksFor(makeUi(opts)));
      const md = (): string => checkMarkdown(report, updated);
      if (chosenFormat(opts) === 'md') await emitText(md(), opts, reads);
      else {
        await emit({
          tables: () => [checkTable(report), ...(updated ? [updateTable(updated)] : [])],
          csv: () => checkCsv(report),
          json: () => ({ ...report, ...(updated ? { updated } : {}) }),
        }, { ...opts, reads });
      }
      setExit(failed ? EXIT_CHECK_FAILED : EXIT_OK);
    });
}

/** The format asked for, or the one `--out`'s extension implies. */
export function chosenFormat(opts: OutputOptions): string {
  return opts.format ?? (opts.out ? formatForPath(opts.out) : 'table');
}

/**
 * A document that is more than tables (a pull-request comment), to stdout or to
 * `--out` with the same guarantees as every other output: never over an input, whole
 * or not at all.
 */
export async function emitText(text: string, opts: OutputOptions, reads: readonly string[]): Promise<void> {
  if (!opts.out) {
    process.stdout.write(text);
    return;
  }
  await writeOutput(await checkOutputPath(opts.out, reads), text);
  if (!opts.quiet) process.stderr.write(`qcode: wrote ${opts.out} (${Buffer.byteLength(text)} bytes)\n`);
}
