// The views of `learn`: what cross-validation says the model buys, per code and overall.

import type { Evaluation, Scores } from '../core/learn/evaluate.js';
import { MERGE_POLICIES, type MergePolicy } from '../core/learn/apply.js';
import { renderCsv, type CsvCell } from './csv.js';
import type { TableModel } from './model.js';
import { fixed, plural } from './text.js';

const SYSTEM: Record<MergePolicy, string> = { rules: 'rules alone', model: 'model alone', union: 'merge union', vote: 'merge vote' };

const SUMMARY_COLUMNS: TableModel['columns'] = [{ header: 'coding' }, { header: 'mean κ', align: 'right' }, { header: 'precision', align: 'right' }, { header: 'recall', align: 'right' }];

export function learnSummaryTable(e: Evaluation, title: string): TableModel {
  if (e.folds === 0) {
    // Nothing was measured: a table of dashes would read as a result.
    return {
      title: `${title} — not cross-validated: ${plural(e.transcripts, 'coded transcript')}, and at least 2 are needed to hold one out`,
      columns: SUMMARY_COLUMNS,
      rows: [],
      notes: ['the model is learned from what there is; how much it buys is unknown until more transcripts are coded'],
    };
  }
  return {
    title: `${title} — ${e.folds}-fold cross-validation by transcript, ${plural(e.transcripts, 'transcript')}, ${plural(e.segments, 'segment')}`,
    columns: SUMMARY_COLUMNS,
    rows: MERGE_POLICIES.map((p) => [SYSTEM[p], fixed(e.summary[p].meanKappa), fixed(e.summary[p].precision), fixed(e.summary[p].recall)]),
    notes: e.folds === 0 ? ['too few transcripts to cross-validate (at least 2 are needed)'] : ['mean κ over the leaf codes where κ is defined; precision and recall over all leaf codes\' segment decisions'],
  };
}

/** The tables of a learn run: the summary, and per code when anything was measured. */
export function learnTables(e: Evaluation, title: string): TableModel[] {
  return e.folds === 0 ? [learnSummaryTable(e, title)] : [learnSummaryTable(e, title), learnCodesTable(e)];
}

export function learnCodesTable(e: Evaluation): TableModel {
  const trio = (s: Scores): string[] => [fixed(s.kappa), fixed(s.precision, 2), fixed(s.recall, 2)];
  return {
    title: `per code: κ, precision, recall — rules alone, model alone, merge ${e.merge}`,
    columns: [
      { header: 'code' }, { header: 'human', align: 'right' },
      ...['rules', 'model', e.merge].flatMap((w) => [{ header: `${w} κ`, align: 'right' as const }, { header: 'P', align: 'right' as const }, { header: 'R', align: 'right' as const }]),
    ],
    rows: e.codes.map((c) => [c.code, String(c.human), ...trio(c.rules), ...trio(c.model), ...trio(c.merge)]),
  };
}

const CSV_HEADER = ['code', 'human', ...['rules', 'model', 'merge'].flatMap((w) => [`${w}_kappa`, `${w}_precision`, `${w}_recall`])];

/** One row per leaf code (the summary is in the table and JSON views). */
export function learnCsv(e: Evaluation): string {
  const rows: CsvCell[][] = e.codes.map((c) => [c.code, c.human, ...[c.rules, c.model, c.merge].flatMap((s) => [s.kappa, s.precision, s.recall])]);
  return renderCsv(CSV_HEADER, rows);
}

export interface LearnJson {
  qcode: string;
  /** The model file written, if any, and its size. */
  model: { file: string | null; bytes: number; codes: number };
  evaluation: Evaluation;
}

export function learnJson(e: Evaluation, model: LearnJson['model'], version: string): LearnJson {
  return { qcode: version, model, evaluation: e };
}
