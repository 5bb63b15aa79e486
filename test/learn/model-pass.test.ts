// The model step of the coding pass (`code --model`, a codebook's `model:`): the model's
// codings come as coder `model` with a probability and the features behind it, and the
// merge policies do what they say.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../src/core/learn/apply.js';
import { parseModel } from '../../src/core/learn/model.js';
import { runAgree } from '../../src/study/agree.js';
import { runCheck } from '../../src/study/check.js';
import { runCode } from '../../src/study/code.js';
import { copyStudy, withoutModel } from '../check/study.js';
import { runExportQdpx } from '../../src/study/export.js';
import { runSheet } from '../../src/study/sheet.js';
import { runLearn, type LearnResult } from '../../src/study/learn.js';
import type { MergePolicy } from '../../src/core/codebook/model.js';
import type { Coding } from '../../src/core/types.js';

const GOLD = 'fixtures/codings/survivors-gold.csv';
const STUDY = 'fixtures/survivors';
const dir = mkdtempSync(join(tmpdir(), 'qcode-model-pass-'));
/** The starter codebook without the model it ships with: the rules alone, to give models to. */
const BOOK = join(dir, 'rules-only.yaml');
writeFileSync(BOOK, withoutModel(readFileSync('codebooks/exit-barriers.yaml', 'utf8')));
const MODEL = join(dir, 'study.model.json');
/** Three of the seven: enough for every policy to show, quick to code five ways. */
const CODED = ['P01', 'P02', 'P03'].map((id) => `${STUDY}/${id}.txt`);

let learned: LearnResult;
beforeAll(async () => {
  learned = await runLearn({ codebook: BOOK, codings: [GOLD], inputs: [STUDY], folds: 0, top: 40 });
  writeFileSync(MODEL, learned.modelText);
});

type Extra = { model?: string; merge?: MergePolicy; jobs?: number };
const runs = new Map<string, ReturnType<typeof runCode>>();
/** Each run once: several tests look at the same policy's codings. */
const code = (extra: Extra): ReturnType<typeof runCode> => {
  const id = JSON.stringify(extra);
  if (!runs.has(id)) runs.set(id, runCode({ codebook: BOOK, inputs: CODED, jobs: 1, ...extra }));
  return runs.get(id)!;
};
const key = (c: Coding): string => `${c.segment} ${c.code}`;

describe('code --model', () => {
  it('union adds the model\'s codings as coder model, each with a probability and the features behind it', async () => {
    const rules = await code({});
    const union = await code({ model: MODEL, merge: 'union' });
    const added = union.codings.filter((c) => c.coder === 'model');
    expect(added.length).toBeGreaterThan(0);
    for (const c of added) {
      expect(c.probability).toBeGreaterThanOrEqual(0);
      expect(c.probability).toBeLessThanOrEqual(1);
      expect(c.features!.length).toBeGreaterThan(0);
      expect(c.evidence).toEqual([]);
    }
    // every rules coding stays, now with the model's opinion of it
    const ruled = new Set(rules.codings.map(key));
    expect(union.codings.filter((c) => c.coder === 'auto').map(key)).toEqual(rules.codings.map(key));
    expect(added.every((c) => !ruled.has(key(c)))).toBe(true);
    expect(union.reads).toContain(MODEL);
  });

  it('rules keeps exactly the rules\' codings; model keeps only codes at or above their threshold; vote sits between', async () => {
    const model = parseModel(learned.modelText, MODEL);
    const rules = (await code({})).codings.map(key);
    const byRules = await code({ model: MODEL, merge: 'rules' });
    expect(byRules.codings.map(key)).toEqual(rules);
    expect(byRules.codings.every((c) => c.coder === 'auto' && c.probability !== undefined)).toBe(true);
    const byModel = await code({ model: MODEL, merge: 'model' });
    expect(byModel.codings.every((c) => c.probability! >= model.codes[c.code]!.threshold)).toBe(true);
    expect(byModel.codings.map(key)).not.toEqual(rules);
    const vote = (await code({ model: MODEL, merge: 'vote' })).codings.map(key);
    const union = (await code({ model: MODEL, merge: 'union' })).codings.map(key);
    expect(rules.every((k) => vote.includes(k))).toBe(true);
    expect(vote.every((k) => union.includes(k))).toBe(true);
  });

  it('the policies decide as documented', () => {
    const t = { threshold: 0.4, confident: 0.8 };
    const said = (probability: number) => ({ probability, features: ['w:leav'] });
    const table = (p: number, ruled: boolean) => (['rules', 'model', 'union', 'vote'] as const).map((m) => decide(m, ruled, said(p), t));
    expect(table(0.1, true)).toEqual([true, false, true, true]);
    expect(table(0.5, false)).toEqual([false, true, true, false]);
    expect(table(0.9, false)).toEqual([false, true, true, true]);
    expect(decide('vote', false, said(0.99), { threshold: 0.4 })).toBe(false);
    // a probability from the code's bias alone, with no feature of the segment behind it, says nothing
    const unfounded = { probability: 0.9, features: [] };
    expect((['model', 'union', 'vote'] as const).map((m) => decide(m, false, unfounded, t))).toEqual([false, false, false]);
    expect(decide('vote', true, unfounded, t)).toBe(true);
    expect(decide('union', true, undefined, undefined)).toBe(true);
    expect(decide('model', true, undefined, undefined)).toBe(false);
  });

  it('a codebook that names its model codes with it by default, the path relative to the codebook', async () => {
    const book = join(dir, 'named.yaml');
    writeFileSync(book, readFileSync(BOOK, 'utf8').replace(/^codes:/m, 'model: study.model.json\ncodes:'));
    const named = await runCode({ codebook: book, inputs: CODED, jobs: 1, merge: 'union' });
    const given = await code({ model: MODEL, merge: 'union' });
    expect(named.codings.map(key)).toEqual(given.codings.map(key));
    expect(named.codings.some((c) => c.coder === 'model')).toBe(true);
  });

  it('a codebook may give its merge policy too; --merge still wins, and a prefilled sheet and the export use it', async () => {
    const book = join(dir, 'merged.yaml');
    writeFileSync(book, readFileSync(BOOK, 'utf8').replace(/^codes:/m, 'model: study.model.json\nmerge: union\ncodes:'));
    const byBook = await runCode({ codebook: book, inputs: CODED, jobs: 1 });
    expect(byBook.codings.map(key)).toEqual((await code({ model: MODEL, merge: 'union' })).codings.map(key));
    const asked = await runCode({ codebook: book, inputs: CODED, jobs: 1, merge: 'rules' });
    expect(asked.codings.map(key)).toEqual((await code({})).codings.map(key));
    // The sheet's prefilled codes are the team's default coding, the model's included.
    const fromModel = byBook.codings.filter((c) => c.coder === 'model');
    expect(fromModel.length).toBeGreaterThan(0);
    const sheet = await runSheet({ codebook: book, inputs: CODED, prefill: true });
    const prefilled = new Set(sheet.model.rows.flatMap((r) => r.prefilled.map((c) => `${r.segment} ${c}`)));
    for (const c of fromModel) expect(prefilled.has(key(c)), key(c)).toBe(true);
    const exported = await runExportQdpx({ codebook: book, inputs: CODED });
    expect(exported.coders).toContain('model');
  });

  it('check compares the merged coding with the gold coder, as agree --auto does', async () => {
    const study = copyStudy();
    writeFileSync(join(study, 'codebooks/exit-barriers.model.json'), learned.modelText);
    const bookFile = join(study, 'codebooks/exit-barriers.yaml');
    writeFileSync(bookFile, withoutModel(readFileSync(bookFile, 'utf8')).replace(/^codes:/m, 'model: exit-barriers.model.json\nmerge: union\ncodes:'));
    const config = join(study, 'qcode.yaml');
    const { report } = await runCheck({ config });
    const agree = await runAgree({ config, inputs: [join(study, GOLD)], auto: true, bootstrap: 0 });
    const byAgree = new Map(agree.report.codes.map((c) => [c.code, c.cohen_kappa]));
    const rows = report.agreement!.codes;
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      if (row.kappa === null) expect(byAgree.get(row.code) ?? null, row.code).toBeNull();
      else expect(row.kappa, row.code).toBeCloseTo(byAgree.get(row.code)!, 10);
    }
  });

  it('with a model, --jobs 4 gives the same codings as one thread (each thread scores with its own copy)', async () => {
    const one = await code({ model: MODEL, merge: 'union' });
    const four = await code({ model: MODEL, merge: 'union', jobs: 4 });
    expect(four.codings).toEqual(one.codings);
  });

  it('the shipped codebook codes with its model by default, and with the rules alone under model: false (--no-model)', async () => {
    const shipped = await runCode({ codebook: 'codebooks/exit-barriers.yaml', inputs: CODED, jobs: 1 });
    expect(shipped.codings.every((c) => c.probability !== undefined)).toBe(true);
    const alone = await runCode({ codebook: 'codebooks/exit-barriers.yaml', inputs: CODED, jobs: 1, model: false });
    expect(alone.codings.map(key)).toEqual((await code({})).codings.map(key));
    expect(alone.codings.some((c) => c.probability !== undefined)).toBe(false);
  });

  it('warns when the model learned from another unit than the one coded', async () => {
    expect(parseModel(learned.modelText, MODEL).unit).toBe('turn');
    const bySentence = await runCode({ codebook: BOOK, inputs: CODED.slice(0, 1), jobs: 1, unit: 'sentence', model: MODEL });
    expect(bySentence.warnings.map((w) => w.message)).toContain('this model learned from turn segments; coding sentence segments with it, its probabilities are less sure than learn reported');
    expect((await code({ model: MODEL })).warnings.some((w) => w.message.includes('learned from'))).toBe(false);
  });

  it('with saved codings the model is not used, and the run says so', async () => {
    const saved = await runCode({ codebook: BOOK, inputs: CODED, jobs: 1, codings: GOLD, model: MODEL });
    expect(saved.codings.every((c) => c.coder === 'gold' && c.probability === undefined)).toBe(true);
    expect(saved.warnings.some((w) => w.file === MODEL && /not used/.test(w.message))).toBe(true);
  });

  it('refuses a file that is not a model, and --merge without a model', async () => {
    await expect(code({ model: GOLD.replace('.csv', '.json') })).rejects.toThrow(/no such file/);
    const notModel = join(dir, 'not.json');
    writeFileSync(notModel, '{"codes": {}}');
    await expect(code({ model: notModel })).rejects.toThrow(/not a qcode model/);
    await expect(code({ merge: 'union' })).rejects.toThrow(/needs a model/);
  });
});
