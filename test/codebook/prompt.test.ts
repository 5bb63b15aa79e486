import { describe, expect, it } from 'vitest';
import { codeTranscript } from '../../src/core/code/pass.js';
import { lintCodebook } from '../../src/core/codebook/lint.js';
import { matchText, questionTerms, readText } from '../../src/core/codebook/match.js';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { parsePlainText } from '../../src/core/segment/plaintext.js';
import type { Unit } from '../../src/core/types.js';
import { codes, compileYaml, errorsOf } from './helpers.js';

const BOOK = `codes:
  - id: exit
    label: Exit
    children:
      - id: attempt
        label: Attempt
        match:
          - prompt: [how many times, try to leave]
            not: [=never, =none]
        examples:
          - q: How many times did you try to leave?
            a: Six.
        counterexamples:
          - q: How many times did you try to leave?
            a: Never. Not once.
          - Six.
  - id: barrier
    label: Barrier
    children:
      - id: social_support
        label: Social support
        match:
          - prompt: [family, anybody to turn to]
            any: [=no, nobody, =nope]
`;

function transcript(body: string) {
  return parsePlainText(`---\nid: T1\nspeakers: [I, T1]\n---\n${body}`, { source: 'T1.txt', format: 'txt', interviewers: ['I'] });
}

async function coded(body: string, unit: Unit = 'turn', book = BOOK): Promise<string[]> {
  const cb = await compileYaml(book);
  return codeTranscript(cb, transcript(body), { unit, speakers: 'participant' }).codings.map((c) => `${c.segment} ${c.code}`);
}

describe('prompt: a rule that reads the question before the answer', () => {
  it('codes a bare answer by the interviewer turn before it, and only there', async () => {
    expect(await coded('I: How many times did you try to leave?\nT1: Six.\nI: And now?\nT1: Six.\n')).toEqual(['T1:2 exit.attempt']);
  });

  it('a `not` on the answer still vetoes: "Never." to the same question is not coded', async () => {
    expect(await coded('I: How many times did you try to leave?\nT1: Never. Not once.\n')).toEqual([]);
  });

  it('prompt with any: both must hold, the answer key in the answer, the prompt in the question', async () => {
    const body = 'I: Did you have family you could turn to?\nT1: No.\nI: Did you have a car?\nT1: No.\nI: Family?\nT1: My sister.\n';
    expect(await coded(body)).toEqual(['T1:2 barrier.social_support']);
  });

  it('the answer never supplies the prompt: a participant saying the words is not asked them', async () => {
    expect(await coded('T1: How many times did I try to leave? Six.\n')).toEqual([]);
  });

  it('sentences and paragraphs share their turn question; a second answer turn keeps the last question', async () => {
    const body = 'I: How many times did you try to leave?\nT1: Six. Six that I count.\nT1: Maybe seven.\n';
    expect(await coded(body, 'sentence')).toEqual(['T1:2.s1 exit.attempt', 'T1:2.s2 exit.attempt', 'T1:3.s1 exit.attempt']);
  });

  it('an interviewer segment has no question, even when every speaker is coded', async () => {
    const cb = await compileYaml(BOOK);
    const t = transcript('I: How many times did you try to leave?\nI: Or how many times did you try to leave, roughly?\nT1: Six.\n');
    const got = codeTranscript(cb, t, { unit: 'turn', speakers: 'all' }).codings.map((c) => `${c.segment} ${c.code}`);
    expect(got).toEqual(['T1:3 exit.attempt']);
  });

  it('the question is found with the same stems as the text ("tried leaving" asks "try to leave")', async () => {
    const cb = await compileYaml(BOOK);
    expect([...matchText(cb, 'Twice.', questionTerms(cb, readText(cb, 'Had you tried leaving him before that, and how many times?'))).keys()]).toEqual(['exit.attempt']);
    expect(codes(cb, 'Twice.')).toEqual([]);
  });

  it('a prompt-only coding carries no evidence from the answer (nothing in it matched)', async () => {
    const cb = await compileYaml(BOOK);
    const [c] = codeTranscript(cb, transcript('I: How many times did you try to leave?\nT1: Six.\n'), { unit: 'turn', speakers: 'participant' }).codings;
    expect(c?.evidence).toEqual([]);
  });
});

describe('examples with their question', () => {
  it('lint runs an example with its question and a plain one without', async () => {
    const report = lintCodebook(await compileYaml(BOOK));
    expect(report.errors).toBe(0);
    expect(report.examples).toBe(1);
    expect(report.counterexamples).toBe(2);
  });

  it('a failing example names its question', async () => {
    const failing = BOOK.replace('a: Six.', 'a: Six.\n          - q: Where did you sleep?\n            a: Six.');
    const report = lintCodebook(await compileYaml(failing));
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message))
      .toEqual(['example is not coded exit.attempt: "Six." (asked "Where did you sleep?")']);
    expect(report.findings.find((f) => f.kind === 'example')).toMatchObject({ text: 'Six.', question: 'Where did you sleep?' });
  });

  it('examples keep their answers in `examples`, the questions beside them', () => {
    const [code] = parseCodebook(BOOK, 'b.yaml').codes[0]!.children;
    expect(code!.examples).toEqual(['Six.']);
    expect(code!.exampleQuestions).toEqual(['How many times did you try to leave?']);
    expect(code!.counterexamples).toEqual(['Never. Not once.', 'Six.']);
    expect(code!.counterexampleQuestions).toEqual(['How many times did you try to leave?', null]);
  });
});

describe('validation of prompt and q/a examples', () => {
  const book = (rule: string, examples = '') => `codes:\n  - id: c\n    label: C\n    match:\n      - ${rule}\n${examples}`;

  it('a prompt alone is a rule; a misspelt key gets a did-you-mean', () => {
    expect(errorsOf(book('prompt: [how many times]'))).toEqual([]);
    expect(errorsOf(book('promt: [how many times]'))[0]).toMatch(/unknown rule key "promt" \(did you mean "prompt"\?\)/);
  });

  it('prompt must be a list of terms', () => {
    expect(errorsOf(book('prompt: {any: [leave]}'))[0]).toMatch(/`prompt` must be a list of terms/);
    expect(errorsOf(book('prompt: [[leave]]'))[0]).toMatch(/a term in `prompt` must be a word or phrase/);
    expect(errorsOf(book('prompt: []'))[0]).toMatch(/`prompt` has no terms/);
  });

  it('a q/a example needs both halves, and only those keys', () => {
    const ex = (e: string) => `    examples:\n      - ${e}\n`;
    expect(errorsOf(book('prompt: [leave]', ex('{q: How many times?}')))[0]).toMatch(/needs both `q:`.*and `a:`/);
    expect(errorsOf(book('prompt: [leave]', ex('{q: How many times?, answer: Six.}')))).toEqual(expect.arrayContaining([
      expect.stringMatching(/unknown example key "answer"/),
    ]));
  });
});
