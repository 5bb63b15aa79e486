import type { Command } from 'commander';
import { ingestCsvPieces, ingestJsonPieces, ingestTable } from '../../render/ingest.js';
import { streamIngest } from '../../study/ingest.js';
import { VERSION } from '../../version.js';
import { emit, formatForPath } from '../emit.js';
import { hooksFor } from '../hooks.js';
import { addReadingOptions, checkOutFirst, type StudyCliOptions, studyOptions } from '../options.js';
import { makeUi } from '../ui.js';

export function registerIngest(program: Command): void {
  addReadingOptions(program.command('ingest').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'))
    .description('parse transcripts: format, turns, segments, speakers, words, attributes, unread lines and warnings')
    .action(async (inputs: string[], opts: StudyCliOptions) => {
      await checkOutFirst(inputs, opts);
      // A terminal table shows counts only: the segments' text is kept just when printed.
      const segments = (opts.format ?? (opts.out ? formatForPath(opts.out) : 'table')) !== 'table';
      const result = await streamIngest({ ...studyOptions(inputs, opts), segments }, hooksFor(makeUi(opts)));
      const list = result.transcripts;
      try {
        await emit({
          tables: () => [ingestTable([...list.inOrder()])],
          csv: () => ingestCsvPieces(list.inOrder(), result.timed),
          jsonText: () => ingestJsonPieces(list.inOrder(), VERSION),
        }, { ...opts, reads: result.reads });
      } finally {
        list.close();
      }
    });
}
