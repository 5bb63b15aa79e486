// `report`: every analysis of a study from one coding pass, for one HTML file a
// researcher can hand to a colleague: frequencies, the case × code matrix,
// co-occurrence, saturation, and the codebook with exemplar quotes per code.

import { CooccurCounter, type CooccurReport } from '../core/aggregate/cooccur.js';
import { codebookRef, FrequencyCounter, type CodebookRef, type FreqRow } from '../core/aggregate/freq.js';
import { MatrixRows, type MatrixReport } from '../core/aggregate/matrix.js';
import { BusiestQuotes } from '../core/aggregate/quotes.js';
import { SaturationSteps, type SaturationReport } from '../core/aggregate/saturation.js';
import { compareText, type CodedTranscript } from '../core/code/pass.js';
import type { CodeId, TranscriptId, Unit } from '../core/types.js';
import type { Code, Codebook } from '../core/codebook/model.js';
import type { RunHooks } from './options.js';
import { quotesOf, type Quote } from './quotes.js';
import { streamReport, type ReportOptions, type ReportRun } from './reports.js';

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
  /** Segments eligible for coding. */
  segments: number;
  /** Of them, those carrying at least one code. */
  codedSegments: number;
  cases: string[];
  codes: CodeCard[];
  matrix: MatrixReport;
  cooccur: CooccurReport;
  saturation: SaturationReport;
}

const EXEMPLARS = 3;

/**
 * Every analysis fed one transcript at a time as the pass codes it: the report keeps counts,
 * a row per case, a step per transcript and a few candidate quotes per code, not the coded
 * corpus (which at 200 MB of interviews held 400 MB), and reads again only the files its
 * quotes come from.
 */
export async function runReport(opts: ReportRunOptions, hooks: RunHooks = {}): Promise<ReportResult> {
  // Visited in input order (a file's transcripts in their order): saturation's order.
  const base = await streamReport(opts, hooks, ({ study, book, shown }) => reportCounters(study.codebook!.book, study.unit, book, shown, opts.quotes ?? EXEMPLARS));
  const { study, shown } = base;
  const { freq, matrix, cooccur, steps, exemplars, sources, coded } = base.counter;
  const book = study.codebook!.book;
  const shownIds = new Set(shown.map((c) => c.id));
  const counted = freq.report();
  const rows = new Map(counted.codes.map((r) => [r.code, r]));
  const picks = exemplars.flatMap((q) => q.picks());
  const quotes = await quotesOf(study, sources, picks, { context: 0 });
  const codes = shown.map((c): CodeCard => {
    const card: CodeCard = {
      id: c.id, label: c.label, depth: c.depth,
      children: c.children.filter((k) => shownIds.has(k.id)).map((k) => k.id),
      freq: rows.get(c.id)!, quotes: quotes.filter((q) => q.code === c.id),
    };
    for (const key of ['definition', 'include', 'exclude', 'memo', 'color'] as const) if (c[key] !== undefined) card[key] = c[key];
    return card;
  });
  // Cases in id order, as every table of the report lists them.
  const cases = matrix.report(compareText);
  return {
    title: opts.title ?? study.config.name ?? book.name,
    codebook: codebookRef(book), unit: study.unit, coder: base.coder, level: opts.level ?? null,
    transcripts: counted.transcripts, segments: counted.segments, codedSegments: coded.segments, cases: cases.cases,
    codes,
    matrix: cases,
    cooccur: cooccur.report(),
    saturation: steps.report(),
    reads: study.reads, warnings: base.warnings.list,
  };
}

/** What the report counts as the transcripts go by, and the files its quotes may come from. */
function reportCounters(codebook: Codebook, unit: Unit, book: Code[], shown: Code[], quotesPerCode: number) {
  const shownIds = new Set(shown.map((c) => c.id));
  // Quotes for the codes a reader reads at the bottom of the tree shown: a parent's are its sub-codes'.
  const quoted = shown.filter((c) => !c.children.some((k) => shownIds.has(k.id)));
  const counters = {
    freq: new FrequencyCounter(codebook, unit),
    matrix: new MatrixRows(book, shown),
    cooccur: new CooccurCounter(book, shown, { level: 'segment', measure: 'count' }),
    steps: new SaturationSteps(book, shown, 'input'),
    exemplars: quoted.map((c) => new BusiestQuotes(c.id, quotesPerCode)),
    sources: new Map<TranscriptId, string>(),
    coded: { segments: 0 },
  };
  return {
    ...counters,
    add(t: CodedTranscript): void {
      for (const c of [counters.freq, counters.matrix, counters.cooccur, counters.steps, ...counters.exemplars]) c.add(t);
      counters.sources.set(t.id, t.source);
      const eligible = new Set(t.eligible);
      counters.coded.segments += new Set(t.codings.filter((c) => eligible.has(c.segment)).map((c) => c.segment)).size;
    },
  };
}
