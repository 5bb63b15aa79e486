import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../src/core/codebook/compile.js';
import { matchText } from '../../src/core/codebook/match.js';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { MAX_STEMMED_LENGTH, loadStemmer } from '../../src/core/codebook/stem.js';
import { codes, errorsOf, oneCode } from './helpers.js';

// Text and codebooks a coding pass must survive: it stays fast whatever it is given.

const code = (body: string): string => `codes:\n  - id: c\n    label: C\n${body}`;

describe('hostile tokens', () => {
  it('a 1 MB single token is coded in well under a second by the starter codebook', async () => {
    const book = parseCodebook(readFileSync('codebooks/exit-barriers.yaml', 'utf8'), 'exit-barriers.yaml');
    const cb = compileCodebook(book, await loadStemmer('en'));
    for (const token of ['7'.repeat(1_000_000), 'rhythm'.repeat(170_000), 'b'.repeat(1_000_000)]) {
      const t0 = performance.now();
      const found = matchText(cb, `I had ${token} and no money.`);
      expect(performance.now() - t0, token.slice(0, 12)).toBeLessThan(800);
      expect([...found.keys()]).toContain('barrier.financial');
    }
  });
  it('a token over the stemming limit is kept as it is, and still matches exactly and by prefix', async () => {
    const long = `zz${'x'.repeat(MAX_STEMMED_LENGTH)}ing`;
    const stem = await loadStemmer('en');
    expect(stem(long)).toBe(long);
    expect(stem('housing')).toBe('hous');
    expect(codes(await oneCode(`- any: ["=${long}"]`), `it said ${long.toUpperCase()} there`)).toEqual(['c']);
    expect(codes(await oneCode('- any: ["zzx*"]'), `it said ${long} there`)).toEqual(['c']);
  });
});

describe('hostile patterns are refused where they are written, naming the limit', () => {
  it('a pattern that compiles to too many RE2 instructions', () => {
    const [msg, ...rest] = errorsOf(code("    match: {regex: ['(a?){1000}a{1000}']}\n"));
    expect(rest).toEqual([]);
    expect(msg).toMatch(/^4:21: invalid regex \/\(a\?\)\{1000\}a\{1000\}\/: pattern too large: it compiles to 5,002 RE2 instructions, more than the limit of 2,000/);
  });
  it('a repetition count over RE2’s maximum', () => {
    const [msg] = errorsOf(code("    match: {regex: ['(a?){5000}a{5000}']}\n"));
    expect(msg).toMatch(/^4:21: invalid regex .*invalid repeat count.*at most \{1000\}/);
  });
  it('the starter codebook’s own patterns are all within the limit', () => {
    expect(errorsOf(readFileSync('codebooks/exit-barriers.yaml', 'utf8'))).toEqual([]);
  });
});
