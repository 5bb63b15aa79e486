import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/core/segment/normalise.js';
import { OffsetMap, sliceCodePoints } from '../../src/core/segment/offsets.js';
import { DEFAULT_INTERVIEWERS, roleOf } from '../../src/core/segment/roles.js';

describe('offsets', () => {
  it('counts astral characters once, in code points', () => {
    expect(new OffsetMap('').length).toBe(0);
    expect(new OffsetMap('plain text').length).toBe(10);
    expect(new OffsetMap('a😀b𝄞c').length).toBe(5);
    expect(new OffsetMap('\uD800x').length).toBe(2); // a lone surrogate is one
  });

  it('OffsetMap converts both ways around astral characters', () => {
    const text = 'ab😀cd🌻e';
    const map = new OffsetMap(text);
    expect(map.identity).toBe(false);
    expect(map.length).toBe(7);
    // utf16: a0 b1 😀2-3 c4 d5 🌻6-7 e8
    expect([0, 1, 2, 4, 5, 6, 8, 9].map((u) => map.toCodePoint(u))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((c) => map.toUtf16(c))).toEqual([0, 1, 2, 4, 5, 6, 8, 9]);
    expect(map.slice(2, 5)).toBe('😀cd');
    expect(sliceCodePoints(text, 5, 7)).toBe('🌻e');
  });

  it('is the identity without surrogates', () => {
    const map = new OffsetMap('hello');
    expect(map.identity).toBe(true);
    expect(map.toCodePoint(3)).toBe(3);
    expect(map.toUtf16(3)).toBe(3);
  });

  it('agrees with Array.from on a long mixed text', () => {
    const text = 'x😀y'.repeat(50) + 'tail🌻';
    const map = new OffsetMap(text);
    const points = Array.from(text);
    let u = 0;
    points.forEach((ch, i) => {
      expect(map.toCodePoint(u)).toBe(i);
      expect(map.toUtf16(i)).toBe(u);
      u += ch.length;
    });
    expect(map.toCodePoint(text.length)).toBe(points.length);
  });
});

describe('normaliseText', () => {
  it('drops the BOM and makes every line end LF, idempotently', () => {
    const once = normaliseText('\uFEFFa\r\nb\rc\n\r\nd');
    expect(once).toBe('a\nb\nc\n\nd');
    expect(normaliseText(once)).toBe(once);
  });
});

describe('roles', () => {
  it('default interviewer labels match case-insensitively', () => {
    expect(DEFAULT_INTERVIEWERS).toEqual(['I', 'INT', 'Interviewer', 'Q', 'Facilitator', 'Moderator']);
    expect(['i', 'int', 'INTERVIEWER', 'q', 'facilitator', 'MODERATOR'].map((l) => roleOf(l, DEFAULT_INTERVIEWERS))).toEqual(
      Array(6).fill('interviewer'),
    );
    expect(roleOf('P03', DEFAULT_INTERVIEWERS)).toBe('participant');
    expect(roleOf('Interviewee', DEFAULT_INTERVIEWERS)).toBe('participant');
  });
});
