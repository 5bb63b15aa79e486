// `report`: every analysis of a study from one coding pass, for one HTML file a
// researcher can hand to a colleague: frequencies, the case × code matrix,
// co-occurrence, saturation, and the codebook with exemplar quotes per code.

import { cooccurrence, type CooccurReport } from '../core/aggregate/cooccur.js';
import { codebookRef, frequencies, type CodebookRef, type FreqRow } from '../core/aggregate/freq.js';
import { caseCodeMatrix, type MatrixReport } from '../core/aggregate/matrix.js';
import { selectQuotes } from '../core/aggregate/quotes.js';
import { saturation, type SaturationReport } from '../core/aggregate/saturation.js';
import type { CodeId, Unit } from '../core/types.js';
import type { RunHooks } from './options.js';
import { quotesOf, type Quote } from './quotes.js';
import { openReport, type ReportOptions, type ReportRun } from './reports.js';

export interface ReportRunOptions extends ReportOptions {
  /** Exemplar quotes per code (default 3), one per case, from the cases that speak of it most. */
  quotes?: number;
  /** The report's heading; default the study's name, else the codebook's. */
  title?: string;
}

/** One code as the report describes it: its definition, its numbers, its exemplars. */
export interface CodeCard {
  id: CodeId;
  label: string;
  depth: number;
  definition?: string;
  include?: string;
  exclude?: string;
  memo?: string;
  color?: string;
  /** Its ids of sub-codes shown in the report (a parent's quotes are its sub-codes'). */
  children: CodeId[];
  freq: FreqRow;
  quotes: Quote[];
}

export interface ReportResult extends ReportRun {
  title: string;
  codebook: CodebookRef;
  unit: Unit;
  coder: string;
  level: number | null;
  transcripts: number;
  segments: number;
  cases: string[];
  codes: CodeCard[];
  matrix: MatrixReport;
  cooccur: CooccurReport;
  saturation: SaturationReport;
}

const EXEMPLARS = 3;

export async function runReport(opts: ReportRunOptions, hooks: RunHooks = {}): Promise<ReportResult> {
  const base = await openReport(opts, hooks);
  const book = base.study.codebook!.book;
  const shownIds = new Set(base.shown.map((c) => c.id));
  const freq = frequencies(book, base.study.unit, base.coded);
  const rows = new Map(freq.codes.map((r) => [r.code, r]));
  // Quotes for the codes a reader reads at the bottom of the tree shown: a parent's are its sub-codes'.
  const quoted = base.shown.filter((c) => !c.children.some((k) => shownIds.has(k.id)));
  const selections = quoted.map((c) => selectQuotes(c.id, base.coded, { spread: true, busiestFirst: true, limit: opts.quotes ?? EXEMPLARS }));
  const quotes = await quotesOf(base.study, base.coded, selections.flatMap((s) => s.picks), { context: 0 });
  const codes = base.shown.map((c): CodeCard => {
    const card: CodeCard = {
      id: c.id, label: c.label, depth: c.depth,
      children: c.children.filter((k) => shownIds.has(k.id)).map((k) => k.id),
      freq: rows.get(c.id)!, quotes: quotes.filter((q) => q.code === c.id),
    };
    for (const key of ['definition', 'include', 'exclude', 'memo', 'color'] as const) if (c[key] !== undefined) card[key] = c[key];
    return card;
  });
  return {
    title: opts.title ?? base.study.config.name ?? book.name,
    codebook: codebookRef(book), unit: base.study.unit, coder: base.coder, level: opts.level ?? null,
    transcripts: freq.transcripts, segments: freq.segments, cases: base.coded.map((t) => t.id),
    codes,
    matrix: caseCodeMatrix(book.codes, base.shown, base.coded),
    cooccur: cooccurrence(book.codes, base.shown, base.coded, { level: 'segment', measure: 'count' }),
    saturation: saturation(book.codes, base.shown, base.inputOrder, 'input'),
    reads: base.study.reads, warnings: base.warnings.list,
  };
}
