// `ingest`: what each transcript was read as — turns, segments, speakers, words, source
// times, and every line that was not read as anybody's words.

import { summarise, type IngestSummary } from '../core/aggregate/ingest.js';
import { SPILL_MEMORY_BYTES, SpilledList } from '../io/spill.js';
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
  const streamed = await streamIngest(opts, hooks);
  const transcripts = [...streamed.transcripts.inOrder()];
  streamed.transcripts.close();
  return { unit: streamed.unit, transcripts, reads: streamed.reads, warnings: streamed.warnings };
}

/** About the memory a segment takes besides its words (its object, id, speaker, offsets). */
const SEGMENT_BYTES = 300;

/** What ingest read, for printing a corpus of any size: see SpilledList. */
export interface StreamedIngest extends Omit<IngestResult, 'transcripts'> {
  /** One summary per transcript, read back in id order; closed by whoever prints it. */
  transcripts: SpilledList<IngestSummary>;
  /** Whether any segment has a source time. */
  timed: boolean;
}

/**
 * runIngest for a corpus that may not fit in memory with its text: each transcript's
 * summary is kept aside as it is read (see SpilledList) and read back in id order;
 * `memoryBytes`: how much may stay in memory before the rest goes to a temporary file.
 */
export async function streamIngest(opts: IngestRunOptions, hooks: RunHooks = {}, memoryBytes = SPILL_MEMORY_BYTES): Promise<StreamedIngest> {
  const warnings = new Warnings(hooks.onWarning);
  // A codebook is optional here: it only adds its interviewer labels and unit.
  const study = await openStudy(opts, 'optional');
  const transcripts = new SpilledList<IngestSummary>(memoryBytes);
  let timed = false;
  try {
    for await (const t of readStudyTranscripts(study.inputs, study.reading, warnings, hooks)) {
      const summary = summarise(t, study.unit, opts.segments !== false);
      let bytes = 0;
      for (const s of summary.segments) {
        bytes += SEGMENT_BYTES + s.text.length;
        if (s.time !== undefined) timed = true;
      }
      transcripts.add(summary.id, summary, bytes);
    }
  } catch (e) {
    transcripts.close();
    throw e;
  }
  return { unit: study.unit, transcripts, timed, reads: study.reads, warnings: warnings.list };
}
