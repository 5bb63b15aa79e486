// Opening a study: the config, the codebook it names (or the one given), the unit,
// which speakers are coded, how transcripts are read, and every path the run reads
// (so `--out` can refuse to overwrite any of them).

import type { CompiledCodebook } from '../core/codebook/compile.js';
import type { Codebook, SpeakerScope } from '../core/codebook/model.js';
import { QcodeError } from '../core/errors.js';
import { DEFAULT_INTERVIEWERS } from '../core/segment/roles.js';
import type { Unit } from '../core/types.js';
import { loadCodebook } from '../io/codebook-file.js';
import { readConfig, type StudyConfig } from '../io/config.js';
import type { ReadOptions } from '../io/read.js';
import type { StudyOptions } from './options.js';

export interface Study {
  config: StudyConfig;
  /** Null when the command can run without one and none was named. */
  codebook: CompiledCodebook | null;
  /** The file the codebook was read from. */
  codebookPath: string | null;
  unit: Unit;
  speakers: SpeakerScope;
  /** Transcript files and folders to read. */
  inputs: string[];
  reading: Omit<ReadOptions, 'onWarning'>;
  /**
   * Every file or folder this run reads, and the gold coding the config names: no
   * `--out` may land on any of them (a gold coding is people's work, not for a table).
   */
  reads: string[];
}

export type CodebookNeed = 'required' | 'optional';

export async function openStudy(opts: StudyOptions, need: CodebookNeed, inputsNeeded = true): Promise<Study> {
  const config = await readConfig(opts.config);
  const bookPath = opts.codebook ?? config.codebook;
  if (!bookPath && need === 'required') {
    throw new QcodeError('no codebook: pass --codebook FILE, or run where a qcode.yaml names one');
  }
  const codebook = bookPath ? await loadCodebook(bookPath) : null;
  const inputs = opts.inputs && opts.inputs.length > 0 ? opts.inputs : config.transcripts;
  if (inputs.length === 0 && inputsNeeded) {
    throw new QcodeError('no transcripts: name files or folders, or list them under `transcripts:` in qcode.yaml');
  }
  const book = codebook?.book;
  const attributes = opts.attributes ?? config.attributes;
  const reading: Study['reading'] = { interviewers: interviewersOf(opts, book, config) };
  if (attributes) reading.attributes = attributes;
  if (opts.from) reading.from = opts.from;
  const reads = [config.file, bookPath, attributes, opts.codings, config.check?.gold, ...inputs].filter((p): p is string => typeof p === 'string');
  return {
    config, codebook, codebookPath: bookPath ?? null, inputs, reading, reads,
    unit: opts.unit ?? config.unit ?? book?.unit ?? 'turn',
    speakers: book?.speakers ?? 'participant',
  };
}

/** `--interviewers` wins; else the codebook's and the config's lists; else the usual labels. */
function interviewersOf(opts: StudyOptions, book: Codebook | undefined, config: StudyConfig): string[] {
  if (opts.interviewers && opts.interviewers.length > 0) return opts.interviewers;
  const listed = [...(book?.interviewers ?? []), ...(config.interviewers ?? [])];
  return listed.length > 0 ? listed : [...DEFAULT_INTERVIEWERS];
}
