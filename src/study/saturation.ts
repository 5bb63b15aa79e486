// `saturation`: new codes per added transcript, in input order or by an attribute.

import { compareGroups, groupKey } from '../core/aggregate/groups.js';
import { codebookRef, type CodebookRef } from '../core/aggregate/freq.js';
import { saturation, type SaturationReport } from '../core/aggregate/saturation.js';
import type { Unit } from '../core/types.js';
import type { RunHooks } from './options.js';
import type { CodedTranscript } from '../core/code/pass.js';
import { checkAttributeName, streamReport, type ReportOptions, type ReportRun } from './reports.js';

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
  // Visited in input order; each transcript kept only as the codes it shows, which is all
  // a step needs, so the corpus's codings are not held until the transcripts can be ordered.
  const inputOrder: CodedTranscript[] = [];
  const base = await streamReport(opts, hooks, () => ({ add: (t) => inputOrder.push(codesShown(t)) }), { evidence: false });
  let ordered = inputOrder;
  let values: string[] | undefined;
  if (opts.order !== undefined) {
    const by = opts.order;
    checkAttributeName(by, inputOrder, '--order');
    ordered = [...inputOrder].sort((a, b) => compareGroups(groupKey(a.attributes[by]), groupKey(b.attributes[by])));
    values = ordered.map((t) => groupKey(t.attributes[by]));
  }
  const report = saturation(base.book, base.shown, ordered, opts.order ?? 'input', values);
  return {
    codebook: codebookRef(base.study.codebook!.book), unit: base.study.unit, coder: base.coder, level: opts.level ?? null,
    report, reads: base.study.reads, warnings: base.warnings.list,
  };
}

/** A transcript as saturation reads it: its id, attributes and one coding per code it carries. */
function codesShown(t: CodedTranscript): CodedTranscript {
  const byCode = new Map(t.codings.map((c) => [c.code, c]));
  return { id: t.id, source: t.source, attributes: t.attributes, eligible: [], codings: [...byCode.values()] };
}
