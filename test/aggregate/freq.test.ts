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

describe('frequencies --by: the groups a reader sees, and their order', () => {
  const byAge = (id: string, age: string | number | null | undefined, codings: Coding[] = []): CodedTranscript => ({
    id, source: `${id}.txt`, attributes: age === undefined ? {} : { age }, eligible: [`${id}:1`, `${id}:2`], codings,
  });
  const coded = [
    byAge('A', '10', [coding('A:1', 'service')]),
    byAge('B', 'unknown'),
    byAge('C', 2, [coding('C:1', 'service'), coding('C:2', 'service')]),
    byAge('D', null),
    byAge('E', ''),
    byAge('F', 'adult'),
  ];
  const r = frequencies(book, 'turn', coded, 'age');

  it('numbers in numeric order, then text in order, the missing group last', () => {
    expect(Object.keys(r.codes[0]!.by!)).toEqual(['2', '10', 'adult', 'unknown', '(missing)']);
  });

  it('a null or empty value is missing, like an absent one', () => {
    expect(r.codes[0]!.by!['(missing)']!.case_total).toBe(2);
  });

  it('counts a group\'s segments and cases, with every group listed for every code', () => {
    const service = r.codes.find((c) => c.code === 'service')!;
    expect(service.by!['2']).toEqual({ segments: 2, cases: 1, case_total: 1 });
    expect(service.by!['10']).toEqual({ segments: 1, cases: 1, case_total: 1 });
    expect(r.codes[0]!.by!['2']).toEqual({ segments: 0, cases: 0, case_total: 1 });
  });

  it('names the attribute in the report only when split by one', () => {
    expect(r.by).toBe('age');
    expect(r.notes).toEqual([]);
    const plain = frequencies(book, 'turn', coded);
    expect('by' in plain).toBe(false);
    expect(plain.codes.every((c) => c.by === undefined)).toBe(true);
  });

  it('says so when no transcript has the attribute, and only then', () => {
    expect(frequencies(book, 'turn', coded, 'region').notes).toEqual(['no transcript has the attribute "region"']);
    expect(frequencies(book, 'turn', [byAge('A', undefined), byAge('B', 'x')], 'age').notes).toEqual([]);
  });

  it('says why each share is null on an empty study', () => {
    expect(frequencies(book, 'turn', []).notes).toEqual([
      'segment_pct is null: no segment was eligible for coding',
      'case_pct is null: no transcripts were read',
    ]);
    const noSegments = frequencies(book, 'turn', [{ ...byAge('A', 1), eligible: [] }]);
    expect(noSegments.notes).toEqual(['segment_pct is null: no segment was eligible for coding']);
    expect(noSegments.codes[0]!.case_pct).toBe(0);
  });
});
