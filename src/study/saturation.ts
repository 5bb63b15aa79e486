// `saturation`: new codes per added transcript, in input order or by an attribute.

import { compareGroups, groupKey } from '../core/aggregate/groups.js';
import { codebookRef, type CodebookRef } from '../core/aggregate/freq.js';
import { saturation, type SaturationReport } from '../core/aggregate/saturation.js';
import type { Unit } from '../core/types.js';
import type { RunHooks } from './options.js';
import { checkAttributeName, openReport, type ReportOptions, type ReportRun } from './reports.js';

export interface SaturationRunOptions extends ReportOptions {
  /** Order the transcripts by this attribute (e.g. interview date) instead of input order. */
  order?: string;
}

export interface SaturationResult extends ReportRun {
  codebook: CodebookRef;
  unit: Unit;
  coder: string;
  level: number | null;
  report: SaturationReport;
}

export async function runSaturation(opts: SaturationRunOptions, hooks: RunHooks = {}): Promise<SaturationResult> {
  const base = await openReport(opts, hooks, { evidence: false });
  let ordered = base.inputOrder;
  let values: string[] | undefined;
  if (opts.order !== undefined) {
    const by = opts.order;
    checkAttributeName(by, base.coded, '--order');
    ordered = [...base.inputOrder].sort((a, b) => compareGroups(groupKey(a.attributes[by]), groupKey(b.attributes[by])));
    values = ordered.map((t) => groupKey(t.attributes[by]));
  }
  const report = saturation(base.book, base.shown, ordered, opts.order ?? 'input', values);
  return {
    codebook: codebookRef(base.study.codebook!.book), unit: base.study.unit, coder: base.coder, level: opts.level ?? null,
    report, reads: base.study.reads, warnings: base.warnings.list,
  };
}
