import { describe, expect, it } from 'vitest';
import { frequencies } from '../../src/core/aggregate/freq.js';
import type { CodedTranscript } from '../../src/core/code/pass.js';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import type { Coding } from '../../src/core/types.js';

const book = parseCodebook(`name: B
version: 1.0.0
codes:
  - id: barrier
    label: Barriers
    children:
      - {id: housing, label: Housing}
      - {id: financial, label: Money}
  - id: service
    label: Services
`, 'b.yaml');

const coding = (segment: string, code: string): Coding => ({
  transcript: segment.split(':')[0]!, segment, speaker: 'P', code, coder: 'auto', start: 0, end: 1, evidence: [],
});

const t = (id: string, region: string | undefined, n: number, codings: Coding[]): CodedTranscript => ({
  id, source: `${id}.txt`, attributes: region === undefined ? {} : { region }, eligible: Array.from({ length: n }, (_, i) => `${id}:${i + 1}`), codings,
});

describe('frequencies', () => {
  const coded = [
    t('A', 'urban', 4, [coding('A:1', 'barrier.housing'), coding('A:1', 'barrier.financial'), coding('A:2', 'barrier.housing')]),
    t('B', 'rural', 4, [coding('B:3', 'barrier.financial')]),
    t('C', undefined, 2, []),
  ];

  it('counts segments and cases, parents counting each segment once', () => {
    const r = frequencies(book, 'turn', coded);
    expect(r.transcripts).toBe(3);
    expect(r.segments).toBe(10);
    expect(r.codes.map((c) => [c.code, c.depth, c.segments, c.cases])).toEqual([
      ['barrier', 0, 3, 2], ['barrier.housing', 1, 2, 1], ['barrier.financial', 1, 2, 2], ['service', 0, 0, 0],
    ]);
    expect(r.codes[0]!.segment_pct).toBeCloseTo(0.3, 12);
    expect(r.codes[0]!.case_pct).toBeCloseTo(2 / 3, 12);
  });

  it('splits by an attribute, with the missing group last', () => {
    const r = frequencies(book, 'turn', coded, 'region');
    expect(r.codes[0]!.by).toEqual({
      rural: { segments: 1, cases: 1, case_total: 1 },
      urban: { segments: 2, cases: 1, case_total: 1 },
      '(missing)': { segments: 0, cases: 0, case_total: 1 },
    });
  });

  it('gives null, never NaN, when nothing was eligible, and says why', () => {
    const r = frequencies(book, 'turn', []);
    expect(r.codes[0]!.segment_pct).toBeNull();
    expect(r.codes[0]!.case_pct).toBeNull();
    expect(r.notes.length).toBe(2);
  });
});
