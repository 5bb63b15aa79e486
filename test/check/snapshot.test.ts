// The frequency snapshot: its file, read back, and compared count by count.
import { describe, expect, it } from 'vitest';
import { compareSnapshot, parseSnapshot, type Snapshot } from '../../src/core/check/snapshot.js';
import { renderSnapshot } from '../../src/render/check.js';

const base: Snapshot = {
  unit: 'turn', transcripts: 2, segments: 10,
  codes: [{ code: 'a', segments: 4, cases: 2 }, { code: 'a.b', segments: 3, cases: 1 }],
};

describe('the snapshot file', () => {
  it('reads back what it writes, one code per line', () => {
    const text = renderSnapshot(base);
    expect(text.split('\n')).toContain('    { "code": "a.b", "segments": 3, "cases": 1 }');
    expect(parseSnapshot(text, 's.json')).toEqual(base);
  });

  it('accepts a whole `qcode freq --format json` document, ignoring its extra keys', () => {
    const freq = { qcode: '0.1.0', codebook: { name: 'x' }, unit: 'turn', transcripts: 2, segments: 10, codes: base.codes.map((c) => ({ ...c, label: 'L', depth: 0, segment_pct: 0.4, case_pct: 1 })) };
    expect(parseSnapshot(JSON.stringify(freq), 'f.json')).toEqual(base);
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[]', /must be a JSON object/],
    ['{"unit":"page","transcripts":1,"segments":1,"codes":[]}', /no valid "unit"/],
    ['{"unit":"turn","transcripts":1,"segments":1,"codes":[{"code":"a","segments":-1,"cases":0}]}', /entry "a" has no "segments" count/],
    ['{"unit":"turn","transcripts":1,"segments":1,"codes":[{"code":"a","segments":1,"cases":0},{"code":"a","segments":1,"cases":0}]}', /lists the code "a" twice/],
  ])('refuses %s, and says how to rewrite it', (text, message) => {
    expect(() => parseSnapshot(text, 's.json')).toThrow(message);
    expect(() => parseSnapshot(text, 's.json')).toThrow(/qcode check --update/);
  });
});

describe('compareSnapshot', () => {
  it('tells same, within, moved, new and gone apart; totals must match exactly', () => {
    const now: Snapshot = {
      unit: 'turn', transcripts: 2, segments: 11,
      codes: [{ code: 'a', segments: 5, cases: 2 }, { code: 'c', segments: 1, cases: 1 }],
    };
    const cmp = compareSnapshot(base, now, 1);
    expect(cmp.codes.map((c) => [c.code, c.status, c.passed])).toEqual([['a', 'within', true], ['c', 'new', false], ['a.b', 'gone', false]]);
    expect(cmp.totals.filter((t) => !t.passed)).toEqual([{ what: 'segments', expected: 10, actual: 11, passed: false }]);
    expect(cmp.passed).toBe(false);
    expect(compareSnapshot(base, now, 0).codes[0]!.status).toBe('moved');
    expect(compareSnapshot(base, base, 0).passed).toBe(true);
  });
});
