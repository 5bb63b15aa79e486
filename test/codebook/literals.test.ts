import { readFileSync } from 'node:fs';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../src/core/codebook/literals.js';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { codes, oneCode } from './helpers.js';

/** Every regex of the starter codebook. */
function starterPatterns(): string[] {
  const book = parseCodebook(readFileSync('codebooks/exit-barriers.yaml', 'utf8'), 'exit-barriers.yaml');
  const out = new Set<string>();
  const walk = (list: typeof book.codes): void => {
    for (const c of list) {
      for (const r of c.rules) for (const x of r.regex ?? []) out.add(x.source);
      walk(c.children);
    }
  };
  walk(book.codes);
  return [...out];
}

/** The starter codebook's examples: sentences its regexes are written to match. */
function starterSentences(): string[] {
  const book = parseCodebook(readFileSync('codebooks/exit-barriers.yaml', 'utf8'), 'exit-barriers.yaml');
  const out: string[] = [];
  const walk = (list: typeof book.codes): void => {
    for (const c of list) {
      out.push(...c.examples, ...c.counterexamples);
      walk(c.children);
    }
  };
  walk(book.codes);
  return out;
}

/** What the pre-filter would say: every group has a literal in the lower-cased text. */
function passes(groups: string[][], text: string): boolean {
  const folded = text.toLowerCase().replace(/ſ/g, 's');
  return groups.every((g) => g.some((lit) => folded.includes(lit)));
}

describe('required literals of a regex', () => {
  it('are the words every match must contain, one of each group', () => {
    expect(requiredLiterals('\\b(i|she)\\s+(was|got)\\s+hurt\\b')).toEqual([['hurt'], ['got', 'was'], ['i', 'she']]);
    expect(requiredLiterals('\\b(thirty|sixty)[- ]day\\s+beds?\\b')).toEqual([
      ['sixty day', 'sixty-day', 'thirty day', 'thirty-day'], ['sixty', 'thirty'], ['bed', 'beds'],
    ]);
    expect(requiredLiterals('Sober')).toEqual([['sober']]);
  });
  it('are not derived from optional parts, and give up on syntax they do not read', () => {
    expect(requiredLiterals('(rent)?\\s*money')).toEqual([['money']]);
    expect(requiredLiterals('(rent|)money')).toEqual([['money', 'rentmoney']]);
    expect(requiredLiterals('rent|\\d+')).toBeNull(); // one branch has no literal
    expect(requiredLiterals('(?i)rent')).toBeNull();
    expect(requiredLiterals('(?-i:\\b(in|from)\\s+county\\b)')).toEqual([['county'], ['from', 'in']]); // case-only groups keep their words
    expect(requiredLiterals('\\Qa.b\\E')).toBeNull();
    expect(requiredLiterals('\\x41rent')).toBeNull();
    expect(requiredLiterals('[[:alpha:]]+')).toBeNull();
    expect(requiredLiterals('caf\u00e9')).toEqual([['caf']]); // non-ASCII letters are never literals
  });
  it('reads character classes, ranges and escapes without losing its place', () => {
    expect(requiredLiterals('don[\'’]t\\s+pay')).toEqual([['don'], ['pay'], ['t']]);
    expect(requiredLiterals('[a-]x')).toEqual([['ax', '-x']].map((g) => g.sort()));
    expect(requiredLiterals('[]a]bc')).toEqual([['abc', ']bc'].sort()]);
    expect(requiredLiterals('[a-\\]]bc')).toBeNull();
    expect(requiredLiterals('\\.\\$5')).toEqual([['.$5']]);
    expect(requiredLiterals('[\\s,]+then')).toEqual([['then']]); // a class listing \s is read past, not given up on
  });
  it('never rule out a segment the pattern matches (every starter pattern, every starter example)', () => {
    const sentences = starterSentences();
    let matched = 0;
    for (const source of starterPatterns()) {
      const groups = requiredLiterals(source);
      const re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
      for (const s of sentences) {
        if (!re.test(s)) continue;
        matched++;
        if (groups) expect(passes(groups, s), `${source} on "${s}"`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(100);
  });
});

describe('regex rules behind the literal pre-filter', () => {
  it('still match text written in capitals, or with the long s and Kelvin sign RE2 folds to s and k', async () => {
    const cb = await oneCode("- regex: ['sober\\s+for\\s+\\d+\\s+weeks\\b']");
    expect(codes(cb, 'I was SOBER FOR 6 WEEKS.')).toEqual(['c']);
    expect(codes(cb, 'I was ſober for 6 wee\u212As.')).toEqual(['c']);
    expect(codes(cb, 'I was sober for six weeks.')).toEqual([]);
  });
  it('a pattern with no literal runs on every segment', async () => {
    const cb = await oneCode("- regex: ['\\d{3}-\\d{4}']");
    expect(codes(cb, 'call 555-1234 now')).toEqual(['c']);
    expect(codes(cb, 'call me now')).toEqual([]);
  });
});

describe('patterns without literals, many of them', () => {
  it('run together in sets and each still reports only its own matches', async () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}x`);
    const cb = await oneCode(words.map((w) => `- regex: ['(?s)\\b${w}\\b']`).join('\n'));
    expect(cb.patterns).toHaveLength(40);
    expect(cb.patternSet.matching('say w7x and w31x, not w7xx')).toEqual([7, 31]);
    expect(cb.patternSet.matching('nothing here')).toEqual([]);
  });
});
