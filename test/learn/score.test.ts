// Scoring a segment without spelling its features: the model's opinion of every text must
// be exactly what the feature list gives (the same probabilities, to the last digit, and
// the same features named), since a coding's bytes depend on it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreFeatures, scoreText, scoringModel } from '../../src/core/learn/apply.js';
import { distinctPairs, PairCounter, pairSlot } from '../../src/core/learn/pair-counter.js';
import { featuresOf } from '../../src/core/learn/features.js';
import { groupsFromFile } from '../../src/core/learn/groups.js';
import { loadStemmer } from '../../src/core/codebook/stem.js';
import { runLearn } from '../../src/study/learn.js';

/** Participant and interviewer lines of the hand-coded sets, each with the line before it as its question. */
function linesWithQuestions(): Array<[string, string | null]> {
  const out: Array<[string, string | null]> = [];
  for (const folder of ['fixtures/survivors', ...readdirSync('eval').filter((d) => d.startsWith('dev')).map((d) => `eval/${d}`)]) {
    for (const f of readdirSync(folder).filter((x) => x.endsWith('.txt'))) {
      let previous: string | null = null;
      for (const line of readFileSync(join(folder, f), 'utf8').split('\n')) {
        const m = /^[^:]{1,40}: (.*)$/.exec(line);
        if (!m) continue;
        out.push([m[1]!, previous]);
        previous = m[1]!;
      }
    }
  }
  return out;
}

describe('scoreText', () => {
  it('gives what the sorted feature list gives, on every line of every hand-coded set', async () => {
    const learned = await runLearn({ codebook: 'codebooks/exit-barriers.yaml', codings: ['fixtures/codings/survivors-gold.csv'], inputs: ['fixtures/survivors'], folds: 0, top: 400 });
    const stem = await loadStemmer('en');
    const m = scoringModel(learned.model, stem);
    const lines = linesWithQuestions();
    const extra: Array<[string, string | null]> = [['Six.', 'How many times did you leave?'], ['', null], ['no no no no', 'no?'], ['[crosstalk]', null], [`no money ${'x'.repeat(80)} no money ${'x'.repeat(80)} at all`, `was ${'y'.repeat(90)} money a problem`]];
    let named = 0;
    for (const [text, question] of [...lines, ...extra]) {
      const fast = scoreText(m, text, question);
      expect(fast).toEqual(scoreFeatures(m, featuresOf(text, question, stem)));
      for (const o of fast.values()) named += o.features.length;
    }
    expect(lines.length).toBeGreaterThan(1500);
    expect(named).toBeGreaterThan(1000);
  });

  it('gives what the feature list gives with word groups too (a group counted once per text, stems shared across groups)', async () => {
    // "flat" and "flats" share a stem but sit in different groups here: each counts.
    const wordGroups = groupsFromFile({ 'rent/landlord/flat': 'rent landlord flat lease bedsit', 'money/cash/flats': 'money cash flats broke', 'scared/afraid': 'scared afraid frightened' });
    const learned = await runLearn({ codebook: 'codebooks/exit-barriers.yaml', codings: ['fixtures/codings/survivors-gold.csv'], inputs: ['fixtures/survivors'], folds: 0, top: 400, wordGroups });
    const stem = await loadStemmer('en');
    const m = scoringModel(learned.model, stem);
    const extra: Array<[string, string | null]> = [['the flat and the flats, rent rent, cash', null], ['I was scared, so scared and afraid', 'Were you afraid?']];
    for (const [text, question] of [...linesWithQuestions(), ...extra]) {
      expect(scoreText(m, text, question)).toEqual(scoreFeatures(m, featuresOf(text, question, stem, wordGroups)));
    }
    expect(Object.values(learned.model.codes).some((c) => Object.keys(c.weights).some((f) => f.startsWith('g:')))).toBe(true);
  });
});

describe('counting a text’s distinct pairs', () => {
  it('tells a new pair from one met before in the same text, and forgets pairs between texts', () => {
    const pairs = new PairCounter();
    pairs.start(3);
    expect([pairs.add(1, 2), pairs.add(2, 1), pairs.add(1, 2)]).toEqual([true, true, false]);
    expect(pairs.added).toBe(2);
    pairs.start(1);
    expect(pairs.add(1, 2)).toBe(true);
  });
  it('gives up (null) on pairs built to pile into one run of slots, instead of walking it', () => {
    const pairs = new PairCounter();
    pairs.start(400);
    const mask = 1023;
    const slot = (b: number): number => pairSlot(0, b, mask);
    const colliding: number[] = [];
    for (let b = 0; colliding.length < 100; b++) if (slot(b) === slot(0)) colliding.push(b);
    const answers = colliding.map((b) => pairs.add(0, b));
    expect(answers.slice(0, 64).every((a) => a === true)).toBe(true);
    expect(answers[64]).toBeNull();
  });
  it('counts by sorting, for a text the counter gave up on, what the counter would count', () => {
    const numbers = [1, 2, 1, 2, 3, 1, 2, 2, 2];
    const pairs = new PairCounter();
    pairs.start(numbers.length);
    for (let i = 1; i < numbers.length; i++) pairs.add(numbers[i - 1]!, numbers[i]!);
    expect(distinctPairs(numbers)).toBe(pairs.added);
    expect(distinctPairs(numbers)).toBe(5);
    expect([distinctPairs([]), distinctPairs([7]), distinctPairs([7, 7])]).toEqual([0, 0, 1]);
  });
});
