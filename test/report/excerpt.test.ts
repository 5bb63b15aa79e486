// Long turns are shown around their evidence, cut only between words, with … where
// text was left out; the renderers mark the evidence for each medium.
import { describe, expect, it } from 'vitest';
import { BusiestQuotes, excerpt, selectQuotes, shorten } from '../../src/core/aggregate/quotes.js';
import { excerptText, clock } from '../../src/render/quotes.js';

const words = (n: number, from = 0): string => Array.from({ length: n }, (_, i) => `word${i + from}`).join(' ');

describe('excerpt', () => {
  it('keeps a short text whole and marks each evidence span', () => {
    const e = excerpt('I had no money for the deposit.', [{ start: 9, end: 14 }, { start: 23, end: 30 }], 100);
    expect(e).toEqual({
      parts: [
        { text: 'I had no ', mark: false }, { text: 'money', mark: true }, { text: ' for the ', mark: false },
        { text: 'deposit', mark: true }, { text: '.', mark: false },
      ],
      cut_start: false, cut_end: false,
    });
  });

  it('shows a long text around its first evidence, never cutting a word', () => {
    const text = `${words(60)} the deposit was too much ${words(60, 100)}`;
    const at = Array.from(text).indexOf('d', text.indexOf('the deposit') + 1);
    const e = excerpt(text, [{ start: at, end: at + 7 }], 120);
    const shown = e.parts.map((p) => p.text).join('');
    expect(e.cut_start && e.cut_end).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(120);
    expect(shown).toContain('the deposit was too much');
    // Every shown word is a whole word of the text.
    for (const w of shown.split(' ')) expect(text.split(' ')).toContain(w);
    expect(excerptText(e, (s) => `**${s}**`)).toMatch(/^… word\d+ .*\*\*deposit\*\* was too much .* word\d+ …$/);
  });

  it('joins marks that only white space separates, so a phrase reads as one', () => {
    const e = excerpt('put out with nowhere to go', [{ start: 0, end: 12 }, { start: 13, end: 26 }], 100);
    expect(e.parts).toEqual([{ text: 'put out with nowhere to go', mark: true }]);
  });

  it('shortens a question from its end, an answer after it from its start', () => {
    const long = `${words(50)} and what happened next?`;
    const end = shorten(long, 60, 'end');
    expect(end.cut_start).toBe(true);
    expect(end.parts[0]!.text.endsWith('what happened next?')).toBe(true);
    expect(long.split(' ')).toContain(end.parts[0]!.text.split(' ')[0]);
    const start = shorten(long, 60, 'start');
    expect(start.cut_end).toBe(true);
    expect(start.parts[0]!.text.startsWith('word0 word1')).toBe(true);
    expect(long.split(' ')).toContain(start.parts[0]!.text.split(' ').pop());
  });

  it('counts code points, so text after an emoji is marked where the offsets say', () => {
    const e = excerpt('🏠 no deposit', [{ start: 5, end: 12 }], 100);
    expect(e.parts.find((p) => p.mark)?.text).toBe('deposit');
  });

  it('prints source times as hh:mm:ss', () => {
    expect(clock(754.5)).toBe('00:12:34');
    expect(clock(3725)).toBe('01:02:05');
  });
});

describe('selectQuotes', () => {
  const coding = (segment: string, code: string) => ({ transcript: segment.split(':')[0]!, segment, speaker: 'x', code, coder: 'h', start: null, end: null, evidence: [] });
  const coded = [
    { id: 'A', source: 'a', attributes: {}, eligible: [], codings: [coding('A:2', 'b.h')] },
    { id: 'B', source: 'b', attributes: {}, eligible: [], codings: [coding('B:2', 'b.h'), coding('B:4', 'b.m'), coding('B:6', 'b.h')] },
    { id: 'C', source: 'c', attributes: {}, eligible: [], codings: [coding('C:2', 'b.m'), coding('C:4', 'b.m')] },
  ];

  it('in case order, spread round-robin, or busiest cases first', () => {
    expect(selectQuotes('b', coded).picks.map((p) => p.segment)).toEqual(['A:2', 'B:2', 'B:4', 'B:6', 'C:2', 'C:4']);
    expect(selectQuotes('b', coded, { spread: true }).picks.map((p) => p.segment)).toEqual(['A:2', 'B:2', 'C:2', 'B:4', 'C:4', 'B:6']);
    expect(selectQuotes('b', coded, { spread: true, busiestFirst: true, limit: 3 }).picks.map((p) => p.segment)).toEqual(['B:2', 'C:2', 'A:2']);
    expect(selectQuotes('b.m', coded, { limit: 1 })).toMatchObject({ total: 3, cases: 2, picks: [{ segment: 'B:4', coded: ['b.m'] }] });
  });
});

describe('BusiestQuotes: the report\'s exemplars, a transcript at a time', () => {
  const coding = (segment: string, code: string) => ({ transcript: segment.split(':')[0]!, segment, speaker: 'x', code, coder: 'h', start: null, end: null, evidence: [] });
  /** Cases with 0–4 coded segments each, in a shuffled input order, ids not in input order, and ties. */
  const cases = ['K', 'B', 'F', 'A', 'H', 'D', 'J', 'C', 'G', 'E'].map((id, k) => ({
    id, source: id, attributes: {}, eligible: [],
    codings: Array.from({ length: (k * 7) % 5 }, (_, i) => coding(`${id}:${2 * i + 2}`, i % 2 ? 'b.m' : 'b.h')),
  }));
  const byId = [...cases].sort((a, b) => (a.id < b.id ? -1 : 1));

  it('picks what selectQuotes picks over the cases in id order, whatever order they come in', () => {
    for (const code of ['b', 'b.h', 'b.m']) {
      for (let limit = 0; limit <= 6; limit++) {
        const streamed = new BusiestQuotes(code, limit);
        for (const t of cases) streamed.add(t);
        const whole = selectQuotes(code, byId, { spread: true, busiestFirst: true, limit });
        expect(streamed.picks().map((p) => p.segment), `${code} limit ${limit}`).toEqual(whole.picks.map((p) => p.segment));
      }
    }
    // The busiest cases first, ties in id order: F and C have four each (C first), then E and H three.
    const three = new BusiestQuotes('b', 3);
    for (const t of cases) three.add(t);
    expect(three.picks().map((p) => p.segment)).toEqual(['C:2', 'F:2', 'E:2']);
  });
});
