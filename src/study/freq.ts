// `freq`: per code, how many segments and cases carry it (or a descendant).

import { frequencies, type FreqReport } from '../core/aggregate/freq.js';
import { QcodeError } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import type { Warning } from '../core/types.js';
import { codeStudy } from './code.js';
import { openStudy } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';

export interface FreqRunOptions extends StudyOptions {
  /** Split the counts by this case attribute. */
  by?: string;
}

export interface FreqResult {
  report: FreqReport;
  reads: string[];
  warnings: Warning[];
}

export async function runFreq(opts: FreqRunOptions, hooks: RunHooks = {}): Promise<FreqResult> {
  const warnings = new Warnings(hooks.onWarning);
  const study = await openStudy(opts, 'required');
  const coded = await codeStudy(study, opts, warnings, hooks);
  // Counting needs which segments carry which codes, not the evidence that made them.
  const counted = coded.transcripts.map((t) => ({ ...t, codings: t.codings.map((c) => ({ ...c, evidence: [] })) }));
  if (opts.by !== undefined) checkAttribute(opts.by, counted.map((t) => t.attributes));
  const report = frequencies(study.codebook!.book, study.unit, counted, opts.by);
  return { report, reads: study.reads, warnings: warnings.list };
}

/** `--by` must name an attribute some transcript has: a typo would report one "(missing)" group. */
function checkAttribute(by: string, attributes: Record<string, unknown>[]): void {
  const known = [...new Set(attributes.flatMap((a) => Object.keys(a)))].sort();
  if (known.includes(by)) return;
  const guess = closest(by, known);
  const hint = guess ? ` (did you mean "${guess}"?)` : known.length > 0 ? `; the transcripts have: ${known.join(', ')}` : '; the transcripts have no attributes';
  throw new QcodeError(`no transcript has the attribute "${by}"${hint}`);
}
