// `matrix`: the case × code framework matrix.

import { codebookRef, type CodebookRef } from '../core/aggregate/freq.js';
import { MatrixRows, type MatrixReport } from '../core/aggregate/matrix.js';
import { compareText } from '../core/code/pass.js';
import type { Unit } from '../core/types.js';
import type { RunHooks } from './options.js';
import { checkAttributeAmong, streamReport, type ReportOptions, type ReportRun } from './reports.js';

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
  // A row per case as the pass goes, not the coded corpus.
  const base = await streamReport(opts, hooks, ({ book, shown }) => new MatrixRows(book, shown, {
    ...(opts.presence ? { presence: true } : {}),
    ...(opts.by !== undefined ? { by: opts.by } : {}),
  }), { evidence: false });
  const report = base.counter.report(compareText);
  if (opts.by !== undefined) checkAttributeAmong(opts.by, report.attribute_names, '--by');
  return {
    codebook: codebookRef(base.study.codebook!.book), unit: base.study.unit, coder: base.coder, level: opts.level ?? null,
    report, reads: base.study.reads, warnings: base.warnings.list,
  };
}
