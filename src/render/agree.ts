// Views of an agreement report. Nothing is computed here: the values, bands and
// threshold flags all come from core/agree; this only lays them out.

import type { AgreeReport, CodeReport } from '../core/agree/types.js';
import { renderCsv } from './csv.js';
import type { TableModel } from './model.js';
import { fixed, percent } from './text.js';

function withBand(value: number | null, band: string | null | undefined): string {
  return value === null ? '–' : `${fixed(value)} ${band ?? ''}`.trimEnd();
}

function ci(c: CodeReport['alpha_ci']): string {
  return c ? `[${fixed(c.lower)}, ${fixed(c.upper)}]` : '–';
}

export function agreeTable(r: AgreeReport): TableModel {
  const many = r.coders.length > 2;
  const auto = r.codes.some((c) => c.auto !== undefined);
  const columns = [
    { header: r.scheme === 'category' ? 'parent' : 'code' },
    { header: 'units', align: 'right' as const },
    { header: 'support', align: 'right' as const },
    { header: 'agree', align: 'right' as const },
    { header: many ? "Light's κ" : "Cohen's κ" },
    { header: many ? "Fleiss' κ" : "Scott's π", align: 'right' as const },
    { header: 'α' },
    { header: 'α 95% CI' },
    { header: 'AC1', align: 'right' as const },
    ...(auto ? [{ header: 'P', align: 'right' as const }, { header: 'R', align: 'right' as const }, { header: 'F1', align: 'right' as const }] : []),
    { header: '' },
  ];
  const rows = r.codes.map((c) => [
    c.code,
    String(c.units),
    String(c.support),
    percent(c.percent_agreement),
    withBand(c.cohen_kappa, c.bands.cohen_kappa),
    fixed(many ? c.fleiss_kappa : c.scott_pi),
    withBand(c.krippendorff_alpha, c.bands.krippendorff_alpha),
    ci(c.alpha_ci),
    fixed(c.gwet_ac1),
    ...(auto ? [fixed(c.precision ?? null), fixed(c.recall ?? null), fixed(c.f1 ?? null)] : []),
    c.below.length > 0 ? `▼ ${c.below.map((s) => (s === 'cohen_kappa' ? 'κ' : 'α')).join(' ')}` : '',
  ]);
  const p = r.overall.pooled;
  const m = r.overall.mean;
  const overall = (name: string, o: { percent_agreement: number | null; cohen_kappa: number | null; scott_pi: number | null; fleiss_kappa: number | null; krippendorff_alpha: number | null; gwet_ac1: number | null }, units: string, ciText: string) => [
    name, units, '', percent(o.percent_agreement), fixed(o.cohen_kappa), fixed(many ? o.fleiss_kappa : o.scott_pi),
    fixed(o.krippendorff_alpha), ciText, fixed(o.gwet_ac1), ...(auto ? ['', '', ''] : []), '',
  ];
  if (r.scheme === 'presence' && r.codes.length > 1) {
    rows.push(overall('(pooled)', p, String(p.units), ci(p.alpha_ci)));
    rows.push(overall('(mean over codes)', m, '', ''));
  }
  const notes: string[] = [];
  notes.push(`coders: ${r.coders.join(', ')}; bands: Landis & Koch (1977); – = undefined (see --format json notes)`);
  if (r.thresholds) {
    const t = [r.thresholds.min_kappa !== undefined ? `κ ≥ ${r.thresholds.min_kappa}` : '', r.thresholds.min_alpha !== undefined ? `α ≥ ${r.thresholds.min_alpha}` : ''].filter(Boolean).join(', ');
    notes.push(`▼ below the threshold (${t}); ${r.failures.length} failure(s)`);
  }
  for (const c of r.codes) {
    const undefinedNotes = c.notes.filter((n) => / undefined|defined only|not in the codebook|no coder applied/.test(n));
    for (const n of undefinedNotes.slice(0, 2)) if (c.units > 0) notes.push(`${c.code}: ${n}`);
  }
  notes.push(...r.notes);
  const title = r.scheme === 'category'
    ? `Agreement on the children of ${r.parent} (${r.coders.length} coders)`
    : `Agreement per code (${r.coders.length} coders, presence of each code per segment)`;
  return { title, columns, rows, notes };
}

export function disagreementsTable(r: AgreeReport): TableModel | null {
  if (!r.disagreements) return null;
  const rows: string[][] = [];
  for (const d of r.disagreements) {
    for (const s of d.segments) {
      const values = r.coders.map((c) => `${c}=${s.values[c] ?? '–'}`).join(' ');
      rows.push([d.code, s.segment, s.speaker ?? '', values, (s.text ?? '').replace(/\s+/g, ' ').trim()]);
    }
  }
  return {
    title: 'Disagreements',
    columns: [{ header: 'code' }, { header: 'segment' }, { header: 'speaker' }, { header: 'values' }, { header: 'text', flex: true }],
    rows,
    notes: rows.length === 0 ? ['no disagreements'] : [],
  };
}

export function agreeCsv(r: AgreeReport): string {
  const header = [
    'code', 'units', 'support', 'percent_agreement', 'cohen_kappa', 'scott_pi', 'fleiss_kappa', 'krippendorff_alpha',
    'alpha_ci_lower', 'alpha_ci_upper', 'gwet_ac1', 'precision', 'recall', 'f1', 'below',
  ];
  const rows = r.codes.map((c) => [
    c.code, c.units, c.support, c.percent_agreement, c.cohen_kappa, c.scott_pi, c.fleiss_kappa, c.krippendorff_alpha,
    c.alpha_ci?.lower ?? null, c.alpha_ci?.upper ?? null, c.gwet_ac1, c.precision ?? null, c.recall ?? null, c.f1 ?? null,
    c.below.join('|'),
  ]);
  return renderCsv(header, rows);
}
