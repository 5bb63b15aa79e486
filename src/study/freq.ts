// `freq`: per code, how many segments and cases carry it (or a descendant).

import { FrequencyCounter, type FreqReport } from '../core/aggregate/freq.js';
import { checkLevel } from '../core/aggregate/level.js';
import type { Warning } from '../core/types.js';
import { forEachCoded } from './code.js';
import { openStudy } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';
import { checkAttributeAmong } from './reports.js';

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
  const evidence = false; // counts need the codes, not where each was found
  await forEachCoded(study, opts, warnings, hooks, (t) => {
    for (const k of Object.keys(t.attributes)) attributeNames.add(k);
    counter.add(t);
  }, evidence);
  if (opts.by !== undefined) checkAttributeAmong(opts.by, attributeNames, '--by');
  checkLevel(opts.level);
  const report = counter.report();
  if (opts.level !== undefined) report.codes = report.codes.filter((c) => c.depth < opts.level!);
  return { report, reads: study.reads, warnings: warnings.list };
}
