import type { Command } from 'commander';
import { summarise, type IngestSummary } from '../../core/aggregate/ingest.js';
import { compareText } from '../../core/code/pass.js';
import type { Unit } from '../../core/types.js';
import { readCodebook } from '../../io/codebook-file.js';
import { readConfig } from '../../io/config.js';
import { ingestCsv, ingestJson, ingestTable } from '../../render/ingest.js';
import { emit } from '../emit.js';
import { addStudyOptions, type CommonOptions } from '../options.js';
import { readingOptions, readStudy } from '../study.js';
import { makeUi } from '../ui.js';
import { VERSION } from '../version.js';
import { QcodeError } from '../../core/errors.js';

export function registerIngest(program: Command): void {
  addStudyOptions(program.command('ingest').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'))
    .description('parse transcripts and summarise turns, segments, speakers, words, attributes and warnings')
    .action(async (inputs: string[], opts: CommonOptions) => {
      const ui = makeUi({ quiet: opts.quiet, color: opts.color });
      const config = await readConfig(opts.config);
      // A codebook is optional here: it only adds its interviewer labels and unit.
      const bookPath = opts.codebook ?? config.codebook;
      const book = bookPath ? await readCodebook(bookPath) : undefined;
      const named = inputs.length > 0 ? inputs : config.transcripts;
      if (named.length === 0) throw new QcodeError('no transcripts: name files or folders, or list them in qcode.yaml');
      const unit: Unit = opts.unit ?? book?.unit ?? 'turn';
      const list: IngestSummary[] = [];
      const read = readStudy(named, readingOptions(book, config, opts), ui);
      for await (const t of read) list.push(summarise(t, unit));
      list.sort((a, b) => compareText(a.id, b.id));
      await emit({ tables: () => [ingestTable(list)], csv: () => ingestCsv(list), json: () => ingestJson(list, VERSION) }, opts);
    });
}
