// `matrix`: the case × code framework matrix.

import { codebookRef, type CodebookRef } from '../core/aggregate/freq.js';
import { caseCodeMatrix, type MatrixReport } from '../core/aggregate/matrix.js';
import type { Unit } from '../core/types.js';
import type { RunHooks } from './options.js';
import { checkAttributeName, openReport, type ReportOptions, type ReportRun } from './reports.js';

export interface MatrixRunOptions extends ReportOptions {
  /** 0/1 cells: does the case have the code at all. */
  presence?: boolean;
  /** Collapse cases into the groups of this attribute. */
  by?: string;
}

export interface MatrixResult extends ReportRun {
  codebook: CodebookRef;
  unit: Unit;
  coder: string;
  level: number | null;
  report: MatrixReport;
}

export async function runMatrix(opts: MatrixRunOptions, hooks: RunHooks = {}): Promise<MatrixResult> {
  const base = await openReport(opts, hooks, { evidence: false });
  if (opts.by !== undefined) checkAttributeName(opts.by, base.coded, '--by');
  const report = caseCodeMatrix(base.book, base.shown, base.coded, {
    ...(opts.presence ? { presence: true } : {}),
    ...(opts.by !== undefined ? { by: opts.by } : {}),
  });
  return {
    codebook: codebookRef(base.study.codebook!.book), unit: base.study.unit, coder: base.coder, level: opts.level ?? null,
    report, reads: base.study.reads, warnings: base.warnings.list,
  };
}
