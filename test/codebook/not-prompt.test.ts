import { describe, expect, it } from 'vitest';
import { codeTranscript } from '../../src/core/code/pass.js';
import { lintCodebook } from '../../src/core/codebook/lint.js';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { exportCodebook, importCodebook } from '../../src/core/refi/codebook.js';
import { parsePlainText } from '../../src/core/segment/plaintext.js';
import { compileYaml, errorsOf } from './helpers.js';

// A parent's `not_prompt` keeps its children's rules from coding an answer to a question
// that asks for an imagined program: "a nurse on site" there is a wish, not a service met.
const BOOK = `codes:
  - id: service
    label: Services
    not_prompt: [ideal, if you could, design*]
    children:
      - id: medical
        label: Medical care
        match:
          - any: [=nurse, =clinic]
        examples:
          - q: Who helped you first?
            a: A nurse at the clinic.
        counterexamples:
          - q: If you could design the program, what would it have?
            a: A nurse on site.
  - id: quality
    label: Qualities
    children:
      - id: in_house
        label: In-house
        match:
          - any: [on site, one roof]
`;

function transcript(body: string) {
  return parsePlainText(`---\nid: T1\nspeakers: [I, T1]\n---\n${body}`, { source: 'T1.txt', format: 'txt', interviewers: ['I'] });
}

async function coded(body: string, book = BOOK): Promise<string[]> {
  const cb = await compileYaml(book);
  return codeTranscript(cb, transcript(body), { unit: 'turn', speakers: 'participant' }).codings.map((c) => `${c.segment} ${c.code}`);
}

describe('not_prompt: a question that keeps a code (and its children) from coding the answer', () => {
  it('the same answer is a service met after one question and a wish after another', async () => {
    const body = [
      'I: Who helped you first?', 'T1: A nurse at the clinic, on site.',
      'I: In an ideal world, what would the program have?', 'T1: A nurse at the clinic, on site.',
    ].join('\n');
    // The quality code has no veto: the wish still says what a program must be.
    expect(await coded(body)).toEqual(['T1:2 quality.in_house', 'T1:2 service.medical', 'T1:4 quality.in_house']);
  });

  it('the veto is found with the same stems and prefixes as any term ("designing" by design*)', async () => {
    expect(await coded('I: If you were designing it, who would be there?\nT1: A nurse.\n')).toEqual([]);
    expect(await coded('I: If you could change it, who would be there?\nT1: A nurse.\n')).toEqual([]);
  });

  it('an answer with no question before it is never vetoed', async () => {
    expect(await coded('T1: Ideally a nurse, if you could find one.\n')).toEqual(['T1:1 service.medical']);
  });

  it('lint runs a counterexample with its question: without the veto it would be coded', async () => {
    expect(lintCodebook(await compileYaml(BOOK)).errors).toBe(0);
    const withoutVeto = BOOK.replace('    not_prompt: [ideal, if you could, design*]\n', '');
    const failing = lintCodebook(await compileYaml(withoutVeto)).findings.filter((f) => f.severity === 'error');
    expect(failing.map((f) => f.message)).toEqual(['counterexample is coded service.medical: "A nurse on site." (asked "If you could design the program, what would it have?")']);
  });

  it('must be a non-empty list of terms, on a code (a rule has no such key)', () => {
    const on = (line: string) => `codes:\n  - id: c\n    label: C\n    ${line}\n    match:\n      - any: [nurse]\n`;
    expect(errorsOf(on('not_prompt: [ideal]'))).toEqual([]);
    expect(errorsOf(on('not_prompt: {any: [ideal]}'))[0]).toMatch(/`not_prompt` must be a list of terms/);
    expect(errorsOf(on('not_prompt: []'))[0]).toMatch(/`not_prompt` has no terms/);
    expect(errorsOf(`codes:\n  - id: c\n    label: C\n    match:\n      - any: [nurse]\n        not_prompt: [ideal]\n`)[0]).toMatch(/unknown rule key "not_prompt"/);
  });

  it('travels through a REFI-QDA codebook and back', () => {
    const book = parseCodebook(BOOK, 'b.yaml');
    const { codebook } = exportCodebook(book, 'qcode');
    const back = importCodebook(codebook, { name: 'back', file: 'b.qdc' });
    expect(back.doc.codes[0]).toMatchObject({ id: 'service', not_prompt: ['ideal', 'if you could', 'design*'] });
  });
});
