// `ingest`: what each transcript was read as — turns, segments, speakers, words, source
// times, and every line that was not read as anybody's words.

import { summarise, type IngestSummary } from '../core/aggregate/ingest.js';
import { compareText } from '../core/code/pass.js';
import type { Unit, Warning } from '../core/types.js';
import { openStudy } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';
import { readStudyTranscripts } from './transcripts.js';

export interface IngestResult {
  unit: Unit;
  /** One summary per transcript, in id order. */
  transcripts: IngestSummary[];
  reads: string[];
  warnings: Warning[];
}

export interface IngestRunOptions extends StudyOptions {
  /** Keep each segment's text (for a CSV or JSON of the corpus); false keeps counts only. */
  segments?: boolean;
}

export async function runIngest(opts: IngestRunOptions, hooks: RunHooks = {}): Promise<IngestResult> {
  const warnings = new Warnings(hooks.onWarning);
  // A codebook is optional here: it only adds its interviewer labels and unit.
  const study = await openStudy(opts, 'optional');
  const transcripts: IngestSummary[] = [];
  for await (const t of readStudyTranscripts(study.inputs, study.reading, warnings, hooks)) transcripts.push(summarise(t, study.unit, opts.segments !== false));
  transcripts.sort((a, b) => compareText(a.id, b.id));
  return { unit: study.unit, transcripts, reads: study.reads, warnings: warnings.list };
}
