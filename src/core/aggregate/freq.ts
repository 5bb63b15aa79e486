import { flattenCodes, type Codebook } from '../codebook/model.js';
import type { CodedTranscript } from '../code/pass.js';
import type { AttributeValue, CodeId, Unit } from '../types.js';
import { transcriptOfSegment } from '../segment/ids.js';
import { rollUp } from './rollup.js';

export interface CodebookRef {
  name: string;
  version: string;
  sha256: string;
}

export interface GroupCount {
  segments: number;
  cases: number;
  case_total: number;
}

export interface FreqRow {
  code: CodeId;
  label: string;
  depth: number;
  segments: number;
  segment_pct: number | null;
  cases: number;
  case_pct: number | null;
  by?: Record<string, GroupCount>;
}

export interface FreqReport {
  codebook: CodebookRef;
  unit: Unit;
  transcripts: number;
  segments: number;
  by?: string;
  codes: FreqRow[];
  notes: string[];
}

export const MISSING_GROUP = '(missing)';

export function codebookRef(book: Codebook): CodebookRef {
  return { name: book.name, version: book.version, sha256: book.sha256 };
}

/** Per code: segments and cases carrying it or a descendant, optionally split by an attribute. */
export function frequencies(book: Codebook, unit: Unit, coded: CodedTranscript[], by?: string): FreqReport {
  const totalSegments = coded.reduce((n, t) => n + t.eligible.length, 0);
  const hits = rollUp(book.codes, coded.flatMap((t) => t.codings));
  const notes: string[] = [];
  if (totalSegments === 0) notes.push('segment_pct is null: no segment was eligible for coding');
  if (coded.length === 0) notes.push('case_pct is null: no transcripts were read');
  const groupOf = new Map(coded.map((t) => [t.id, groupKey(by ? t.attributes[by] : undefined)]));
  if (by && coded.every((t) => !(by in t.attributes))) notes.push(`no transcript has the attribute "${by}"`);
  const caseTotals = countValues([...groupOf.values()]);
  const codes = flattenCodes(book.codes).map((code): FreqRow => {
    const segs = hits.segments.get(code.id) ?? new Set<string>();
    const cases = hits.cases.get(code.id) ?? new Set<string>();
    const row: FreqRow = {
      code: code.id, label: code.label, depth: code.depth,
      segments: segs.size, segment_pct: ratio(segs.size, totalSegments),
      cases: cases.size, case_pct: ratio(cases.size, coded.length),
    };
    if (by) row.by = splitBy(segs, cases, groupOf, caseTotals);
    return row;
  });
  return {
    codebook: codebookRef(book), unit, transcripts: coded.length, segments: totalSegments,
    ...(by ? { by } : {}), codes, notes,
  };
}

function splitBy(segs: Set<string>, cases: Set<string>, groupOf: Map<string, string>, totals: Map<string, number>): Record<string, GroupCount> {
  const out: Record<string, GroupCount> = {};
  for (const [value, caseTotal] of [...totals].sort(([a], [b]) => compareGroups(a, b))) {
    out[value] = { segments: 0, cases: 0, case_total: caseTotal };
  }
  for (const seg of segs) out[groupOf.get(transcriptOfSegment(seg)) ?? MISSING_GROUP]!.segments++;
  for (const c of cases) out[groupOf.get(c) ?? MISSING_GROUP]!.cases++;
  return out;
}

function groupKey(v: AttributeValue | undefined): string {
  return v === undefined || v === null || v === '' ? MISSING_GROUP : String(v);
}

/** Numbers in numeric order, then text; the missing group last. */
function compareGroups(a: string, b: string): number {
  if (a === MISSING_GROUP || b === MISSING_GROUP) return a === b ? 0 : a === MISSING_GROUP ? 1 : -1;
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function countValues(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}
