// Every number of the analysis reports checked against what a hand-made coding
// implies. The fixture (test/fixtures/report) has three cases and six eligible turns;
// coder h1 coded:
//   A:2 barrier.housing · A:4 service.shelter · A:6 barrier.housing
//   B:2 barrier.housing + barrier.money       · C:2 service.shelter
// (B:4 was left uncoded). Cases: A north wave 2, B south wave 1, C north wave 3.
import { describe, expect, it } from 'vitest';
import { runCooccur } from '../../src/study/cooccur.js';
import { runMatrix } from '../../src/study/matrix.js';
import { runQuotes } from '../../src/study/quotes.js';
import { runSaturation } from '../../src/study/saturation.js';
import { QcodeError } from '../../src/core/errors.js';

const F = 'test/fixtures/report';
const study = { config: `${F}/qcode.yaml` };
const h1 = { ...study, codings: `${F}/human.csv`, coder: 'h1' };

async function message(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(QcodeError);
    return (e as QcodeError).message;
  }
  throw new Error('expected an error');
}

describe('matrix: case × code from a known coding', () => {
  it('counts coded segments per case, a sub-code counting for its parent', async () => {
    const { report, coder } = await runMatrix(h1);
    expect(coder).toBe('h1');
    expect(report.cases).toEqual(['A', 'B', 'C']);
    expect(report.codes).toEqual(['barrier', 'barrier.housing', 'barrier.money', 'service', 'service.shelter', 'unused']);
    expect(report.values).toEqual([
      [2, 2, 0, 1, 1, 0], // A: A:2 and A:6 housing, A:4 shelter
      [1, 1, 1, 0, 0, 0], // B: one segment with housing and money is one barrier segment
      [0, 0, 0, 1, 1, 0], // C
    ]);
    expect(report.case_totals).toEqual([2, 2, 1, 2, 2, 0]);
    expect(report.attributes).toEqual({ A: { site: 'north', wave: 2 }, B: { site: 'south', wave: 1 }, C: { site: 'north', wave: 3 } });
  });

  it('--presence gives 0/1 and --level 1 keeps the top-level codes', async () => {
    const { report } = await runMatrix({ ...h1, presence: true, level: 1 });
    expect(report.codes).toEqual(['barrier', 'service', 'unused']);
    expect(report.measure).toBe('presence');
    expect(report.values).toEqual([[1, 1, 0], [1, 0, 0], [0, 1, 0]]);
  });

  it('--by collapses cases into groups: cases with the code / cases in the group', async () => {
    const { report } = await runMatrix({ ...h1, by: 'site', level: 1 });
    expect(report.by).toEqual({
      attribute: 'site',
      groups: [
        { value: 'north', cases: 2, values: [1, 2, 0] },
        { value: 'south', cases: 1, values: [1, 0, 0] },
      ],
    });
  });

  it('--by with an unknown attribute is an error with a guess', async () => {
    expect(await message(runMatrix({ ...h1, by: 'sites' }))).toBe('--by: no transcript has the attribute "sites" (did you mean "site"?)');
  });

  it('a fresh coding pass gives what the rules find', async () => {
    const { report, coder } = await runMatrix(study);
    expect(coder).toBe('auto');
    // A:2 money+deposit+rent, A:4 shelter, A:6 rent; B:2 rent; C:2 shelter+money.
    expect(report.values).toEqual([[2, 2, 1, 1, 1, 0], [1, 1, 0, 0, 0, 0], [1, 0, 1, 1, 1, 0]]);
  });

  it('--coder picks one coder of a multi-coder file; without it the run asks for one', async () => {
    const { report } = await runMatrix({ ...study, codings: `${F}/human.csv`, coder: 'h2', level: 2 });
    expect(report.values.map((r) => r[report.codes.indexOf('barrier.money')])).toEqual([1, 0, 0]);
    expect(await message(runMatrix({ ...study, codings: `${F}/human.csv` }))).toMatch(/holds 2 coders \(h1, h2\): choose one with --coder NAME/);
  });

  it('--level must be a whole number from 1', async () => {
    expect(await message(runMatrix({ ...h1, level: 0 }))).toMatch(/--level must be a whole number from 1/);
  });
});

describe('cooccur: code × code from a known coding', () => {
  it('counts segments carrying both codes; the diagonal is each code\'s segments; unused codes left out', async () => {
    const { report } = await runCooccur(h1);
    expect(report.codes).toEqual(['barrier', 'barrier.housing', 'barrier.money', 'service', 'service.shelter']);
    expect(report.units).toBe(6);
    expect(report.support).toEqual([3, 3, 1, 2, 2]);
    expect(report.matrix).toEqual([
      [3, 3, 1, 0, 0],
      [3, 3, 1, 0, 0],
      [1, 1, 1, 0, 0],
      [0, 0, 0, 2, 2],
      [0, 0, 0, 2, 2],
    ]);
    expect(report.notes).toContain('1 code with no coded segment left out (--all keeps them)');
  });

  it('by case, with Jaccard: shared cases over cases with either', async () => {
    const { report } = await runCooccur({ ...h1, per: 'case', measure: 'jaccard', level: 1 });
    // barrier {A,B}, service {A,C}: 1 shared of 3.
    expect(report.codes).toEqual(['barrier', 'service']);
    expect(report.units).toBe(3);
    expect(report.matrix).toEqual([[1, 1 / 3], [1 / 3, 1]]);
  });

  it('--all keeps a code with no support; its Jaccard with itself is null (0/0), noted', async () => {
    const { report } = await runCooccur({ ...h1, per: 'case', measure: 'jaccard', level: 1, all: true });
    expect(report.codes).toEqual(['barrier', 'service', 'unused']);
    expect(report.matrix[2]).toEqual([0, 0, null]);
    expect(report.notes).toContain('jaccard is null where neither code has support (0/0)');
  });

  it('--codes focuses on the codes named, in that order; a typo is named', async () => {
    const { report } = await runCooccur({ ...h1, codes: ['barrier.money', 'barrier.housing'] });
    expect(report.codes).toEqual(['barrier.money', 'barrier.housing']);
    expect(report.matrix).toEqual([[1, 1], [1, 3]]);
    expect(await message(runCooccur({ ...h1, codes: ['barrier.hosing'] }))).toBe('no code "barrier.hosing" in the codebook (did you mean "barrier.housing"?)');
  });
});

describe('saturation: first appearances in order', () => {
  it('input order: new codes per case, the running total, where 95% was reached', async () => {
    const { report } = await runSaturation(h1);
    expect(report.steps).toEqual([
      { transcript: 'A', new_codes: ['barrier', 'barrier.housing', 'service', 'service.shelter'], cumulative: 4 },
      { transcript: 'B', new_codes: ['barrier.money'], cumulative: 5 },
      { transcript: 'C', new_codes: [], cumulative: 5 },
    ]);
    expect(report.total_codes).toBe(5);
    expect(report.codebook_codes).toBe(6);
    expect(report.saturated_at).toBe('B'); // 4 of 5 is 80%, 5 of 5 is 100%
  });

  it('input order is the order the inputs were named', async () => {
    const inputs = ['C', 'A', 'B'].map((id) => `${F}/study/${id}.txt`);
    const { report } = await runSaturation({ ...h1, inputs });
    expect(report.steps.map((s) => [s.transcript, s.new_codes.length, s.cumulative])).toEqual([['C', 2, 2], ['A', 2, 4], ['B', 1, 5]]);
    expect(report.saturated_at).toBe('B');
  });

  it('--order ATTR orders the cases by that attribute, numbers as numbers', async () => {
    const { report } = await runSaturation({ ...h1, order: 'wave' });
    expect(report.steps.map((s) => [s.transcript, s.value, s.cumulative])).toEqual([['B', '1', 3], ['A', '2', 5], ['C', '3', 5]]);
    expect(report.saturated_at).toBe('A');
    expect(await message(runSaturation({ ...h1, order: 'wav' }))).toBe('--order: no transcript has the attribute "wav" (did you mean "wave"?)');
  });

  it('--level 1 counts only top-level codes', async () => {
    const { report } = await runSaturation({ ...h1, level: 1 });
    expect(report.steps.map((s) => s.new_codes)).toEqual([['barrier', 'service'], [], []]);
    expect(report.saturated_at).toBe('A');
  });
});

describe('quotes: every segment carrying the code, with its text and place', () => {
  it('lists the segments of a code and its sub-codes, case by case, with the question that prompted each', async () => {
    const r = await runQuotes({ ...h1, codes: ['barrier'] });
    expect(r.groups).toEqual([{ code: 'barrier', label: 'Barriers', total: 3, cases: 2, case_total: 3 }]);
    expect(r.quotes.map((q) => [q.segment, q.coded])).toEqual([
      ['A:2', ['barrier.housing']], ['A:6', ['barrier.housing']], ['B:2', ['barrier.housing', 'barrier.money']],
    ]);
    expect(r.quotes[2]!.text).toBe('Rent was impossible on what I made.');
    expect(r.quotes[1]!.question).toMatchObject({ segment: 'A:5', speaker: 'I', role: 'interviewer', text: 'And after the month?' });
    // Human codings carry no evidence spans: nothing is marked.
    expect(r.quotes.every((q) => q.evidence.length === 0 && q.excerpt.parts.every((p) => !p.mark))).toBe(true);
  });

  it('--spread takes one quote per case first; --limit caps them', async () => {
    const r = await runQuotes({ ...h1, codes: ['barrier'], spread: true, limit: 2 });
    expect(r.quotes.map((q) => q.segment)).toEqual(['A:2', 'B:2']);
    expect(r.groups[0]!.total).toBe(3);
  });

  it('--where keeps the cases with that attribute value', async () => {
    const r = await runQuotes({ ...h1, codes: ['barrier'], where: ['site=south'] });
    expect(r.quotes.map((q) => q.segment)).toEqual(['B:2']);
    expect(r.groups[0]).toMatchObject({ total: 1, cases: 1, case_total: 1 });
    expect(await message(runQuotes({ ...h1, codes: ['barrier'], where: ['site'] }))).toMatch(/--where takes ATTR=VALUE/);
  });

  it('--where with a value no case has is an error naming the values there are, not an empty list', async () => {
    const msg = await message(runQuotes({ ...h1, codes: ['barrier'], where: ['site=sout'] }));
    expect(msg).toMatch(/^--where: no transcript has site "sout" \(did you mean "south"\?\); its values: /);
    expect(msg).toContain('south');
  });

  it('--context N adds the turns before and after', async () => {
    const r = await runQuotes({ ...h1, codes: ['service.shelter'], context: 1 });
    expect(r.quotes[0]!.context).toMatchObject({ before: [{ segment: 'A:3', text: 'Who helped?' }], after: [{ segment: 'A:5', text: 'And after the month?' }] });
    expect(r.quotes[1]!.context).toMatchObject({ before: [{ segment: 'C:1' }], after: [] });
  });

  it('a fresh pass marks the evidence as code-point spans of the document text', async () => {
    const r = await runQuotes({ ...study, codes: ['barrier.housing'], limit: 1 });
    const q = r.quotes[0]!;
    expect(q.segment).toBe('A:2');
    expect(q.evidence.map((e) => e.text)).toEqual(['deposit', 'rent']);
    for (const e of q.evidence) expect(Array.from(q.text).slice(e.start - q.start, e.end - q.start).join('')).toBe(e.text);
    expect(q.excerpt.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['deposit', 'rent']);
  });

  it('--level N without a code quotes every code down to that depth; the words are then inputs', async () => {
    const r = await runQuotes({ ...h1, codes: [`${F}/study`], level: 1, limit: 1 });
    expect(r.groups.map((g) => [g.code, g.total])).toEqual([['barrier', 3], ['service', 2], ['unused', 0]]);
    expect(r.quotes.map((q) => q.segment)).toEqual(['A:2', 'A:4']);
  });

  it('leading words are codes, the rest inputs; an unknown first code gets a guess', async () => {
    const r = await runQuotes({ ...study, codes: ['barrier.money', `${F}/study/A.txt`, `${F}/study/C.txt`] });
    expect(r.quotes.map((q) => q.segment)).toEqual(['A:2', 'C:2']);
    expect(await message(runQuotes({ ...study, codes: ['barier'] }))).toBe('no code "barier" in the codebook (did you mean "barrier"?)');
  });
});
