// The sentence splitter is natural's sentence tokenizer read in one pass: these tests
// hold it to natural's own output, on the repository's interviews and on made-up text
// full of what the tokenizer treats specially, and show it stays fast where natural did not.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seeded } from '../made-up.js';
import { mask, sentenceSpans } from '../../src/core/segment/sentences.js';
import type { Span } from '../../src/core/types.js';

const require = createRequire(import.meta.url);
const SentenceTokenizer = require('natural/lib/natural/tokenizers/sentence_tokenizer.js') as new (
  abbreviations: string[], trim: boolean,
) => { tokenize(text: string): string[] };
const natural = new SentenceTokenizer([], true);

/** What sentenceSpans gave when natural split the sentences: its pieces found back in the paragraph. */
function naturalSpans(paragraph: string): Span[] {
  const masked = mask(paragraph);
  const spans: Span[] = [];
  let cursor = 0;
  for (const piece of natural.tokenize(masked)) {
    const sentence = piece.trim();
    if (sentence === '') continue;
    const at = masked.indexOf(sentence, cursor);
    if (at < 0) break;
    const prev = spans[spans.length - 1];
    if (prev && /^\p{Ll}/u.test(sentence)) prev.end = at + sentence.length;
    else spans.push({ start: at, end: at + sentence.length });
    cursor = at + sentence.length;
  }
  const rest = paragraph.slice(cursor);
  const lead = rest.length - rest.trimStart().length;
  const tail = rest.trimEnd().length;
  if (tail > lead) spans.push({ start: cursor + lead, end: cursor + tail });
  return spans;
}

/** Every paragraph-like line of the repository's plain-text interviews (labels left on: they do no harm). */
function interviewLines(): string[] {
  const dirs = ['fixtures/survivors', ...readdirSync('eval').filter((d) => /^dev\d+$/.test(d)).map((d) => join('eval', d))];
  return dirs.flatMap((dir) =>
    readdirSync(dir).filter((f) => f.endsWith('.txt')).flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '')),
  );
}

/** Made-up paragraphs of what natural's tokenizer treats specially, glued with and without spaces. */
function trickyParagraphs(count: number, seed: number): string[] {
  const random = seeded(seed);
  const pieces = [
    'I', 'had', 'nowhere', 'to', 'stay', '.', '?', '!', '...', '…', '. . .', '"', '”', '’', "'", ')', ']', '(', '3.5', '1,000', '12',
    '1,00', '.5', 'www.help.org/a.b', 'WWW.X.ORG.', 'https://x.org/p?q=1.', 'HTTPS://A.B', 'ftp://f.g', 'file://h.i.', 'mailto:me@site.org',
    'me@site.org', 'a@b', 'x.y@z.co.uk.', '@', '//', 'Dr.', 'e.g.', 'etc.', 'a.m.', 'She', 'said', '"Leave!"', 'she', '{', '}', '{{DELIM_1}}',
    '?!', '.)', '."', '  ', '\t', '\u00a0', 'Mr.', 'U.S.', 'No.', 'p.m.', 'ſ', 'K', 'é', '🐝',
  ];
  return Array.from({ length: count }, () => {
    const glue = random();
    let text = '';
    for (let i = 0, n = 1 + Math.floor(random() * 40); i < n; i++) {
      const space = glue < 0.3 ? '' : glue < 0.9 ? ' ' : random() < 0.5 ? '' : ' ';
      text += (i === 0 ? '' : space) + pieces[Math.floor(random() * pieces.length)];
    }
    return text;
  });
}

describe('sentenceSpans against natural', () => {
  it('splits the repository interviews exactly as natural does', () => {
    const lines = interviewLines();
    expect(lines.length).toBeGreaterThan(1000);
    // Whole interviews as one paragraph too: many sentences in one piece of text.
    const long = Array.from({ length: 20 }, (_, k) => lines.slice(k * 50, k * 50 + 50).join(' '));
    for (const p of [...lines, ...long]) expect(sentenceSpans(p), p).toEqual(naturalSpans(p));
  });

  it('splits made-up text of addresses, numbers, quotes and runs of stops as natural does', () => {
    for (const p of trickyParagraphs(5000, 20261201)) expect(sentenceSpans(p), JSON.stringify(p)).toEqual(naturalSpans(p));
  });
});

describe('sentenceSpans on text built to be slow', () => {
  // natural took six minutes over 20,000 sentences in one paragraph and 11 s over a
  // 100,000-letter word; each of these ends within the test's timeout.
  it('reads 20,000 sentences in one paragraph', () => {
    const spans = sentenceSpans('I had nowhere to stay most nights. '.repeat(20_000));
    expect(spans).toHaveLength(20_000);
    expect(spans[19_999]).toEqual({ start: 35 * 19_999, end: 35 * 20_000 - 1 });
  });

  it('reads sentences without spaces, long words, runs of spaces and long numbers', () => {
    expect(sentenceSpans('Stay!Go.'.repeat(50_000))).toHaveLength(100_000);
    expect(sentenceSpans('a'.repeat(200_000) + '@ x')).toHaveLength(1);
    expect(sentenceSpans('a' + ' '.repeat(200_000) + 'b.')).toEqual([{ start: 0, end: 200_003 }]);
    expect(sentenceSpans('It cost 1' + ',000'.repeat(50_000) + ' dollars. Then')).toHaveLength(2);
  });
});
