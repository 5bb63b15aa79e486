import type { FreqReport } from '../core/aggregate/freq.js';
import { renderCsv } from './csv.js';
import type { TableModel } from './model.js';
import { bar, percent, plural } from './text.js';

export function freqTable(r: FreqReport): TableModel {
  const groups = r.by ? Object.keys(r.codes[0]?.by ?? {}) : [];
  const columns = [
    { header: 'code' }, { header: 'label' },
    { header: 'segments', align: 'right' as const }, { header: '% seg', align: 'right' as const },
    { header: 'cases', align: 'right' as const }, { header: '% cases', align: 'right' as const },
    { header: '' },
    ...groups.map((g) => ({ header: `${r.by}=${g}`, align: 'right' as const })),
  ];
  const rows = r.codes.map((c) => [
    '  '.repeat(c.depth) + c.code.split('.').pop()!, c.label,
    String(c.segments), percent(c.segment_pct),
    `${c.cases}/${r.transcripts}`, percent(c.case_pct, 0),
    bar(c.case_pct, 14),
    ...groups.map((g) => {
      const b = c.by![g]!;
      return `${b.cases}/${b.case_total}`;
    }),
  ]);
  return {
    title: `${r.codebook.name} ${r.codebook.version} — ${plural(r.transcripts, 'transcript')}, ${plural(r.segments, `${r.unit} segment`)}`,
    columns, rows, notes: r.notes,
  };
}

export function freqCsv(r: FreqReport): string {
  const groups = r.by ? Object.keys(r.codes[0]?.by ?? {}) : [];
  const header = ['code', 'label', 'depth', 'segments', 'segment_pct', 'cases', 'case_pct'];
  if (!r.by) return renderCsv(header, r.codes.map((c) => [c.code, c.label, c.depth, c.segments, c.segment_pct, c.cases, c.case_pct]));
  // Long format with --by: one row per code and group, what a spreadsheet pivots best.
  const rows = r.codes.flatMap((c) => groups.map((g) => {
    const b = c.by![g]!;
    return [c.code, c.label, c.depth, r.by!, g, b.segments, b.cases, b.case_total];
  }));
  return renderCsv(['code', 'label', 'depth', 'attribute', 'value', 'segments', 'cases', 'case_total'], rows);
}
