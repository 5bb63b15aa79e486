import { readFileSync } from 'node:fs';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { requiredLiterals as required, TEXT_START, WORD_EDGE } from '../../src/core/codebook/literals.js';
import { buildScanner, withinScanBudget } from '../../src/core/codebook/prefilter.js';
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

/** A pattern's groups, with each word edge shown as ⁂. */
function requiredLiterals(source: string): string[][] | null {
  return required(source)?.map((g) => g.map((l) => l.replaceAll(WORD_EDGE, '⁂'))) ?? null;
}

/** What the pre-filter says: the scanner finds a literal of every group in the text. */
function passes(source: string, text: string): boolean {
  return buildScanner([required(source)]).candidates(text).length === 1;
}

describe('required literals of a regex', () => {
  it('are the words every match must contain, one of each group', () => {
    expect(requiredLiterals('Sober')).toEqual([['sober']]);
    expect(requiredLiterals('sober\\s+(for|since)')).toEqual([['sober⁂ ⁂for', 'sober⁂ ⁂since']]); // \\s+ reads as one space
  });
  it('say where a word must start or end (⁂): at \\b, and beside a piece of non-word characters', () => {
    expect(requiredLiterals('\\b(i|she)\\s+(was|got)\\s+hurt\\b')).toEqual([
      ['⁂i⁂ ⁂got⁂ ⁂hurt⁂', '⁂i⁂ ⁂was⁂ ⁂hurt⁂', '⁂she⁂ ⁂got⁂ ⁂hurt⁂', '⁂she⁂ ⁂was⁂ ⁂hurt⁂'],
    ]);
    expect(requiredLiterals('\\b(i|she)\\s+(was|got)\\s+(badly\\s+)*hurt\\b')).toEqual([
      ['⁂i⁂ ⁂got⁂ ', '⁂i⁂ ⁂was⁂ ', '⁂she⁂ ⁂got⁂ ', '⁂she⁂ ⁂was⁂ '], ['⁂hurt⁂'],
    ]);
    expect(requiredLiterals('\\b(at|since)\\s+(the\\s+age\\s+of\\s+)?(1[0-7]|twelve)\\b')).toEqual([
      ['⁂at⁂ ', '⁂at⁂ ⁂the⁂ ⁂age⁂ ⁂of⁂ ', '⁂since⁂ ', '⁂since⁂ ⁂the⁂ ⁂age⁂ ⁂of⁂ '],
      ['⁂10⁂', '⁂11⁂', '⁂12⁂', '⁂13⁂', '⁂14⁂', '⁂15⁂', '⁂16⁂', '⁂17⁂', '⁂twelve⁂'],
    ]);
    expect(requiredLiterals('a\\bb')).toEqual([['a⁂b']]); // can never match, and is never run
    expect(requiredLiterals('(ab|abc)x*(ab)')).toEqual([['ab']]); // of two groups that imply each other, one stays
    expect(requiredLiterals('x\\s*(y)?\\s+z')).toEqual([['xy⁂ ⁂z', 'x⁂ ⁂y⁂ ⁂z', 'x⁂ ⁂z']]); // however many spaces, read as one
    expect(passes('\\bten\\b', 'ten days')).toBe(true);
    expect(passes('\\bten\\b', 'TEN')).toBe(true);
    expect(passes('\\bten\\b', 'often, attention')).toBe(false);
    expect(passes('\\bten\\b', 'é10 ten_x')).toBe(false);
    expect(passes('\\bten\\b', 'éten')).toBe(true); // é is not a word character for \\b
    expect(passes("don['’]t\\s+pay", 'I DON’T  PAY')).toBe(true);
  });
  it('take their edges from a \\b even across an optional piece, and around a long list of words', () => {
    // A \b before an optional piece, or after one, still marks where the words start and end.
    expect(requiredLiterals('\\b(lived|living)\\s+on\\s+the\\s+streets?\\b')).toEqual([
      ['⁂lived⁂ ⁂on⁂ ⁂the⁂ ⁂streets⁂', '⁂lived⁂ ⁂on⁂ ⁂the⁂ ⁂street⁂', '⁂living⁂ ⁂on⁂ ⁂the⁂ ⁂streets⁂', '⁂living⁂ ⁂on⁂ ⁂the⁂ ⁂street⁂'],
    ]);
    // Forty needs are too many to join with their neighbours, yet each is a whole word:
    // "rent" is not found in "parents", nor "ids" in "kids", nor "bed" in "bedroom".
    const needs = ['bed', 'rent', 'ids', 'food', ...Array.from({ length: 36 }, (_, i) => `need${String.fromCharCode(97 + (i % 26))}${i}`)];
    const list = `\\b(?:(?:a\\s+|the\\s+|my\\s+))?(?:${needs.join('|')})\\s*,\\s*(?:(?:a\\s+|the\\s+))?(?:${needs.join('|')})`;
    const groups = requiredLiterals(list)!;
    expect(groups.some((g) => g.includes('⁂rent⁂') && g.includes('⁂bed⁂') && !g.includes('rent'))).toBe(true);
    expect(passes(list, 'We needed rent, food and a bed.')).toBe(true);
    expect(passes(list, 'My parents, the kids, the bedroom: different now.')).toBe(false);
    const re = RE2JS.compile(list, RE2JS.CASE_INSENSITIVE);
    expect(re.test('My parents, the kids, the bedroom: different now.')).toBe(false);
    expect(re.test('We needed rent, food and a bed.')).toBe(true);
  });
  it('know where the text starts (^, \\A), and give up on a multi-line ^', () => {
    const back = '(^|[.!?]\\s+)(so[.,]?\\s+)?back\\s*[.!]';
    const start = (g: string[][] | null): string[][] | null => g?.map((list) => list.map((l) => l.replaceAll(TEXT_START, '^'))) ?? null;
    expect(start(requiredLiterals('\\Aback'))).toEqual([['^⁂back']]);
    expect(start(requiredLiterals('(^|x)foo'))).toEqual([['xfoo', '^⁂foo']]);
    expect(start(requiredLiterals('^\\W*(no|nope)\\b'))).toEqual([['⁂nope⁂', '⁂no⁂']]); // the start alone rules nothing out
    expect(requiredLiterals('(?m)^back')).toBeNull();
    const re = RE2JS.compile(back, RE2JS.CASE_INSENSITIVE);
    for (const [text, matches] of [['Back.', true], ['No. So, back!', true], ['I went back.', false], ['back then.', false]] as const) {
      expect(re.test(text), text).toBe(matches);
      if (matches) expect(passes(back, text), text).toBe(true);
    }
    // Not a "back" anywhere: one at the start, or after a sentence's end.
    expect(passes(back, 'I went back.')).toBe(false);
  });
  it('are not derived from optional parts, and give up on syntax they do not read', () => {
    expect(requiredLiterals('(rent)?\\s*(and\\s+)*money')).toEqual([['money']]);
    expect(requiredLiterals('(rent|)money')).toEqual([['money', 'rentmoney']]);
    expect(requiredLiterals('rent|\\d+')).toBeNull(); // one branch has no literal
    expect(requiredLiterals('(?i)rent')).toBeNull();
    expect(requiredLiterals('(?-i:\\b(in|from)\\s+county\\b)')).toEqual([['⁂from⁂ ⁂county⁂', '⁂in⁂ ⁂county⁂']]); // case-only groups keep their words
    expect(requiredLiterals('\\Qa.b\\E')).toBeNull();
    expect(requiredLiterals('\\x41rent')).toBeNull();
    expect(requiredLiterals('[[:alpha:]]+')).toBeNull();
    expect(requiredLiterals('caf\u00e9')).toEqual([['caf']]); // non-ASCII letters are never literals
  });
  it('reads character classes, ranges and escapes without losing its place', () => {
    expect(requiredLiterals('don[\'’]t\\s+pay')).toEqual([['⁂t⁂ ⁂pay'], ['don⁂']]);
    expect(requiredLiterals('[a-]x')).toEqual([['-⁂x', 'ax']]);
    expect(requiredLiterals('[]a]bc')).toEqual([[']⁂bc', 'abc']]);
    expect(requiredLiterals('[a-\\]]bc')).toBeNull();
    expect(requiredLiterals('\\.\\$5')).toEqual([['.$⁂5']]);
    expect(requiredLiterals('[\\s,]+then')).toEqual([['⁂then']]); // a class listing \s is read past, not given up on
    expect(requiredLiterals('v[1-3]x')).toEqual([['v1x', 'v2x', 'v3x']]); // a short range lists its characters
  });
  it('never rule out a segment the pattern matches (every starter pattern, every starter example)', () => {
    const sentences = starterSentences();
    let matched = 0;
    for (const source of starterPatterns()) {
      const re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
      const variants = (s: string): string[] => [s, s.toUpperCase(), s.replace(/'/g, '’'), s.replace(/ /g, '\t'), s.replace(/ /g, 'é')];
      for (const s of sentences.flatMap(variants)) {
        if (!re.test(s)) continue;
        matched++;
        expect(passes(source, s), `${source} on "${s}"`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(100);
  });
});

describe('a pre-filter of many literals', () => {
  it('finds the same patterns when its table outgrows the compact form (over 32,768 states)', () => {
    const starter = starterPatterns().map((p) => required(p));
    // 3,000 made-up words of 12 letters: about 36,000 more states.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const filler = Array.from({ length: 3000 }, (_, i) => {
      let w = 'q';
      for (let n = i * 7919 + 1, k = 0; k < 11; k++, n = Math.floor(n / 3) + k * 31) w += letters[n % 26];
      return [[`${WORD_EDGE}${w}${WORD_EDGE}`]];
    });
    const small = buildScanner(starter);
    const large = buildScanner([...starter, ...filler]);
    const sentences = starterSentences();
    let found = 0;
    for (const s of sentences) {
      const expected = small.candidates(s);
      found += expected.length;
      expect(large.candidates(s)).toEqual(expected);
    }
    expect(found).toBeGreaterThan(100);
    const w = filler[2999]![0]![0]!.replaceAll(WORD_EDGE, '');
    expect(large.candidates(`she said ${w.toUpperCase()} twice`)).toEqual([starter.length + 2999]);
    expect(large.candidates(`she said ${w}s twice`)).toEqual([]);
  });
});

describe('a pre-filter built from tables worked out before (a snapshot, a worker)', () => {
  it('scans with the tables of the same literals, and builds its own for any others', () => {
    const starter = starterPatterns().map((p) => required(p));
    const fresh = buildScanner(starter);
    const again = buildScanner(starter, fresh.tables);
    expect(again.tables).toBe(fresh.tables);
    // Tables of other literals (one pattern fewer) are not used: they would rule out the wrong patterns.
    const stale = buildScanner(starter.slice(1)).tables;
    const rebuilt = buildScanner(starter, stale);
    expect(rebuilt.tables).not.toBe(stale);
    let found = 0;
    for (const s of starterSentences()) {
      const expected = fresh.candidates(s);
      found += expected.length;
      expect(again.candidates(s)).toEqual(expected);
      expect(rebuilt.candidates(s)).toEqual(expected);
    }
    expect(found).toBeGreaterThan(100);
  });
});

describe('a codebook whose literals would outgrow the scan', () => {
  it('keeps the literals of the first patterns only, in order, within the table it can afford', () => {
    // Columns: a–j and "other" (11). Cumulative characters 3, 7, 10: tables of 44, 88, 121 cells.
    const literals = [[['abc']], null, [['defg']], [['hij']]];
    expect(withinScanBudget(literals, 100)).toEqual([[['abc']], null, [['defg']], null]);
    expect(withinScanBudget(literals, 121)).toEqual(literals);
  });

  it('still codes with the patterns past the budget, which then run on every segment', async () => {
    // 1,400 patterns of 32 twelve-letter words: 627,200 literal characters in 28 columns
    // (26 letters, the word edge, all others), over the 16 million cells a table may have.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = (n: number): string => Array.from({ length: 12 }, (_, k) => letters[Math.floor(n / 26 ** (k % 4)) % 26 ^ k % 2]).join('');
    const patterns = Array.from({ length: 1400 }, (_, p) => `\\b(?:${Array.from({ length: 32 }, (_, w) => word(p * 32 + w)).join('|')})\\b`);
    const started = Date.now();
    const cb = await oneCode(patterns.map((x) => `- regex: ['${x}']`).join('\n'));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(codes(cb, `she said ${word(0)} once`)).toEqual(['c']);
    expect(codes(cb, `she said ${word(1399 * 32 + 31).toUpperCase()} once`)).toEqual(['c']);
    expect(codes(cb, `she said ${word(1399 * 32 + 31)}s once`)).toEqual([]);
  });
});

describe('regex rules behind the literal pre-filter', () => {
  it('still match text written in capitals, or with the long s and Kelvin sign RE2 folds to s and k', async () => {
    const cb = await oneCode("- regex: ['sober\\s+for\\s+\\d+\\s+weeks\\b']");
    expect(codes(cb, 'I was SOBER FOR 6 WEEKS.')).toEqual(['c']);
    expect(codes(cb, 'I was ſober for 6 wee\u212As.')).toEqual(['c']);
    expect(codes(cb, 'I was sober for six weeks.')).toEqual([]);
  });
  it('are not scanned for a group of common words only ("is", "were"), and still match', async () => {
    const cb = await oneCode("- regex: ['\\b(shelter|refuge|safe\\s+house)\\b[^.?!]{0,20}\\b(was|were|is|are)\\b']");
    // Two groups of required literals; the scan looks for the first only: "is" and "were" are in nearly every segment.
    expect(cb.patternSet.scannerTables.need[0]).toBe(1);
    expect(codes(cb, 'The refuge near us was full.')).toEqual(['c']);
    expect(codes(cb, 'The refuge near us, full.')).toEqual([]);
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
