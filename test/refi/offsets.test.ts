// Where a REFI-QDA selection falls in qcode's text under each way tools count positions.
import { describe, expect, it } from 'vitest';
import { ConventionVote, PositionMaps, type OffsetConvention } from '../../src/core/refi/offsets.js';

const CONVENTIONS: OffsetConvention[] = ['utf16', 'codepoint', 'utf16-lf', 'codepoint-lf'];
const mapped = (maps: PositionMaps, conv: OffsetConvention, upTo: number): Array<number | null> => Array.from({ length: upTo + 1 }, (_, p) => maps.toPoint(p, conv));

describe('PositionMaps', () => {
  it('maps every position of a text with an emoji and a CRLF in each convention', () => {
    const maps = new PositionMaps('a😀\r\nb');
    expect(maps.normalised).toBe('a😀\nb');
    expect(maps.length).toBe(4);
    expect(maps.ambiguous).toBe(true);
    expect(mapped(maps, 'utf16', 7)).toEqual([0, 1, 1, 2, 3, 3, 4, null]);
    expect(mapped(maps, 'codepoint', 6)).toEqual([0, 1, 2, 3, 3, 4, null]);
    expect(mapped(maps, 'utf16-lf', 6)).toEqual([0, 1, 1, 2, 3, 4, null]);
    expect(mapped(maps, 'codepoint-lf', 5)).toEqual([0, 1, 2, 3, 4, null]);
    expect([0, 1, 2, 3, 4].map((at) => maps.betweenWords(at))).toEqual([true, true, true, true, true]);
  });

  it('counts a text with neither CRLF nor characters beyond U+FFFF alike in every convention, lone CRs made LF', () => {
    const maps = new PositionMaps('one two\rthree');
    expect(maps.normalised).toBe('one two\nthree');
    expect(maps.ambiguous).toBe(false);
    for (const conv of CONVENTIONS) expect(mapped(maps, conv, 14)).toEqual([...Array.from({ length: 14 }, (_, p) => p), null]);
    expect([2, 3, 4].map((at) => maps.betweenWords(at))).toEqual([false, true, true]);
    expect(maps.toPoint(1.5, 'utf16')).toBeNull();
    expect(maps.toPoint(-1, 'codepoint')).toBeNull();
  });

  it('reads words beyond U+FFFF as letters when asking whether a position is between words', () => {
    const maps = new PositionMaps('𝒜𝒷 c');
    expect(maps.length).toBe(4);
    expect([1, 2, 3].map((at) => maps.betweenWords(at))).toEqual([false, true, true]);
  });
});

describe('ConventionVote', () => {
  it('chooses the counting under which selections end between words, whatever the origin prefers', () => {
    const vote = new ConventionVote('NVivo');
    // A selection of "end", after the emoji, counted in code points after line ends are made LF (14–17).
    vote.add(new PositionMaps('hello\r\nworld 😀 end'), [{ start: 14, end: 17 }]);
    const choice = vote.choice();
    expect(choice.convention).toBe('codepoint-lf');
    expect(choice.reason).toMatch(/^read as characters \(code points\) after line ends are made LF, although the project was written by NVivo: 100%/);
  });

  it("takes the origin's own counting when no source can tell them apart", () => {
    const vote = new ConventionVote('ATLAS.ti');
    vote.add(new PositionMaps('plain text'), [{ start: 0, end: 5 }]);
    expect(vote.choice().convention).toBe('codepoint');
  });
});
