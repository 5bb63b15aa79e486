// The frequency snapshot of `qcode check`: per code, how many segments and cases the
// coding pass gave when the team last accepted its numbers. A codebook change that
// moves a count is then seen in review, not discovered in the paper.

import { QcodeError } from '../errors.js';
import type { FreqReport } from '../aggregate/freq.js';
import type { CodeId, Unit } from '../types.js';
import { UNITS } from '../types.js';

export interface SnapshotCount {
  code: CodeId;
  segments: number;
  cases: number;
}

export interface Snapshot {
  unit: Unit;
  transcripts: number;
  segments: number;
  codes: SnapshotCount[];
}

/** What a snapshot keeps of a frequency report: counts only, so it changes only when a count does. */
export function snapshotOf(report: FreqReport): Snapshot {
  return {
    unit: report.unit,
    transcripts: report.transcripts,
    segments: report.segments,
    codes: report.codes.map((c) => ({ code: c.code, segments: c.segments, cases: c.cases })),
  };
}

/**
 * A snapshot file: the one `check --update` writes, or a whole `qcode freq --format
 * json` document (its extra keys are ignored), so a team can start from either.
 */
export function parseSnapshot(text: string, file: string): Snapshot {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new QcodeError(`the snapshot is not valid JSON (${(e as Error).message}); rewrite it with \`qcode check --update\``, { file });
  }
  const bad = (what: string): never => {
    throw new QcodeError(`the snapshot ${what}; rewrite it with \`qcode check --update\``, { file });
  };
  if (!isRecord(doc)) return bad('must be a JSON object with unit, transcripts, segments and codes');
  const unit = doc['unit'];
  if (typeof unit !== 'string' || !(UNITS as readonly string[]).includes(unit)) bad(`has no valid "unit" (one of ${UNITS.join(', ')})`);
  const transcripts = count(doc['transcripts']) ?? bad('has no "transcripts" count');
  const segments = count(doc['segments']) ?? bad('has no "segments" count');
  if (!Array.isArray(doc['codes'])) return bad('has no "codes" list');
  const seen = new Set<string>();
  const codes = (doc['codes'] as unknown[]).map((row, i): SnapshotCount => {
    if (!isRecord(row) || typeof row['code'] !== 'string') return bad(`entry ${i + 1} of "codes" has no "code"`);
    const code = row['code'];
    if (seen.has(code)) bad(`lists the code "${code}" twice`);
    seen.add(code);
    const s = count(row['segments']) ?? bad(`entry "${code}" has no "segments" count`);
    const c = count(row['cases']) ?? bad(`entry "${code}" has no "cases" count`);
    return { code, segments: s, cases: c };
  });
  return { unit: unit as Unit, transcripts, segments, codes };
}

export type SnapshotStatus = 'same' | 'within' | 'moved' | 'new' | 'gone';

export interface SnapshotRow {
  code: CodeId;
  /** Null for a code the snapshot does not have. */
  expected: { segments: number; cases: number } | null;
  /** Null for a code the codebook no longer has. */
  actual: { segments: number; cases: number } | null;
  /** same; within the tolerance; moved beyond it; new (not in the snapshot); gone (not in the codebook). */
  status: SnapshotStatus;
  passed: boolean;
}

export interface SnapshotComparison {
  tolerance: number;
  passed: boolean;
  /** Unit, transcript and segment totals: they must match exactly (a different corpus is not a codebook change). */
  totals: { what: 'unit' | 'transcripts' | 'segments'; expected: string | number; actual: string | number; passed: boolean }[];
  /** The codebook's codes in order, then codes only the snapshot has. */
  codes: SnapshotRow[];
}

/**
 * Each code's segment and case counts against the snapshot. `tolerance` is how many
 * segments (or cases) a count may move and still pass; 0 asks for equality.
 */
export function compareSnapshot(expected: Snapshot, actual: Snapshot, tolerance = 0): SnapshotComparison {
  const totals: SnapshotComparison['totals'] = [
    { what: 'unit', expected: expected.unit, actual: actual.unit, passed: expected.unit === actual.unit },
    { what: 'transcripts', expected: expected.transcripts, actual: actual.transcripts, passed: expected.transcripts === actual.transcripts },
    { what: 'segments', expected: expected.segments, actual: actual.segments, passed: expected.segments === actual.segments },
  ];
  const before = new Map(expected.codes.map((c) => [c.code, c]));
  const codes: SnapshotRow[] = actual.codes.map((now) => {
    const was = before.get(now.code);
    before.delete(now.code);
    const a = { segments: now.segments, cases: now.cases };
    if (!was) return { code: now.code, expected: null, actual: a, status: 'new', passed: false };
    const e = { segments: was.segments, cases: was.cases };
    const moved = Math.max(Math.abs(a.segments - e.segments), Math.abs(a.cases - e.cases));
    const status: SnapshotStatus = moved === 0 ? 'same' : moved <= tolerance ? 'within' : 'moved';
    return { code: now.code, expected: e, actual: a, status, passed: status !== 'moved' };
  });
  for (const was of before.values()) {
    codes.push({ code: was.code, expected: { segments: was.segments, cases: was.cases }, actual: null, status: 'gone', passed: false });
  }
  return { tolerance, totals, codes, passed: totals.every((t) => t.passed) && codes.every((c) => c.passed) };
}

function count(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
