// Saturation as a table with a small bar chart of the running total, CSV and JSON.

import type { CodebookRef } from '../core/aggregate/freq.js';
import type { SaturationReport } from '../core/aggregate/saturation.js';
import type { Unit } from '../core/types.js';
import type { SaturationResult } from '../study/saturation.js';
import { renderCsv } from './csv.js';
import type { Column, TableModel } from './model.js';
import { bar, percent } from './text.js';

export function saturationTable(r: SaturationResult): TableModel {
  const s = r.report;
  const ordered = s.order !== 'input';
  const columns: Column[] = [
    { header: '#', align: 'right' }, { header: 'transcript' },
    ...(ordered ? [{ header: s.order }] : []),
    { header: 'new', align: 'right' }, { header: 'total', align: 'right' }, { header: '% of final', align: 'right' },
    { header: '' }, { header: 'new codes', flex: true },
  ];
  const rows = s.steps.map((step, i) => {
    const share = s.total_codes === 0 ? null : step.cumulative / s.total_codes;
    return [
      String(i + 1), step.transcript, ...(ordered ? [step.value ?? ''] : []),
      String(step.new_codes.length), String(step.cumulative), percent(share, 0),
      bar(share, 20), step.new_codes.join(', '),
    ];
  });
  const verdict = s.saturated_at === null
    ? 'no code was seen, so there is no saturation point'
    : `${Math.round(s.threshold * 100)}% of the ${s.total_codes} codes seen were seen by ${s.saturated_at} (transcript ${s.steps.findIndex((x) => x.transcript === s.saturated_at) + 1} of ${s.steps.length})`;
  return {
    title: `Saturation — new codes per transcript, in ${ordered ? `order of ${s.order}` : 'input order'}`,
    columns, rows,
    notes: [verdict, `${s.total_codes} of ${s.codebook_codes} codebook codes were seen; a case shows a code when a segment carries it or a sub-code`, ...s.notes],
  };
}

export function saturationCsv(r: SaturationResult): string {
  const s = r.report;
  const ordered = s.order !== 'input';
  const header = ['step', 'transcript', ...(ordered ? [s.order] : []), 'new', 'cumulative', 'new_codes'];
  return renderCsv(header, s.steps.map((step, i) => [i + 1, step.transcript, ...(ordered ? [step.value ?? ''] : []), step.new_codes.length, step.cumulative, step.new_codes.join('|')]));
}

/** `qcode saturation --format json`. */
export interface SaturationJson {
  qcode: string;
  codebook: CodebookRef;
  unit: Unit;
  coder: string;
  level: number | null;
  /** `input`, or the attribute the transcripts were ordered by. */
  order: string;
  steps: SaturationReport['steps'];
  total_codes: number;
  codebook_codes: number;
  threshold: number;
  saturated_at: string | null;
  notes: string[];
}

export function saturationJson(r: SaturationResult, version: string): SaturationJson {
  const s = r.report;
  return {
    qcode: version, codebook: r.codebook, unit: r.unit, coder: r.coder, level: r.level, order: s.order, steps: s.steps,
    total_codes: s.total_codes, codebook_codes: s.codebook_codes, threshold: s.threshold, saturated_at: s.saturated_at, notes: s.notes,
  };
}
