// From codings to ratings matrices: who reviewed which segment, and per code (or per
// parent, for the category scheme) the value each coder gave each segment.

import { QcodeError } from '../errors.js';
import { formatPlace } from '../errors.js';
import type { CodeId, SegmentId, TranscriptId } from '../types.js';
import type { Ratings, Value } from './stats.js';
import type { AgreeCoding, AgreeInput, CodeDef } from './types.js';

// Segment ids are parsed in one place, beside the code that makes them.
export { compareSegmentIds, parseSegmentId } from '../segment/ids.js';
import { compareSegmentIds } from '../segment/ids.js';

// ------------------------------------------------------------------ coders --

/** `input.coders` first (e.g. in file order), then any other coder in natural name order. */
export function coderOrder(input: AgreeInput): string[] {
  const out: string[] = [...(input.coders ?? [])];
  const seen = new Set(out);
  const rest = new Set<string>();
  for (const c of input.codings) if (!seen.has(c.coder)) rest.add(c.coder);
  const collator = new Intl.Collator('en', { numeric: true });
  return [...out, ...[...rest].sort(collator.compare)];
}

/**
 * Segments each coder reviewed: every segment with a row from that coder (coded or
 * left uncoded), plus, with transcript inputs, every eligible segment of each
 * transcript the coder touched (all transcripts for a full-coverage coder).
 */
export function reviewedSets(input: AgreeInput, coders: readonly string[]): Map<string, Set<SegmentId>> {
  const out = new Map<string, Set<SegmentId>>();
  const touched = new Map<string, Set<TranscriptId>>();
  for (const c of coders) {
    out.set(c, new Set());
    touched.set(c, new Set());
  }
  for (const row of input.codings) {
    out.get(row.coder)?.add(row.segment);
    touched.get(row.coder)?.add(row.transcript);
  }
  if (input.eligible) {
    const full = new Set(input.fullCoverage ?? []);
    for (const c of coders) {
      const set = out.get(c) as Set<SegmentId>;
      for (const [t, segs] of input.eligible) {
        if (full.has(c) || touched.get(c)?.has(t)) for (const s of segs) set.add(s);
      }
    }
  }
  return out;
}

/** Every segment anyone reviewed, in transcript and segment order. */
export function segmentUniverse(reviewed: ReadonlyMap<string, ReadonlySet<SegmentId>>): SegmentId[] {
  const all = new Set<SegmentId>();
  for (const s of reviewed.values()) for (const id of s) all.add(id);
  return [...all].sort(compareSegmentIds);
}

// ------------------------------------------------------------------- codes --

export interface CodeTree {
  /** Reported codes: the codebook's in order, then codes only found in codings (sorted). */
  order: CodeId[];
  inCodebook: Set<CodeId>;
  labels: Map<CodeId, string>;
  parent: Map<CodeId, CodeId | null>;
}

export function codeTree(defs: readonly CodeDef[], codings: readonly AgreeCoding[]): CodeTree {
  const order: CodeId[] = [];
  const inCodebook = new Set<CodeId>();
  const labels = new Map<CodeId, string>();
  const parent = new Map<CodeId, CodeId | null>();
  for (const d of defs) {
    if (inCodebook.has(d.id)) continue;
    inCodebook.add(d.id);
    order.push(d.id);
    parent.set(d.id, d.parent);
    if (d.label !== undefined) labels.set(d.id, d.label);
  }
  const extra = new Set<CodeId>();
  for (const c of codings) if (c.code !== '' && !inCodebook.has(c.code)) extra.add(c.code);
  for (const id of [...extra].sort()) {
    order.push(id);
    const dot = id.lastIndexOf('.');
    parent.set(id, dot > 0 ? id.slice(0, dot) : null);
  }
  return { order, inCodebook, labels, parent };
}

/** The code itself and every ancestor (by codebook parent, else by dotted path). */
export function ancestorsOf(tree: CodeTree, code: CodeId): CodeId[] {
  const out: CodeId[] = [];
  const seen = new Set<CodeId>();
  let cur: CodeId | null = code;
  while (cur !== null && !seen.has(cur)) {
    seen.add(cur);
    out.push(cur);
    let next: CodeId | null | undefined = tree.parent.get(cur);
    if (next === undefined) {
      const dot = cur.lastIndexOf('.');
      next = dot > 0 ? cur.slice(0, dot) : null;
    }
    cur = next;
  }
  return out;
}

// ---------------------------------------------------------------- presence --

export interface UnitTable {
  segments: SegmentId[];
  ratings: Ratings;
}

/**
 * Per reported code, the presence ratings: '1' when the coder applied the code or a
 * descendant to the segment, '0' when the coder reviewed it without doing so, null
 * when the coder did not review it.
 */
export function presenceTables(
  codings: readonly AgreeCoding[],
  tree: CodeTree,
  coders: readonly string[],
  reviewed: ReadonlyMap<string, ReadonlySet<SegmentId>>,
): { segments: SegmentId[]; byCode: Map<CodeId, Ratings> } {
  const segments = segmentUniverse(reviewed);
  const col = new Map(coders.map((c, i) => [c, i]));
  // covered.get(coder index).get(segment) = codes (with ancestors) applied there
  const covered = coders.map(() => new Map<SegmentId, Set<CodeId>>());
  const ancestorCache = new Map<CodeId, CodeId[]>();
  for (const row of codings) {
    if (row.code === '') continue;
    const i = col.get(row.coder);
    if (i === undefined) continue;
    let anc = ancestorCache.get(row.code);
    if (!anc) {
      anc = ancestorsOf(tree, row.code);
      ancestorCache.set(row.code, anc);
    }
    const bySeg = covered[i] as Map<SegmentId, Set<CodeId>>;
    let set = bySeg.get(row.segment);
    if (!set) bySeg.set(row.segment, (set = new Set()));
    for (const a of anc) set.add(a);
  }
  const byCode = new Map<CodeId, Ratings>();
  const rows = new SharedRows(coders.length);
  for (const code of tree.order) {
    const ratings: Ratings = segments.map((seg) =>
      rows.of((i) => (!reviewed.get(coders[i]!)?.has(seg) ? NOT_REVIEWED : covered[i]?.get(seg)?.has(code) ? APPLIED : NOT_APPLIED)),
    );
    byCode.set(code, ratings);
  }
  return { segments, byCode };
}

/** A coder's value for a segment, as one digit of a row's pattern. */
const NOT_REVIEWED = 0;
const NOT_APPLIED = 1;
const APPLIED = 2;
const DIGIT_VALUES: ReadonlyArray<Value | null> = [null, '0', '1'];

/**
 * The rows of presence tables, one frozen array per pattern of values: a study of
 * 160,000 segments and 40 codes is 6.5 million rows, nearly all alike (nobody applied
 * the code), which as arrays of their own took most of a gigabyte.
 */
class SharedRows {
  private readonly byPattern = new Map<number, ReadonlyArray<Value | null>>();

  constructor(private readonly coders: number) {}

  /** The row whose coder i has the value `digit(i)` (NOT_REVIEWED, NOT_APPLIED or APPLIED). */
  of(digit: (coder: number) => number): Array<Value | null> {
    // Past 30 coders a pattern would not fit a double exactly: such a row is its own.
    if (this.coders > 30) return Array.from({ length: this.coders }, (_, i) => DIGIT_VALUES[digit(i)] as Value | null);
    let pattern = 0;
    for (let i = 0, place = 1; i < this.coders; i++, place *= 3) pattern += digit(i) * place;
    let row = this.byPattern.get(pattern);
    if (!row) {
      row = Object.freeze(Array.from({ length: this.coders }, (_, i) => DIGIT_VALUES[Math.floor(pattern / 3 ** i) % 3] as Value | null));
      this.byPattern.set(pattern, row);
    }
    return row as Array<Value | null>;
  }
}

// ---------------------------------------------------------------- category --

/** The children of `parent` that act as categories, codebook order first. */
export function childrenOf(tree: CodeTree, parent: CodeId): CodeId[] {
  const out: CodeId[] = [];
  for (const id of tree.order) if (tree.parent.get(id) === parent) out.push(id);
  const known = new Set(out);
  // Codes deeper under an unknown child (p.x.y with p.x in no codebook) name p.x.
  const extra = new Set<CodeId>();
  for (const id of tree.order) {
    if (!id.startsWith(parent + '.')) continue;
    const child = parent + '.' + (id.slice(parent.length + 1).split('.')[0] as string);
    if (!known.has(child)) extra.add(child);
  }
  const collator = new Intl.Collator('en', { numeric: true });
  return [...out, ...[...extra].sort(collator.compare)];
}

/** Which child of `parent` a code falls under, or null. */
export function childUnder(tree: CodeTree, parent: CodeId, code: CodeId): CodeId | null {
  const anc = ancestorsOf(tree, code);
  const k = anc.indexOf(parent);
  if (k <= 0) return null;
  return anc[k - 1] as CodeId;
}

function where(row: AgreeCoding): string {
  const p = row.place ? formatPlace(row.place) : '';
  return p ? `${row.code} (${p})` : row.code;
}

/**
 * Category ratings for `parent`: per segment, the child each coder applied (one at
 * most; two is an error naming the rows). A segment where the coder applied none of
 * the children, or which the coder did not review, is missing (null).
 */
export function categoryTable(
  codings: readonly AgreeCoding[],
  tree: CodeTree,
  coders: readonly string[],
  parent: CodeId,
): { table: UnitTable; categories: CodeId[]; notes: string[] } {
  const categories = childrenOf(tree, parent);
  if (categories.length === 0) {
    const known = tree.inCodebook.has(parent) || tree.order.some((c) => c === parent);
    throw new QcodeError(
      known
        ? `--parent ${parent}: this code has no children to use as categories`
        : `--parent ${parent}: no such code in the codebook or the codings`,
    );
  }
  const col = new Map(coders.map((c, i) => [c, i]));
  const chosen = coders.map(() => new Map<SegmentId, { child: CodeId; row: AgreeCoding }>());
  const errors: QcodeError[] = [];
  let parentItself = 0;
  for (const row of codings) {
    if (row.code === '') continue;
    const i = col.get(row.coder);
    if (i === undefined) continue;
    const child = childUnder(tree, parent, row.code);
    if (child === null) {
      if (row.code === parent) parentItself++;
      continue;
    }
    const bySeg = chosen[i] as Map<SegmentId, { child: CodeId; row: AgreeCoding }>;
    const prev = bySeg.get(row.segment);
    if (prev && prev.child !== child) {
      errors.push(
        new QcodeError(
          `coder ${row.coder} applied two children of ${parent} to segment ${row.segment}: ${where(prev.row)} and ${where(row)} (the category scheme needs one at most)`,
          row.place ?? {},
        ),
      );
      continue;
    }
    if (!prev) bySeg.set(row.segment, { child, row });
  }
  if (errors.length > 0) throw new QcodeError(errors[0]!.message, errors[0]!.place, errors.slice(1));
  const segs = new Set<SegmentId>();
  for (const m of chosen) for (const s of m.keys()) segs.add(s);
  const segments = [...segs].sort(compareSegmentIds);
  const ratings: Ratings = segments.map((seg) => coders.map((_, i) => chosen[i]?.get(seg)?.child ?? null));
  const notes: string[] = [];
  if (parentItself > 0) {
    notes.push(`${parentItself} coding(s) of ${parent} itself (no child) carry no category and count as missing`);
  }
  return { table: { segments, ratings }, categories, notes };
}
