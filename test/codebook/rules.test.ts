import { describe, expect, it } from 'vitest';
import { matchRead, matchText, nearPairs, questionTerms, readText } from '../../src/core/codebook/match.js';
import { codes, compileYaml, oneCode } from './helpers.js';

describe('rule keys', () => {
  it('any: one term suffices', async () => {
    const cb = await oneCode('any: [rent, deposit]');
    expect(codes(cb, 'the deposit was too much')).toEqual(['c']);
    expect(codes(cb, 'nothing here')).toEqual([]);
  });
  it('all: every term must occur, anywhere in the segment', async () => {
    const cb = await oneCode('all: [bus, fare]');
    expect(codes(cb, 'the fare for the bus')).toEqual(['c']);
    expect(codes(cb, 'the bus was late')).toEqual([]);
  });
  it('near: within N tokens, either order; the default window is 5', async () => {
    const cb = await oneCode('near: [[sleep], [car, couch]]\nwithin: 3');
    expect(codes(cb, 'I slept in my car')).toEqual(['c']);
    expect(codes(cb, 'the car where I slept')).toEqual(['c']);
    expect(codes(cb, 'I slept well and later we bought a car')).toEqual([]);
    const dflt = await oneCode('near: [[no], [ride]]');
    expect(codes(dflt, 'no one gave me a ride')).toEqual(['c']);
    expect(codes(dflt, 'no, I never once asked anyone for a ride')).toEqual([]);
  });
  it('regex: RE2, case-insensitive, on the segment text', async () => {
    const cb = await oneCode('regex: ["\\\\b(18|eighteen)[- ]months?\\\\b"]');
    expect(codes(cb, 'It has to be EIGHTEEN months at least')).toEqual(['c']);
    expect(codes(cb, 'about 180 months')).toEqual([]);
  });
  it('regex beside other keys: all must hold, whether the pattern also stands alone elsewhere', async () => {
    const cb = await compileYaml(`codes:
  - id: alone
    label: A
    match:
      - regex: ["\\\\bsix\\\\b"]
  - id: paired
    label: P
    match:
      - any: [times]
        regex: ["\\\\bsix\\\\b", "\\\\bseven\\\\b"]
  - id: asked
    label: Q
    match:
      - prompt: [how many]
        regex: ["^\\\\W*(six|seven)\\\\b"]
`);
    expect(codes(cb, 'six')).toEqual(['alone']);
    expect(codes(cb, 'six times')).toEqual(['alone', 'paired']);
    expect(codes(cb, 'seven times')).toEqual(['paired']);
    expect(codes(cb, 'many times')).toEqual([]);
    const asked = (text: string, question: string): string[] =>
      [...matchText(cb, text, questionTerms(cb, readText(cb, question))).keys()].sort();
    expect(asked('Seven.', 'How many times did you leave?')).toEqual(['asked']);
    expect(asked('Seven.', 'Where did you go?')).toEqual([]);
    expect(asked('Six.', 'How many times?')).toEqual(['alone', 'asked']);
    expect(asked('I was six.', 'How many times?')).toEqual(['alone']);
  });
  it('a catastrophic-backtracking pattern runs in linear time', async () => {
    const cb = await oneCode('regex: ["(a+)+$"]');
    const started = Date.now();
    expect(codes(cb, `${'a'.repeat(50_000)}!`)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5000);
  });
  it('not: vetoes the rule when any of its terms occurs', async () => {
    const cb = await oneCode('any: [caseworker, case manager]\nnot: [never had a]');
    expect(codes(cb, 'My caseworker found me a bed')).toEqual(['c']);
    expect(codes(cb, 'I never had a caseworker back then')).toEqual([]);
  });
  it('a rule holds only when every key holds; a list of rules is an or', async () => {
    const cb = await oneCode('- any: [job]\n  near: [[no, never], [hire]]\n- any: [resume]');
    expect(codes(cb, 'nobody would hire me for a job')).toEqual([]);
    expect(codes(cb, 'no one would hire me for any job')).toEqual(['c']);
    expect(codes(cb, 'my resume was empty')).toEqual(['c']);
  });
  it('keeps evidence spans of the terms that matched, in text order', async () => {
    const cb = await oneCode('any: [rent, deposit*]');
    const ev = matchText(cb, 'Rent and the deposits').get('c');
    expect(ev).toEqual([
      { start: 0, end: 4, term: 'rent' },
      { start: 13, end: 21, term: 'deposit*' },
    ]);
  });
  it('codes parents by their own rules and leaves roll-up to reports', async () => {
    const cb = await compileYaml(`codes:
  - id: barrier
    label: B
    match: {any: [barrier]}
    children:
      - id: housing
        label: H
        match: {any: [rent]}
`);
    expect(codes(cb, 'rent')).toEqual(['barrier.housing']);
    expect(codes(cb, 'a barrier and rent')).toEqual(['barrier', 'barrier.housing']);
  });
});

describe('nearPairs', () => {
  const o = (term: number, first: number, last = first) => ({ term, first, last });
  it('pairs occurrences within the window and only those', () => {
    expect(nearPairs([o(0, 0), o(0, 20)], [o(1, 3)], 3)).toEqual([o(0, 0), o(1, 3)]);
    expect(nearPairs([o(0, 0)], [o(1, 4)], 3)).toEqual([]);
  });
  it('measures from the nearer end of a phrase', () => {
    expect(nearPairs([o(0, 0, 2)], [o(1, 5)], 3)).toEqual([o(0, 0, 2), o(1, 5)]);
    expect(nearPairs([o(1, 0)], [o(0, 4, 6)], 3)).toEqual([]);
  });
});

// A rule is found by one of its clauses (the one with the rarest words); terms made of
// common words that trigger nothing are looked for only when a rule asks. Which terms are
// looked up which way must never change what is coded, or where.
describe('terms found by a rule, not by the index', () => {
  it('near with a side of common words: found at the rarer side, still needs the common one', async () => {
    const cb = await oneCode('near: [[=i, =we], [left, ran]]\nwithin: 2\nnot: [=they]');
    expect(cb.indexed[cb.terms.findIndex((t) => t.raw === '=i')]).toBe(false);
    expect(cb.indexed[cb.terms.findIndex((t) => t.raw === 'left')]).toBe(true);
    const m = matchText(cb, 'Then I finally left, and we ran.');
    expect([...m.keys()]).toEqual(['c']);
    expect(m.get('c')!.map((e) => e.term)).toEqual(['=i', 'left', '=we', 'ran']);
    expect(codes(cb, 'She left early')).toEqual([]);
    expect(codes(cb, 'I left, and they ran')).toEqual([]);
  });
  it('all: the rarest term triggers; the common one is checked, and its evidence kept', async () => {
    const cb = await oneCode('all: [=my, kids]\nnot: [that is not mine]');
    const m = matchText(cb, 'My kids, my whole life');
    expect(m.get('c')!.map((e) => [e.start, e.end])).toEqual([[0, 2], [3, 7], [9, 11]]);
    expect(codes(cb, 'the kids were fine')).toEqual([]);
    expect(codes(cb, 'my kids? that is not mine to say')).toEqual([]);
  });
  it('near with a side of common-word phrases and a side of pronouns: found at the phrases, not at every "she"', async () => {
    const cb = await oneCode('near: [[been there, been in it, been through it], [=she, =someone]]\nwithin: 4');
    const id = (raw: string): number => cb.terms.findIndex((t) => t.raw === raw);
    expect(cb.indexed[id('=she')]).toBe(false);
    expect(cb.rulesByTerm[id('been there')]).toEqual([0]);
    expect(codes(cb, 'She had been there herself')).toEqual(['c']);
    expect(codes(cb, 'she said so, and she did')).toEqual([]);
  });
  it('a term asked for only by a rule (a not) is found in its own segment, whichever segment was read last', async () => {
    const cb = await oneCode('any: [rent]\nnot: [=paid =it]');
    const paid = readText(cb, 'The rent? I paid it, every month');
    const unpaid = readText(cb, 'The rent was late again');
    expect([...matchRead(cb, unpaid).keys()]).toEqual(['c']);
    expect([...matchRead(cb, paid).keys()]).toEqual([]);
    expect([...matchRead(cb, unpaid).keys()]).toEqual(['c']);
  });
  it('any of common words alone still triggers at each of them', async () => {
    const cb = await oneCode('any: [he was going to, =we]');
    expect(codes(cb, 'we stayed')).toEqual(['c']);
    expect(codes(cb, 'and he was going to call')).toEqual(['c']);
    expect(codes(cb, 'he was not going to')).toEqual([]);
  });
});
