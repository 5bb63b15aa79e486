// `cooccur`: code × code co-occurrence by segment or by case.

import { CooccurCounter, type CooccurLevel, type CooccurMeasure, type CooccurReport } from '../core/aggregate/cooccur.js';
import { codebookRef, type CodebookRef } from '../core/aggregate/freq.js';
import { QcodeError } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import type { Code } from '../core/codebook/model.js';
import type { Unit } from '../core/types.js';
import type { RunHooks } from './options.js';
import { streamReport, type ReportOptions, type ReportRun } from './reports.js';

export interface CooccurRunOptions extends ReportOptions {
  /** Count shared segments (default) or shared cases. */
  per?: CooccurLevel;
  measure?: CooccurMeasure;
  /** Keep codes with no support. */
  all?: boolean;
  /** Only these codes (each still counts its descendants). */
  codes?: string[];
}

export interface CooccurResult extends ReportRun {
  codebook: CodebookRef;
  unit: Unit;
  coder: string;
  depth: number | null;
  report: CooccurReport;
}

export async function runCooccur(opts: CooccurRunOptions, hooks: RunHooks = {}): Promise<CooccurResult> {
  // A count per pair of codes as the pass goes, not the coded corpus.
  const base = await streamReport(opts, hooks, ({ book, shown }) => {
    const chosen = opts.codes && opts.codes.length > 0 ? chooseCodes(opts.codes, book) : shown;
    return new CooccurCounter(book, chosen, { level: opts.per ?? 'segment', measure: opts.measure ?? 'count', ...(opts.all ? { all: true } : {}) });
  }, { evidence: false });
  const report = base.counter.report();
  return {
    codebook: codebookRef(base.study.codebook!.book), unit: base.study.unit, coder: base.coder, depth: opts.level ?? null,
    report, reads: base.study.reads, warnings: base.warnings.list,
  };
}

/** `--codes a,b,c`: codebook ids, in the order given; a typo is named with a guess. */
export function chooseCodes(ids: string[], book: Code[]): Code[] {
  const byId = new Map(flatten(book).map((c) => [c.id, c]));
  return [...new Set(ids)].map((id) => {
    const code = byId.get(id);
    if (code) return code;
    const guess = closest(id, [...byId.keys()]);
    throw new QcodeError(`no code "${id}" in the codebook${guess ? ` (did you mean "${guess}"?)` : ''}`);
  });
}

function flatten(codes: Code[]): Code[] {
  return codes.flatMap((c) => [c, ...flatten(c.children)]);
}
