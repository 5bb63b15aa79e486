// `qcode check` as one value: the codebook's own tests (lint), agreement with the gold
// coding, and the frequency snapshot, each passed or failed, and every failing code
// named once, in codebook order.

import type { CodebookRef } from '../aggregate/freq.js';
import type { LintReport } from '../codebook/lint.js';
import type { CodeId } from '../types.js';
import type { AgreementVerdict } from './agreement.js';
import type { SnapshotComparison } from './snapshot.js';

export interface LintPart {
  passed: boolean;
  examples: number;
  counterexamples: number;
  errors: number;
  warnings: number;
  /** The examples not coded with their code and the counterexamples coded with it. */
  failures: { code: CodeId; kind: 'example' | 'counterexample' | 'other'; text: string | null; got: CodeId[]; message: string }[];
}

export interface CheckReport {
  qcode: string;
  passed: boolean;
  codebook: CodebookRef;
  /** The study config the check was read from. */
  config: string | null;
  unit: string;
  transcripts: number;
  segments: number;
  /** The codebook's codes, in order. */
  codes: CodeId[];
  lint: LintPart;
  /** Null when the config names no gold coding (`check.gold`). */
  agreement: (AgreementVerdict & { file: string }) | null;
  /** Null when the config names no snapshot (`check.snapshot`). */
  snapshot: (SnapshotComparison & { file: string }) | null;
  /** Every code that failed any part, codebook order first. */
  failing: CodeId[];
  notes: string[];
}

export interface CheckParts {
  version: string;
  codebook: CodebookRef;
  config: string | null;
  unit: string;
  transcripts: number;
  segments: number;
  /** The codebook's codes in order. */
  order: CodeId[];
  lint: LintReport;
  agreement: (AgreementVerdict & { file: string }) | null;
  snapshot: (SnapshotComparison & { file: string }) | null;
  notes?: string[];
}

export function checkReport(p: CheckParts): CheckReport {
  const lint = lintPart(p.lint);
  const failed = new Set<CodeId>();
  for (const f of lint.failures) failed.add(f.code);
  for (const c of p.agreement?.codes ?? []) if (c.status === 'fail') failed.add(c.code);
  for (const c of p.snapshot?.codes ?? []) if (!c.passed) failed.add(c.code);
  const rank = new Map(p.order.map((c, i) => [c, i]));
  const failing = [...failed].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  const notes = [...(p.notes ?? [])];
  if (!p.agreement) notes.push('no gold coding (check.gold in qcode.yaml): agreement was not checked');
  if (!p.snapshot) notes.push('no snapshot (check.snapshot in qcode.yaml): frequencies were not checked');
  const passed = lint.passed && (p.agreement?.passed ?? true) && (p.snapshot?.passed ?? true);
  return {
    qcode: p.version, passed, codebook: p.codebook, config: p.config,
    unit: p.unit, transcripts: p.transcripts, segments: p.segments, codes: p.order,
    lint, agreement: p.agreement, snapshot: p.snapshot, failing, notes,
  };
}

function lintPart(r: LintReport): LintPart {
  const failures = r.findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({
      code: f.code,
      kind: f.kind === 'example' || f.kind === 'counterexample' ? f.kind : ('other' as const),
      text: f.text ?? null,
      got: f.got ?? [],
      message: f.message,
    }));
  return { passed: r.errors === 0, examples: r.examples, counterexamples: r.counterexamples, errors: r.errors, warnings: r.warnings, failures };
}
