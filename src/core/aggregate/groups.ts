// Attribute groups for `--by` and `--order`: one rule for the missing value and one
// order (numbers as numbers, then text, the missing group last), as `freq --by` uses.

import type { AttributeValue } from '../types.js';

/** The group of cases without a value for the attribute. */
export const MISSING_GROUP = '(missing)';

export function groupKey(v: AttributeValue | undefined): string {
  return v === undefined || v === null || v === '' ? MISSING_GROUP : String(v);
}

/** Numbers in numeric order, then text; the missing group last. */
export function compareGroups(a: string, b: string): number {
  if (a === MISSING_GROUP || b === MISSING_GROUP) return a === b ? 0 : a === MISSING_GROUP ? 1 : -1;
  const na = Number(a);
  const nb = Number(b);
  const numeric = (s: string, n: number): boolean => s.trim() !== '' && !Number.isNaN(n);
  if (numeric(a, na) && numeric(b, nb)) return na - nb;
  if (numeric(a, na) !== numeric(b, nb)) return numeric(a, na) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
