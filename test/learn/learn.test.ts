// `learn` on the shipped study: the model file is the same bytes for the same inputs, its
// features read as words, and the cross-validated figures say what it buys.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseModel, type LearnedModel } from '../../src/core/learn/model.js';
import { learnCodesTable, learnCsv, learnSummaryTable, learnTables } from '../../src/render/learn.js';
import { runLearn, type LearnResult } from '../../src/study/learn.js';

const BOOK = 'codebooks/exit-barriers.yaml';
const GOLD = 'fixtures/codings/survivors-gold.csv';
const STUDY = 'fixtures/survivors';
const dir = mkdtempSync(join(tmpdir(), 'qcode-learn-'));
const MODEL = join(dir, 'study.model.json');

let learned: LearnResult;
beforeAll(async () => {
  learned = await runLearn({ codebook: BOOK, codings: [GOLD], inputs: [STUDY], folds: 2, top: 40 });
  writeFileSync(MODEL, learned.modelText);
});


describe('learn', () => {
  it('writes the same model bytes for the same inputs, keys sorted, no more weights than --top', async () => {
    const again = await runLearn({ codebook: BOOK, codings: [GOLD], inputs: [STUDY], folds: 0, top: 40 });
    expect(again.modelText).toBe(learned.modelText);
    const model = parseModel(learned.modelText, MODEL);
    expect(Object.keys(model.codes)).toEqual([...Object.keys(model.codes)].sort());
    expect(Object.keys(model.codes).length).toBeGreaterThan(20);
    for (const c of Object.values(model.codes)) {
      expect(Object.keys(c.weights).length).toBeLessThanOrEqual(40);
      expect(c.threshold).toBeGreaterThan(0);
      expect(c.threshold).toBeLessThan(1);
    }
    expect(learned.modelText).not.toMatch(/\d\.\d{5,}/);
  });

  it('reads its features back as words: stems, stem pairs and the question', () => {
    const model = JSON.parse(learned.modelText) as LearnedModel;
    const housing = Object.keys(model.codes['barrier.housing']!.weights);
    expect(housing.some((f) => f.startsWith('w:'))).toBe(true);
    expect(Object.values(model.codes).some((c) => Object.keys(c.weights).some((f) => f.startsWith('b:')))).toBe(true);
    expect(Object.values(model.codes).some((c) => Object.keys(c.weights).some((f) => f.startsWith('q:')))).toBe(true);
  });

  it('reports cross-validated κ, precision and recall per code for rules, model and merge', () => {
    const e = learned.evaluation;
    expect(e.folds).toBe(2);
    expect(e.transcripts).toBe(7);
    const housing = e.codes.find((c) => c.code === 'barrier.housing')!;
    expect(housing.human).toBeGreaterThan(0);
    expect(housing.rules.kappa).toBeGreaterThan(0.5);
    expect(e.summary.rules.meanKappa).toBeGreaterThan(0.5);
    expect(e.summary.model.meanKappa).not.toBe(e.summary.rules.meanKappa);
    // union never has fewer true positives than the rules alone
    expect(e.summary.union.recall!).toBeGreaterThanOrEqual(e.summary.rules.recall!);
  });

  it('renders the figures as a summary, a per-code table and one CSV row per leaf code', () => {
    const e = learned.evaluation;
    const summary = learnSummaryTable(e, 'Study');
    expect(summary.title).toMatch(/^Study — 2-fold cross-validation by transcript, 7 transcripts, \d+ segments$/);
    expect(summary.rows.map((r) => r[0])).toEqual(['rules alone', 'model alone', 'merge union', 'merge vote']);
    expect(summary.rows[0]![1]).toBe(e.summary.rules.meanKappa!.toFixed(3));
    expect(learnCodesTable(e).rows).toHaveLength(e.codes.length);
    const [header, ...rows] = learnCsv(e).trim().split('\n');
    expect(header).toBe('code,human,rules_kappa,rules_precision,rules_recall,model_kappa,model_precision,model_recall,merge_kappa,merge_precision,merge_recall');
    expect(rows).toHaveLength(e.codes.length);
    expect(rows[0]!.startsWith(`${e.codes[0]!.code},${e.codes[0]!.human},`)).toBe(true);
  });

  it('with one coded transcript says nothing was cross-validated instead of printing a table of dashes', () => {
    const one = { ...learned.evaluation, folds: 0, transcripts: 1 };
    const tables = learnTables(one, 'Study');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.title).toBe('Study — not cross-validated: 1 coded transcript, and at least 2 are needed to hold one out');
    expect(tables[0]!.rows).toEqual([]);
    expect(learnTables(learned.evaluation, 'Study')).toHaveLength(2);
  });

  it('warns about a code the codebook does not have, naming its row, and learns from the rest', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${readFileSync(GOLD, 'utf8').trimEnd()}\nP01,P01:4,P01,barrier.housnig,gold\n`);
    const r = await runLearn({ codebook: BOOK, codings: [bad], inputs: [STUDY], folds: 0, top: 40 });
    const w = r.warnings.find((x) => x.message.includes('barrier.housnig'));
    expect(w?.message).toMatch(/not in the codebook/);
    expect(w?.file).toBe(bad);
    expect(r.modelText).toBe(learned.modelText);
  });

  it('sets its thresholds on folds of whole codings files when asked, and on transcripts when there is one file', async () => {
    const sets = [[GOLD, STUDY], ['eval/dev/gold-codings.csv', 'eval/dev'], ['eval/dev2/gold-codings.csv', 'eval/dev2']];
    const three = { codebook: BOOK, codings: sets.map(([gold]) => gold!), inputs: sets.map(([, folder]) => folder!), folds: 0, top: 40 };
    const thresholds = (r: LearnResult): string[] => Object.entries(parseModel(r.modelText, MODEL).codes).map(([code, c]) => `${code} ${c.threshold}`);
    const byTranscript = await runLearn(three);
    const byBatch = await runLearn({ ...three, calibrateBy: 'batch' });
    // The same weights (the fit does not change), other thresholds for some codes.
    expect(Object.values(parseModel(byBatch.modelText, MODEL).codes).map((c) => c.weights)).toEqual(
      Object.values(parseModel(byTranscript.modelText, MODEL).codes).map((c) => c.weights),
    );
    expect(thresholds(byBatch)).not.toEqual(thresholds(byTranscript));
    // One codings file is one batch: too few to make folds of, so transcripts it is.
    const one = await runLearn({ codebook: BOOK, codings: [GOLD], inputs: [STUDY], folds: 0, top: 40, calibrateBy: 'batch' });
    expect(one.modelText).toBe(learned.modelText);
  });
});
