import { flattenCodes, type Codebook } from '../codebook/model.js';
import type { CodedTranscript } from '../code/pass.js';
import type { CodeId, Unit } from '../types.js';
import { compareGroups, groupKey, MISSING_GROUP } from './groups.js';
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

export { MISSING_GROUP };

export function codebookRef(book: Codebook): CodebookRef {
  return { name: book.name, version: book.version, sha256: book.sha256 };
}

/**
 * Counts as transcripts arrive, so a corpus of any size needs memory only for the
 * counts: per code, the segments and cases carrying it or a descendant, and per group
 * of the `by` attribute the same. A segment or case counts once per code however many
 * of the code's descendants it carries.
 */
export class FrequencyCounter {
  private transcripts = 0;
  private segments = 0;
  private sawBy = false;
  private readonly caseTotals = new Map<string, number>();
  private readonly counts = new Map<CodeId, { segments: number; cases: number; groups: Map<string, { segments: number; cases: number }> }>();

  constructor(private readonly book: Codebook, private readonly unit: Unit, private readonly by?: string) {}

  add(t: CodedTranscript): void {
    this.transcripts++;
    this.segments += t.eligible.length;
    const value = this.by ? t.attributes[this.by] : undefined;
    if (this.by && this.by in t.attributes) this.sawBy = true;
    const group = groupKey(value);
    this.caseTotals.set(group, (this.caseTotals.get(group) ?? 0) + 1);
    for (const [code, segs] of rollUp(this.book.codes, t.codings).segments) {
      const c = this.counts.get(code) ?? { segments: 0, cases: 0, groups: new Map() };
      c.segments += segs.size;
      c.cases++;
      const g = c.groups.get(group) ?? { segments: 0, cases: 0 };
      g.segments += segs.size;
      g.cases++;
      c.groups.set(group, g);
      this.counts.set(code, c);
    }
  }

  report(): FreqReport {
    const notes: string[] = [];
    if (this.segments === 0) notes.push('segment_pct is null: no segment was eligible for coding');
    if (this.transcripts === 0) notes.push('case_pct is null: no transcripts were read');
    if (this.by && !this.sawBy) notes.push(`no transcript has the attribute "${this.by}"`);
    const groups = [...this.caseTotals].sort(([a], [b]) => compareGroups(a, b));
    const codes = flattenCodes(this.book.codes).map((code): FreqRow => {
      const c = this.counts.get(code.id);
      const row: FreqRow = {
        code: code.id, label: code.label, depth: code.depth,
        segments: c?.segments ?? 0, segment_pct: ratio(c?.segments ?? 0, this.segments),
        cases: c?.cases ?? 0, case_pct: ratio(c?.cases ?? 0, this.transcripts),
      };
      if (this.by) {
        row.by = Object.fromEntries(groups.map(([value, total]) => {
          const g = c?.groups.get(value);
          return [value, { segments: g?.segments ?? 0, cases: g?.cases ?? 0, case_total: total }];
        }));
      }
      return row;
    });
    return {
      codebook: codebookRef(this.book), unit: this.unit, transcripts: this.transcripts, segments: this.segments,
      ...(this.by ? { by: this.by } : {}), codes, notes,
    };
  }
}

/** Per code: segments and cases carrying it or a descendant, optionally split by an attribute. */
export function frequencies(book: Codebook, unit: Unit, coded: Iterable<CodedTranscript>, by?: string): FreqReport {
  const counter = new FrequencyCounter(book, unit, by);
  for (const t of coded) counter.add(t);
  return counter.report();
}

export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}
