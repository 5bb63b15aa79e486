// `freq`: per code, how many segments and cases carry it (or a descendant).

import { FrequencyCounter, type FreqReport } from '../core/aggregate/freq.js';
import { checkLevel } from '../core/aggregate/level.js';
import { QcodeError } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import type { Warning } from '../core/types.js';
import { forEachCoded } from './code.js';
import { openStudy } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';

export interface FreqRunOptions extends StudyOptions {
  /** Split the counts by this case attribute. */
  by?: string;
  /** Roll codes up to depth N (1 = top-level codes): only codes above it are listed. */
  level?: number;
}

export interface FreqResult {
  report: FreqReport;
  reads: string[];
  warnings: Warning[];
}

export async function runFreq(opts: FreqRunOptions, hooks: RunHooks = {}): Promise<FreqResult> {
  const warnings = new Warnings(hooks.onWarning);
  const study = await openStudy(opts, 'required');
  // Counted as each transcript is coded: memory holds the counts, not the corpus.
  const counter = new FrequencyCounter(study.codebook!.book, study.unit, opts.by);
  const attributeNames = new Set<string>();
  await forEachCoded(study, opts, warnings, hooks, (t) => {
    for (const k of Object.keys(t.attributes)) attributeNames.add(k);
    counter.add(t);
  });
  if (opts.by !== undefined) checkAttribute(opts.by, [...attributeNames]);
  checkLevel(opts.level);
  const report = counter.report();
  if (opts.level !== undefined) report.codes = report.codes.filter((c) => c.depth < opts.level!);
  return { report, reads: study.reads, warnings: warnings.list };
}

/** `--by` must name an attribute some transcript has: a typo would report one "(missing)" group. */
function checkAttribute(by: string, names: string[]): void {
  const known = [...names].sort();
  if (known.includes(by)) return;
  const guess = closest(by, known);
  const hint = guess ? ` (did you mean "${guess}"?)` : known.length > 0 ? `; the transcripts have: ${known.join(', ')}` : '; the transcripts have no attributes';
  throw new QcodeError(`no transcript has the attribute "${by}"${hint}`);
}
