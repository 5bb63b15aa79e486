// Saturation: transcripts in order, the codes each one shows for the first time and
// the running total; the first transcript by which 95% of the final codes were seen.
// A case "shows" a code when one of its segments carries the code or a descendant.

import type { Code } from '../codebook/model.js';
import type { CodedTranscript } from '../code/pass.js';
import type { CodeId, TranscriptId } from '../types.js';
import { rollUp } from './rollup.js';

export interface SaturationStep {
  transcript: TranscriptId;
  /** The `--order` attribute's value for this case, when ordered by one. */
  value?: string;
  new_codes: CodeId[];
  cumulative: number;
}

export interface SaturationReport {
  /** `input` or the attribute the cases were ordered by. */
  order: string;
  steps: SaturationStep[];
  /** Codes seen by the last transcript. */
  total_codes: number;
  /** Codes the report could have seen (at the chosen level). */
  codebook_codes: number;
  threshold: number;
  /** The first transcript by which `threshold` of the final codes were seen (null when none were). */
  saturated_at: TranscriptId | null;
  notes: string[];
}

// Whole percent, so the comparison is exact in integers (0.95 * 20 is not always 19).
const SATURATION_PERCENT = 95;
export const SATURATION_THRESHOLD = SATURATION_PERCENT / 100;

/** Steps over the coded transcripts in the order given; `values` are the ordering attribute's values. */
export function saturation(book: Code[], shown: Code[], ordered: CodedTranscript[], order: string, values?: string[]): SaturationReport {
  const steps = new SaturationSteps(book, shown, order);
  ordered.forEach((t, i) => steps.add(t, values?.[i]));
  return steps.report();
}

/** Saturation a transcript at a time, in the order they come: a step each, not the transcripts. */
export class SaturationSteps {
  private readonly seen = new Set<CodeId>();
  private readonly steps: SaturationStep[] = [];

  constructor(private readonly book: Code[], private readonly shown: Code[], private readonly order: string) {}

  /** The next transcript, and its value of the ordering attribute when ordered by one. */
  add(t: CodedTranscript, value?: string): void {
    const hits = rollUp(this.book, t.codings);
    const fresh = this.shown.filter((c) => !this.seen.has(c.id) && hits.cases.has(c.id)).map((c) => c.id);
    fresh.forEach((id) => this.seen.add(id));
    const step: SaturationStep = { transcript: t.id, new_codes: fresh, cumulative: this.seen.size };
    if (value !== undefined) step.value = value;
    this.steps.push(step);
  }

  report(): SaturationReport {
    const { steps } = this;
    const total = this.seen.size;
    const reached = total === 0 ? undefined : steps.find((s) => s.cumulative * 100 >= SATURATION_PERCENT * total);
    const notes = total === 0 ? ['no code was seen in any transcript'] : [];
    return {
      order: this.order, steps, total_codes: total, codebook_codes: this.shown.length, threshold: SATURATION_THRESHOLD,
      saturated_at: reached?.transcript ?? null, notes,
    };
  }
}
