// Views of a `qcode check` report: the terminal's pass/fail table, CSV, and the
// pull-request comment (summary first, details folded). Every value and verdict comes
// from core/check; this only says it in words.

import type { AgreementRow } from '../core/check/agreement.js';
import type { CheckReport } from '../core/check/report.js';
import type { Snapshot, SnapshotComparison, SnapshotRow } from '../core/check/snapshot.js';
import type { CodeId } from '../core/types.js';
import { renderCsv } from './csv.js';
import { renderMarkdown } from './md.js';
import type { TableModel } from './model.js';
import { fixed, oneLine, percent, plural } from './text.js';

/** The snapshot file: one code per line, so a change reads as a one-line git diff. */
export function renderSnapshot(s: Snapshot): string {
  const codes = s.codes.map((c) => `    { "code": ${JSON.stringify(c.code)}, "segments": ${c.segments}, "cases": ${c.cases} }`);
  return [
    '{',
    `  "unit": ${JSON.stringify(s.unit)},`,
    `  "transcripts": ${s.transcripts},`,
    `  "segments": ${s.segments},`,
    `  "codes": [${codes.length > 0 ? `\n${codes.join(',\n')}\n  ` : ''}]`,
    '}',
    '',
  ].join('\n');
}

interface CodeLine {
  code: CodeId;
  lint: string;
  agreement: AgreementRow | undefined;
  snapshot: SnapshotRow | undefined;
  reasons: string[];
  passed: boolean;
}

/** One line per code: the codebook's codes in order, then codes only the snapshot knows. */
function codeLines(r: CheckReport): CodeLine[] {
  const agreement = new Map((r.agreement?.codes ?? []).map((c) => [c.code, c]));
  const snapshot = new Map((r.snapshot?.codes ?? []).map((c) => [c.code, c]));
  const order = [...new Set([...r.codes, ...(r.snapshot?.codes ?? []).map((c) => c.code), ...r.failing])];
  return order.map((code) => {
    const lintFailures = r.lint.failures.filter((f) => f.code === code);
    const a = agreement.get(code);
    const s = snapshot.get(code);
    const reasons = [
      ...lintFailures.map((f) => lintReason(f)),
      ...(a ? agreementReasons(a) : []),
      ...(s && r.snapshot ? snapshotReasons(s, r.snapshot.tolerance) : []),
    ];
    return { code, lint: lintFailures.length > 0 ? `✗ ${lintFailures.length}` : '✓', agreement: a, snapshot: s, reasons, passed: reasons.length === 0 };
  });
}

function lintReason(f: CheckReport['lint']['failures'][number]): string {
  if (f.kind === 'example') return `example not coded: "${short(f.text ?? '')}"`;
  if (f.kind === 'counterexample') return `counterexample coded: "${short(f.text ?? '')}"`;
  return f.message;
}

/** Which way a code fails: the statistic under its threshold, and whether the rules miss or over-reach. */
export function agreementReasons(a: AgreementRow): string[] {
  const out: string[] = [];
  const direction = (): string => {
    const miss = a.false_negative > 0 ? `the rules miss ${plural(a.false_negative, 'gold segment')} (recall ${fixed(a.recall)})` : '';
    const add = a.false_positive > 0 ? `code ${plural(a.false_positive, 'segment')} the gold coding does not (precision ${fixed(a.precision)})` : '';
    return miss && add ? `${miss} and ${add}` : miss || (add && `the rules ${add}`);
  };
  if (a.below.includes('kappa')) out.push(`κ ${fixed(a.kappa)} < ${a.thresholds.min_kappa}: ${direction()}`);
  if (a.below.includes('percent_agreement')) out.push(`agreement ${percent(a.percent_agreement)} < ${percent(a.thresholds.min_agreement, 0)}`);
  return out;
}

function snapshotReasons(s: SnapshotRow, tolerance: number): string[] {
  if (s.passed) return [];
  if (s.status === 'new') return [`not in the snapshot (now ${plural(s.actual!.segments, 'segment')}; run qcode check --update)`];
  if (s.status === 'gone') return [`in the snapshot (${plural(s.expected!.segments, 'segment')}) but no longer in the codebook`];
  const parts: string[] = [];
  if (s.actual!.segments !== s.expected!.segments) parts.push(`segments ${s.expected!.segments} → ${s.actual!.segments}`);
  if (s.actual!.cases !== s.expected!.cases) parts.push(`cases ${s.expected!.cases} → ${s.actual!.cases}`);
  return [`snapshot ${parts.join(', ')}${tolerance > 0 ? ` (tolerance ${tolerance})` : ''}`];
}

function totalsReasons(c: SnapshotComparison): string[] {
  return c.totals.filter((t) => !t.passed).map((t) => `snapshot ${t.what}: ${t.expected} → ${t.actual}`);
}

function snapshotCell(s: SnapshotRow | undefined): string {
  if (!s) return '';
  if (!s.actual) return `${s.expected!.segments} → –`;
  if (!s.expected) return `– → ${s.actual.segments}`;
  return s.status === 'same' ? String(s.actual.segments) : `${s.expected.segments} → ${s.actual.segments}`;
}

function kappaCell(a: AgreementRow | undefined): string {
  if (!a || a.status === 'no-support') return '–';
  return a.override ? `${fixed(a.kappa)} (≥ ${a.thresholds.min_kappa})` : fixed(a.kappa);
}

function short(s: string, width = 60): string {
  const one = oneLine(s).replace(/\s+/g, ' ').trim();
  return one.length <= width ? one : `${one.slice(0, width - 1)}…`;
}

export function verdictLine(r: CheckReport): string {
  if (r.passed) return 'qcode check passed';
  const totals = r.snapshot ? totalsReasons(r.snapshot) : [];
  const codes = r.failing.length > 0 ? `${plural(r.failing.length, 'code')} failing: ${r.failing.join(', ')}` : '';
  return `qcode check FAILED — ${[codes, ...totals].filter(Boolean).join('; ')}`;
}

/** What was checked, on one line: the parts and their thresholds. */
export function scopeLine(r: CheckReport): string {
  const parts = [`lint: ${plural(r.lint.examples, 'example')}, ${plural(r.lint.counterexamples, 'counterexample')}${r.lint.passed ? '' : ` (${plural(r.lint.errors, 'failure')})`}`];
  if (r.agreement) {
    const t = r.agreement.thresholds;
    parts.push(`agreement with ${r.agreement.gold} (${r.agreement.file}): κ ≥ ${t.min_kappa}, agreement ≥ ${percent(t.min_agreement, 0)}, pooled κ ${fixed(r.agreement.pooled.kappa)}`);
  }
  if (r.snapshot) parts.push(`snapshot ${r.snapshot.file}${r.snapshot.tolerance > 0 ? ` (tolerance ${r.snapshot.tolerance})` : ''}`);
  return parts.join(' · ');
}

function studyLine(r: CheckReport): string {
  return `${r.codebook.name} ${r.codebook.version} on ${plural(r.transcripts, 'transcript')}, ${plural(r.segments, `${r.unit} segment`)}`;
}

/** The pass/fail table: every code, each failing one with why. */
export function checkTable(r: CheckReport): TableModel {
  const lines = codeLines(r);
  const overrides = lines.some((l) => l.agreement?.override);
  return {
    title: `${verdictLine(r)} — ${studyLine(r)}`,
    columns: [
      { header: 'code' }, { header: 'lint' }, { header: 'support', align: 'right' }, { header: 'κ', align: 'right' },
      { header: 'agree', align: 'right' }, { header: 'P', align: 'right' }, { header: 'R', align: 'right' },
      { header: 'segments' }, { header: 'result' }, { header: 'why', flex: true },
    ],
    rows: lines.map((l) => [
      l.code, l.lint,
      l.agreement ? String(l.agreement.support) : '–',
      kappaCell(l.agreement),
      l.agreement && l.agreement.status !== 'no-support' ? percent(l.agreement.percent_agreement) : '–',
      l.agreement && l.agreement.status !== 'no-support' ? fixed(l.agreement.precision) : '–',
      l.agreement && l.agreement.status !== 'no-support' ? fixed(l.agreement.recall) : '–',
      snapshotCell(l.snapshot),
      l.passed ? 'pass' : 'FAIL',
      l.reasons.join('; '),
    ]),
    notes: [
      scopeLine(r),
      ...(overrides ? ['κ (≥ x): this code has its own threshold under check.codes in qcode.yaml'] : []),
      ...(r.snapshot ? totalsReasons(r.snapshot) : []),
      ...r.notes,
    ],
  };
}

/** `--update`: the counts that moved when the snapshot was rewritten (all of them for a new one). */
export function updateTable(u: { file: string; created: boolean; changes: SnapshotComparison }): TableModel {
  const moved = u.changes.codes.filter((c) => c.status !== 'same');
  const count = (x: { segments: number; cases: number } | null, k: 'segments' | 'cases'): string => (x ? String(x[k]) : '–');
  const what = u.created ? `Wrote a new snapshot ${u.file} (${plural(u.changes.codes.length, 'code')})` : `Updated the snapshot ${u.file}: ${moved.length === 0 && u.changes.passed ? 'nothing changed' : `${plural(moved.length, 'code')} changed`}`;
  return {
    title: what,
    columns: [{ header: 'code' }, { header: 'segments', align: 'right' }, { header: 'cases', align: 'right' }, { header: 'change' }],
    rows: moved.map((c) => [
      c.code,
      `${count(c.expected, 'segments')} → ${count(c.actual, 'segments')}`,
      `${count(c.expected, 'cases')} → ${count(c.actual, 'cases')}`,
      c.status === 'new' ? 'added' : c.status === 'gone' ? 'removed' : 'moved',
    ]),
    notes: u.created ? [] : totalsReasons(u.changes),
  };
}

export function checkCsv(r: CheckReport): string {
  const header = ['code', 'passed', 'lint_failures', 'support', 'kappa', 'percent_agreement', 'precision', 'recall', 'min_kappa', 'min_agreement', 'snapshot_segments', 'segments', 'reasons'];
  const rows = codeLines(r).map((l) => [
    l.code, l.passed, r.lint.failures.filter((f) => f.code === l.code).length,
    l.agreement?.support ?? null, l.agreement?.kappa ?? null, l.agreement?.percent_agreement ?? null,
    l.agreement?.precision ?? null, l.agreement?.recall ?? null,
    l.agreement?.thresholds.min_kappa ?? null, l.agreement?.thresholds.min_agreement ?? null,
    l.snapshot?.expected?.segments ?? null, l.snapshot?.actual?.segments ?? null, l.reasons.join('; '),
  ]);
  return renderCsv(header, rows);
}

/** A marker so a workflow can find and update its own earlier comment. */
export const CHECK_COMMENT_MARKER = '<!-- qcode check -->';

/** The pull-request comment: the verdict and the failing codes first, everything else folded. */
export function checkMarkdown(r: CheckReport, updated?: { file: string; created: boolean; changes: SnapshotComparison } | null): string {
  const lines = codeLines(r);
  const failing = lines.filter((l) => !l.passed);
  const out: string[] = [CHECK_COMMENT_MARKER];
  out.push(`### ${r.passed ? '✅' : '❌'} ${mdText(verdictLine(r))}`, '');
  out.push(`**${mdText(studyLine(r))}**  `, mdText(scopeLine(r)), '');
  const totals = r.snapshot ? totalsReasons(r.snapshot) : [];
  if (failing.length > 0 || totals.length > 0) {
    out.push(renderMarkdown({
      columns: [{ header: 'failing code' }, { header: 'why' }],
      rows: [...failing.map((l) => [`\`${l.code}\``, l.reasons.join('; ')]), ...totals.map((t) => ['(study)', t])],
    }));
    const segs = failing.flatMap((l) => (l.agreement && l.agreement.status === 'fail' ? [l.agreement] : []));
    if (segs.length > 0) {
      out.push('<details><summary>Segments where the coding pass and the gold coding differ, per failing code</summary>', '');
      for (const a of segs) {
        out.push(`- \`${a.code}\` — missed (gold only): ${ids(a.missed)}; extra (pass only): ${ids(a.extra)}`);
      }
      out.push('', '</details>', '');
    }
  }
  const table = checkTable(r);
  out.push(`<details><summary>All ${plural(lines.length, 'code')}</summary>`, '');
  out.push(renderMarkdown({ columns: table.columns, rows: table.rows }));
  out.push('</details>', '');
  if (r.lint.warnings > 0) out.push(`Lint also gave ${plural(r.lint.warnings, 'warning')} (\`qcode codebook lint\` lists them).`, '');
  if (updated) {
    const u = updateTable(updated);
    out.push(`<details><summary>${mdText(u.title ?? '')}</summary>`, '', renderMarkdown({ columns: u.columns, rows: u.rows, ...(u.notes ? { notes: u.notes } : {}) }), '</details>', '');
  }
  for (const n of r.notes) out.push(`- ${mdText(n)}`);
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function ids(list: string[]): string {
  return list.length === 0 ? 'none' : list.map((s) => `\`${s}\``).join(', ');
}

/** Text from inputs in Markdown prose: one line, no HTML or emphasis it did not mean. */
export function mdText(s: string): string {
  return oneLine(s).replace(/[\\`*_<>[\]|]/g, (ch) => `\\${ch}`);
}
