import { describe, expect, it } from 'vitest';
import { parseClock } from '../../src/core/segment/time.js';

describe('parseClock: the clock times transcripts carry, in seconds', () => {
  it.each([
    ['00:12:31', 751],
    ['[12:31]', 751],
    ['1:02:05', 3725],
    ['0:09', 9],
    ['00:00:01.500', 1.5],
    ['00:00:01,250', 1.25],
    ['#00:00:06-8#', 6.8],
    ['#00:00:07#', 7],
    ['(00:09)', 9],
    ['[00:00:44]', 44],
    ['12:31.5', 751.5],
  ])('%s is %d s', (written, seconds) => {
    expect(parseClock(written)).toBe(seconds);
  });

  it.each(['', 'noon', '12', '00:61', '1:75:00', '12:3', 'a1:00'])('%s is not a time', (written) => {
    expect(parseClock(written)).toBeUndefined();
  });
});
