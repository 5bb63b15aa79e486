// The plain-text fast path must read exactly the tokens tokenize() reads, whatever the text.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPlain, readPlainWords, WordTable } from '../../src/core/codebook/ascii-words.js';
import { tokenize, type Token } from '../../src/core/segment/tokenize.js';

function fastTokens(text: string, table = new WordTable<{ token: string }>(1000, (e) => e.token)): Token[] {
  const out: Token[] = [];
  readPlainWords(text, table, (token) => ({ token }), (e, start, end) => out.push({ text: e.token, start, end }));
  return out;
}

const EDGES = [
  "Didn't, didn''t, 'quoted', o'clock's, rock 'n' roll, 90's, '90s, x'", "a_b c-d e.f 3.5 1,000 #tag @me", "", "   ", "'", "''a''",
  'ALL CAPS AND MiXeD', 'tab\tand\nnew line\r\n', "end with apostrophe'", "it's\u0000odd", 'x'.repeat(300), 'A1b2C3 9z',
  // Typographic punctuation: ’ is an apostrophe (spelled ' in the token), the rest ends a word.
  'didn’t, DIDN’T, didn’’t, ’cause, dogs’ bowls, rock ’n’ roll, ’90s, x’', 'I didn’t—I couldn’t… “Go,” she said – ‘no’ • ok',
  'no\u00a0break\u00a0space', 'mixed didn’t and didn\'t', '’', '’’a’’', 'a’\'b', 'a\'’b',
];

describe('ASCII words', () => {
  it('are the tokens of tokenize(), on every hand-written transcript and on odd spellings', () => {
    const texts = [...EDGES];
    for (const dir of readdirSync('eval').filter((d) => !d.endsWith('.md'))) {
      for (const f of readdirSync(`eval/${dir}`).filter((f) => f.endsWith('.txt'))) texts.push(...readFileSync(`eval/${dir}/${f}`, 'utf8').split('\n'));
    }
    const table = new WordTable<{ token: string }>(1000, (e) => e.token);
    let read = 0;
    for (const t of texts.filter(isPlain)) {
      expect(fastTokens(t, table), t).toEqual(tokenize(t));
      read++;
    }
    expect(read).toBeGreaterThan(2000);
  });
  it('are the tokens of tokenize() on random strings of letters, digits, apostrophes and typographic punctuation', () => {
    const alphabet = ['a', 'B', 'z', '7', "'", '’', '‘', ' ', '—', '“', '”', '…', '\u00a0', '.', '_', '-'];
    let seed = 7;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const table = new WordTable<{ token: string }>(1000, (e) => e.token);
    for (let k = 0; k < 20_000; k++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
      expect(fastTokens(text, table), text).toEqual(tokenize(text));
    }
  });
  it('tells apart words whose hashes collide, and keeps working once the table is full', () => {
    const table = new WordTable<{ token: string }>(2, (e) => e.token);
    table.add(7, { token: 'rent' });
    table.add(7, { token: 'bus' });
    table.add(7, { token: 'car' }); // past capacity: not remembered
    expect(table.find('the BUS', 4, 7, 7)?.token).toBe('bus');
    expect(table.find('rent', 0, 4, 7)?.token).toBe('rent');
    expect(table.find('car', 0, 3, 7)).toBeUndefined();
    expect(table.find('buss', 0, 4, 7)).toBeUndefined();
    const missed: string[] = [];
    const small = new WordTable<{ token: string }>(1, (e) => e.token);
    readPlainWords('one two one two', small, (token) => (missed.push(token), { token }), () => {});
    expect(missed).toEqual(['one', 'two', 'two']);
  });
  it('words built to share a hash are not all remembered, so no lookup walks a long run of slots', () => {
    const table = new WordTable<{ token: string }>(100_000, (e) => e.token);
    for (let k = 0; k < 5000; k++) table.add(42, { token: `w${k}` }); // one hash for all: only the first few are kept
    expect(table.find('w3', 0, 2, 42)?.token).toBe('w3');
    expect(table.find('w4999', 0, 5, 42)).toBeUndefined(); // looked up in the caller's map instead
  });
  it('reads ASCII with typographic punctuation, and leaves any other non-ASCII text to the tokenizer', () => {
    expect(isPlain('plain text')).toBe(true);
    expect(isPlain('I didn’t—“no” …')).toBe(true);
    expect(isPlain('café')).toBe(false);
    expect(isPlain('naïve')).toBe(false);
    expect(isPlain('e\u0301')).toBe(false);
  });
});
