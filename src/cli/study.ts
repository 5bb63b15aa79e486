import type { CompiledCodebook } from '../core/codebook/compile.js';
import { codeTranscript, compareText, type CodedTranscript } from '../core/code/pass.js';
import { QcodeError } from '../core/errors.js';
import { DEFAULT_INTERVIEWERS } from '../core/segment/roles.js';
import type { Transcript, Unit } from '../core/types.js';
import { loadCodebook } from '../io/codebook-file.js';
import { readConfig, type StudyConfig } from '../io/config.js';
import { listInputs, readTranscripts } from '../io/read.js';
import type { CommonOptions } from './options.js';
import type { Ui } from './ui.js';

/** What a data command works from: the config, the codebook and the inputs it names. */
export interface Study {
  config: StudyConfig;
  codebook: CompiledCodebook;
  unit: Unit;
  interviewers: string[];
  inputs: string[];
}

export async function openStudy(inputs: string[], opts: CommonOptions): Promise<Study> {
  const config = await readConfig(opts.config);
  const path = opts.codebook ?? config.codebook;
  if (!path) {
    throw new QcodeError('no codebook: pass --codebook FILE, or run where a qcode.yaml names one');
  }
  const codebook = await loadCodebook(path);
  const named = inputs.length > 0 ? inputs : config.transcripts;
  if (named.length === 0) {
    throw new QcodeError('no transcripts: name files or folders, or list them under `transcripts:` in qcode.yaml');
  }
  const listed = [...(codebook.book.interviewers ?? []), ...(config.interviewers ?? [])];
  return {
    config, codebook, inputs: named,
    unit: opts.unit ?? codebook.book.unit,
    interviewers: listed.length > 0 ? listed : [...DEFAULT_INTERVIEWERS],
  };
}

/**
 * Reads inputs one file at a time (a corpus never has to fit in memory), with
 * attributes layered by the reader: the transcript's own, its folder's `cases.csv`,
 * then `--attributes`.
 */
export async function* readStudy(
  inputs: string[], opts: { interviewers: string[]; attributes?: string }, ui: Ui,
): AsyncGenerator<Transcript> {
  const listing = await listInputs(inputs);
  listing.warnings.forEach((w) => ui.warn(w));
  const seen = new Map<string, string>();
  const progress = ui.progress(listing.files.length, 'reading');
  try {
    for (const file of listing.files) {
      const read = await readTranscripts(file, { ...opts, onWarning: (w) => ui.warn(w) });
      for (const t of read) {
        const earlier = seen.get(t.id);
        if (earlier) throw new QcodeError(`transcript id "${t.id}" is used twice: by ${earlier} and by ${t.source}`, { file: t.source });
        seen.set(t.id, t.source);
        t.warnings.forEach((w) => ui.warn(w));
        yield t;
      }
      progress.tick(file.path);
    }
  } finally {
    progress.done();
  }
}

/** The coding pass over the whole study, transcripts in id order (SPEC §5). */
export async function codeStudy(study: Study, opts: CommonOptions, ui: Ui): Promise<CodedTranscript[]> {
  const coded: CodedTranscript[] = [];
  const attributes = opts.attributes ?? study.config.attributes;
  const read = readStudy(study.inputs, { interviewers: study.interviewers, ...(attributes ? { attributes } : {}) }, ui);
  for await (const t of read) {
    coded.push(codeTranscript(study.codebook, t, { unit: study.unit, speakers: study.codebook.book.speakers }));
  }
  return coded.sort((a, b) => compareText(a.id, b.id));
}
