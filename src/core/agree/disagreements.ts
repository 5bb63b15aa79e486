// The segments where coders gave different values, per code, for review.

import type { CodeId, SegmentId } from '../types.js';
import { parseSegmentId } from './data.js';
import type { Ratings } from './stats.js';
import type { Disagreement, SegmentInfo } from './types.js';

export function disagreementsOf(
  code: CodeId,
  segments: readonly SegmentId[],
  ratings: Ratings,
  coders: readonly string[],
  info: ReadonlyMap<SegmentId, SegmentInfo> | undefined,
  presence: boolean,
): { code: CodeId; segments: Disagreement[] } {
  const out: Disagreement[] = [];
  ratings.forEach((row, u) => {
    const given = row.filter((v) => v !== null);
    if (given.length < 2 || given.every((v) => v === given[0])) return;
    const segment = segments[u] as SegmentId;
    const meta = info?.get(segment);
    const values: Record<string, string | number | null> = {};
    coders.forEach((c, i) => {
      const v = row[i] ?? null;
      values[c] = v === null ? null : presence ? Number(v) : v;
    });
    out.push({
      segment,
      transcript: meta?.transcript ?? parseSegmentId(segment)?.transcript ?? '',
      speaker: meta?.speaker ?? null,
      text: meta?.text ?? null,
      values,
    });
  });
  return { code, segments: out };
}
