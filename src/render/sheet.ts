// The coding sheet as CSV (the same columns as the workbook's Coding sheet), and the
// codings an imported sheet gives.

import { sheetHeader, clockText, type SheetModel } from '../core/sheet/layout.js';
import { REVIEW_HEADER, type Decision } from '../core/sheet/review.js';
import type { Coding, SegmentId } from '../core/types.js';
import { renderCsv, type CsvCell } from './csv.js';

export function sheetCsv(model: SheetModel): string {
  return renderCsv(
    sheetHeader(model.codes),
    model.rows.map((r) => [r.case, r.segment, r.speaker, clockText(r.time), r.question, r.text, ...model.codes.map((c) => (r.prefilled.includes(c.id) ? 1 : null)), '']),
  );
}

/** `transcript,segment,speaker,code,coder` and a `memo` column when any coder wrote one (on a segment's first row). */
export function importedCodingsCsv(codings: Coding[], memos: ReadonlyMap<string, ReadonlyMap<SegmentId, string>>): string {
  const withMemo = [...memos.values()].some((m) => m.size > 0);
  const header = ['transcript', 'segment', 'speaker', 'code', 'coder', ...(withMemo ? ['memo'] : [])];
  const given = new Set<string>();
  return renderCsv(header, codings.map((c) => {
    const row: CsvCell[] = [c.transcript, c.segment, c.speaker, c.code, c.coder];
    if (withMemo) {
      const key = `${c.coder}\u0000${c.segment}`;
      row.push(given.has(key) ? '' : (memos.get(c.coder)?.get(c.segment) ?? ''));
      given.add(key);
    }
    return row;
  }));
}

/** What `qcode review` saves: a codings CSV with the decision and the suggestion it was made on. */
export function reviewCsv(decisions: Decision[], coder: string): string {
  return renderCsv(REVIEW_HEADER, decisions.map((d) => [d.transcript, d.segment, d.speaker, d.code, coder, d.kind, d.suggestion]));
}
