// What changed between two versions of a codebook, code by code: added, removed,
// moved (same leaf id under a new parent), renamed (new leaf id, same place, same
// content), and changed fields. Codes are matched by id first, then by these rules,
// so a move or a rename is not reported as one code lost and another gained.

import { flattenCodes, type Code, type Codebook, type Rule } from '../codebook/model.js';
import type { CodeId } from '../types.js';

export const CODE_FIELDS = ['label', 'definition', 'include', 'exclude', 'color', 'memo', 'examples', 'counterexamples', 'match'] as const;
export type CodeField = (typeof CODE_FIELDS)[number];

export const BOOK_FIELDS = ['name', 'version', 'language', 'unit', 'speakers', 'interviewers', 'model', 'merge'] as const;
export type BookField = (typeof BOOK_FIELDS)[number];

export interface CodebookDiff {
  /** Codebook-level settings that differ. */
  book: BookField[];
  added: CodeId[];
  removed: CodeId[];
  /** Same leaf id, new parent: `from` is the old id, `to` the new one (also `code`). */
  moved: { code: CodeId; from: CodeId; to: CodeId }[];
  /** New leaf id in the same place, with the same content. */
  renamed: { code: CodeId; from: CodeId; to: CodeId }[];
  /** Codes in both versions (by id, move or rename) whose fields differ; `code` is the new id. */
  changed: { code: CodeId; fields: CodeField[] }[];
  /** Old id → new id of every code both versions have. */
  mapping: Record<CodeId, CodeId>;
}

export function diffCodebooks(before: Codebook, after: Codebook): CodebookDiff {
  const oldCodes = flattenCodes(before.codes);
  const newCodes = flattenCodes(after.codes);
  const newById = new Map(newCodes.map((c) => [c.id, c]));
  const oldIds = new Set(oldCodes.map((c) => c.id));
  const mapping = new Map<CodeId, CodeId>();
  for (const c of oldCodes) if (newById.has(c.id)) mapping.set(c.id, c.id);
  const unpaired = new Set(newCodes.filter((c) => !oldIds.has(c.id)).map((c) => c.id));
  const moved: CodebookDiff['moved'] = [];
  const renamed: CodebookDiff['renamed'] = [];
  const removed: CodeId[] = [];

  // Parents come before children, so a child's parent is already matched when it is reached.
  for (const was of oldCodes) {
    if (mapping.has(was.id)) continue;
    const parentNow = was.parent === null ? null : (mapping.get(was.parent) ?? was.parent);
    const candidates = [...unpaired].map((id) => newById.get(id)!);
    const sameKey = candidates.filter((c) => c.key === was.key);
    const move = sameKey.find((c) => c.parent === parentNow) ?? mostAlike(was, sameKey);
    if (move) {
      pair(was, move);
      moved.push({ code: move.id, from: was.id, to: move.id });
      continue;
    }
    const rename = candidates.find((c) => c.parent === parentNow && sameContent(was, c));
    if (rename) {
      pair(was, rename);
      renamed.push({ code: rename.id, from: was.id, to: rename.id });
      continue;
    }
    removed.push(was.id);
  }

  function pair(was: Code, now: Code): void {
    mapping.set(was.id, now.id);
    unpaired.delete(now.id);
  }

  const changed: CodebookDiff['changed'] = [];
  for (const was of oldCodes) {
    const to = mapping.get(was.id);
    if (to === undefined) continue;
    const fields = changedFields(was, newById.get(to)!);
    if (fields.length > 0) changed.push({ code: to, fields });
  }
  const order = new Map(newCodes.map((c, i) => [c.id, i]));
  changed.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
  return {
    book: BOOK_FIELDS.filter((f) => signature(before[f]) !== signature(after[f])),
    added: newCodes.filter((c) => unpaired.has(c.id)).map((c) => c.id),
    removed, moved, renamed, changed,
    mapping: Object.fromEntries(mapping),
  };
}

/** Of several codes with the moved code's leaf id, the one with the most fields alike. */
function mostAlike(was: Code, candidates: Code[]): Code | undefined {
  let best: Code | undefined;
  let bestDiff = Infinity;
  for (const c of candidates) {
    const d = changedFields(was, c).length;
    if (d < bestDiff) [best, bestDiff] = [c, d];
  }
  return best;
}

/** A rename keeps what the code means: its definition, or its rules, or its label. */
function sameContent(a: Code, b: Code): boolean {
  const alike = (f: CodeField): boolean => fieldSignature(a, f) === fieldSignature(b, f);
  if (a.rules.length > 0 && alike('match')) return true;
  if (a.definition !== undefined && alike('definition')) return true;
  return alike('label');
}

export function changedFields(a: Code, b: Code): CodeField[] {
  return CODE_FIELDS.filter((f) => fieldSignature(a, f) !== fieldSignature(b, f));
}

function fieldSignature(c: Code, f: CodeField): string {
  if (f === 'match') return signature(c.rules.map(ruleShape));
  return signature(c[f] ?? null);
}

/** A rule as written, without the places it was read from (moving a rule in the file changes nothing). */
function ruleShape(r: Rule): unknown {
  const terms = (ts: { raw: string }[] | undefined): string[] | null => (ts ? ts.map((t) => t.raw) : null);
  return {
    any: terms(r.any), all: terms(r.all), not: terms(r.not),
    near: r.near ? { left: terms(r.near.left), right: terms(r.near.right), within: r.near.within } : null,
    regex: r.regex ? r.regex.map((x) => x.source) : null,
  };
}

function signature(v: unknown): string {
  return JSON.stringify(v ?? null);
}
