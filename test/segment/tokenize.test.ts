import { describe, expect, it } from 'vitest';
import { hasWords, tokenize } from '../../src/core/segment/tokenize.js';

describe('tokenize', () => {
  it('gives lower-cased words with their offsets, both apostrophes as one', () => {
    expect(tokenize('I DIDN’T have rent, didn\'t.')).toEqual([
      { text: 'i', start: 0, end: 1 },
      { text: "didn't", start: 2, end: 8 },
      { text: 'have', start: 9, end: 13 },
      { text: 'rent', start: 14, end: 18 },
      { text: "didn't", start: 20, end: 26 },
    ]);
  });
  it('keeps a 1 MB run of digits as one token, quickly', () => {
    const t0 = performance.now();
    const tokens = tokenize(`a ${'9'.repeat(1_000_000)} b`);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(tokens.map((t) => t.text.length)).toEqual([1, 1_000_000, 1]);
  });
});

describe('hasWords', () => {
  // A transcript whose participant turns hold no token is refused; hasWords decides that
  // without tokenizing, so it must agree with tokenize on every kind of text.
  it.each([
    ['', false], ['   ', false], ["'’ -- ... ?!", false], ['[crosstalk]', true], ['…', false],
    ['7', true], ['é', true], ['\u0301', true], ['日本', true], ['😀', false], ['_', false], ['no.', true],
  ])('%j → %s, as tokenize finds', (text, expected) => {
    expect(hasWords(text)).toBe(expected);
    expect(tokenize(text).length > 0).toBe(expected);
  });
});
