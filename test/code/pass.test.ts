import { describe, expect, it } from 'vitest';
import { codeTranscript } from '../../src/core/code/pass.js';
import { parsePlainText } from '../../src/core/segment/plaintext.js';
import { compileYaml } from '../codebook/helpers.js';

const BOOK = `codes:
  - id: barrier
    label: B
    children:
      - id: housing
        label: H
        match: {any: [rent, nowhere to stay]}
      - id: financial
        label: M
        match: {any: [money]}
`;

function transcript(body: string) {
  return parsePlainText(`---\nid: T1\nspeakers: [I, T1]\n---\n${body}`, { source: 'T1.txt', format: 'txt', interviewers: ['I'] });
}

describe('the coding pass', () => {
  it('codes participant turns only, with segment spans and evidence in code points', async () => {
    const cb = await compileYaml(BOOK);
    const t = transcript('I: Any rent? 😀\nT1: 😀😀 No money, and nowhere to stay.\nI: ok\nT1: fine\n');
    const coded = codeTranscript(cb, t, { unit: 'turn', speakers: 'participant' });
    expect(coded.eligible).toEqual(['T1:2', 'T1:4']);
    expect(coded.codings.map((c) => [c.segment, c.code, c.coder])).toEqual([
      ['T1:2', 'barrier.financial', 'auto'], ['T1:2', 'barrier.housing', 'auto'],
    ]);
    const chars = [...t.text];
    const money = coded.codings[0]!;
    expect(chars.slice(money.start!, money.end!).join('')).toBe('😀😀 No money, and nowhere to stay.');
    const [ev] = money.evidence;
    expect(chars.slice(ev!.start, ev!.end).join('')).toBe('money');
    const housing = coded.codings[1]!.evidence[0]!;
    expect(chars.slice(housing.start, housing.end).join('')).toBe('nowhere to stay');
    expect(housing.term).toBe('nowhere to stay');
  });

  it('codes every speaker with speakers: all, or only the listed labels', async () => {
    const cb = await compileYaml(BOOK);
    const t = transcript('I: Any rent?\nT1: No money.\nI: ok\nT1: fine\n');
    expect(codeTranscript(cb, t, { unit: 'turn', speakers: 'all' }).codings.map((c) => c.segment)).toEqual(['T1:1', 'T1:2']);
    expect(codeTranscript(cb, t, { unit: 'turn', speakers: ['i'] }).codings.map((c) => c.segment)).toEqual(['T1:1']);
  });

  it('codes paragraphs and sentences as their own segments', async () => {
    const cb = await compileYaml(BOOK);
    const t = transcript('I: Tell me.\nT1: The rent was high. I had money then.\n\nLater no money at all.\n');
    expect(codeTranscript(cb, t, { unit: 'paragraph', speakers: 'participant' }).codings.map((c) => `${c.segment} ${c.code}`))
      .toEqual(['T1:2.p1 barrier.financial', 'T1:2.p1 barrier.housing', 'T1:2.p2 barrier.financial']);
    expect(codeTranscript(cb, t, { unit: 'sentence', speakers: 'participant' }).codings.map((c) => `${c.segment} ${c.code}`))
      .toEqual(['T1:2.s1 barrier.housing', 'T1:2.s2 barrier.financial', 'T1:2.s3 barrier.financial']);
  });

  it("does not code the transcriber's bracketed notes, and finds words after them where they are", async () => {
    const cb = await compileYaml(BOOK.replace('{any: [money]}', '{any: [money, spanish]}'));
    const t = transcript('I: And money?\nT1: [speaks in Spanish]\nI: Money?\nT1: [laughs] No money [inaudible] at all.\nI: ok\nT1: I speak Spanish.\n');
    const coded = codeTranscript(cb, t, { unit: 'turn', speakers: 'participant' });
    expect(coded.codings.map((c) => `${c.segment} ${c.code}`)).toEqual(['T1:4 barrier.financial', 'T1:6 barrier.financial']);
    const [ev] = coded.codings[0]!.evidence;
    expect([...t.text].slice(ev!.start, ev!.end).join('')).toBe('money');
    expect(ev!.text).toBe('money');
  });
});
