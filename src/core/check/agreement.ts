// The agreement part of `qcode check`: the coding pass against the team's gold coding,
// per code, judged against thresholds. The statistics come from core/agree; this only
// says, per code, which threshold applies and whether it is met.

import type { AgreeReport } from '../agree/types.js';
import type { CodeId, SegmentId } from '../types.js';

export interface Thresholds {
  min_kappa: number;
  min_agreement: number;
}

/** What a study gets when its `check:` block names a gold coding but no thresholds. */
export const DEFAULT_THRESHOLDS: Thresholds = { min_kappa: 0.6, min_agreement: 0.85 };

export type AgreementStatus = 'pass' | 'fail' | 'no-support';

export interface AgreementRow {
  code: CodeId;
  label?: string;
  /** Segments reviewed by both the gold coder and the coding pass. */
  units: number;
  /** Of those, segments where either applied the code (or a descendant). */
  support: number;
  kappa: number | null;
  percent_agreement: number | null;
  precision: number | null;
  recall: number | null;
  true_positive: number;
  false_positive: number;
  false_negative: number;
  /** Segments the gold coder gave the code (or a descendant) and the pass did not. */
  missed: SegmentId[];
  /** Segments the pass gave the code and the gold coder did not. */
  extra: SegmentId[];
  /** The thresholds that apply to this code (the global ones unless overridden). */
  thresholds: Thresholds;
  /** The study overrides a threshold for this code under `check.codes`. */
  override: boolean;
  status: AgreementStatus;
  /** The statistics under their threshold. */
  below: ('kappa' | 'percent_agreement')[];
  notes: string[];
}

export interface AgreementVerdict {
  gold: string;
  thresholds: Thresholds;
  passed: boolean;
  codes: AgreementRow[];
  pooled: { units: number; kappa: number | null; percent_agreement: number | null };
}

/**
 * Per code with support (someone applied it), κ and percent agreement against the
 * thresholds that apply to it. A code nobody applied cannot show agreement and passes
 * as `no-support`; an undefined κ (one value everywhere) is noted, never failed.
 * Compute `report` with `disagreements` to have each code's missed and extra segments.
 */
export function judgeAgreement(
  report: AgreeReport, gold: string, global: Thresholds, overrides: Record<CodeId, Partial<Thresholds>> = {},
): AgreementVerdict {
  const codes = report.codes.map((c): AgreementRow => {
    const own = overrides[c.code];
    const thresholds: Thresholds = { ...global, ...definedOnly(own ?? {}) };
    const auto = c.auto;
    const differing = report.disagreements?.find((d) => d.code === c.code)?.segments ?? [];
    const row: AgreementRow = {
      code: c.code,
      ...(c.label !== undefined ? { label: c.label } : {}),
      units: c.units,
      support: c.support,
      kappa: c.cohen_kappa,
      percent_agreement: c.percent_agreement,
      precision: c.precision ?? null,
      recall: c.recall ?? null,
      true_positive: auto?.true_positive ?? 0,
      false_positive: auto?.false_positive ?? 0,
      false_negative: auto?.false_negative ?? 0,
      missed: differing.filter((d) => d.values[gold] === 1).map((d) => d.segment),
      extra: differing.filter((d) => d.values[gold] === 0).map((d) => d.segment),
      thresholds,
      override: own !== undefined,
      status: 'pass',
      below: [],
      notes: [],
    };
    if (c.support === 0) {
      row.status = 'no-support';
      return row;
    }
    if (c.cohen_kappa === null) row.notes.push('κ is undefined here (one value on every segment), so min_kappa was not checked');
    else if (c.cohen_kappa < thresholds.min_kappa) row.below.push('kappa');
    if (c.percent_agreement !== null && c.percent_agreement < thresholds.min_agreement) row.below.push('percent_agreement');
    if (row.below.length > 0) row.status = 'fail';
    return row;
  });
  const p = report.overall.pooled;
  return {
    gold, thresholds: global, codes,
    passed: codes.every((c) => c.status !== 'fail'),
    pooled: { units: p.units, kappa: p.cohen_kappa, percent_agreement: p.percent_agreement },
  };
}

function definedOnly(t: Partial<Thresholds>): Partial<Thresholds> {
  const out: Partial<Thresholds> = {};
  if (t.min_kappa !== undefined) out.min_kappa = t.min_kappa;
  if (t.min_agreement !== undefined) out.min_agreement = t.min_agreement;
  return out;
}
