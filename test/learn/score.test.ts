// Scoring a segment without spelling its features: the model's opinion of every text must
// be exactly what the feature list gives (the same probabilities, to the last digit, and
// the same features named), since a coding's bytes depend on it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreFeatures, scoreText, scoringModel } from '../../src/core/learn/apply.js';
import { featuresOf } from '../../src/core/learn/features.js';
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
    const extra: Array<[string, string | null]> = [['Six.', 'How many times did you leave?'], ['', null], ['no no no no', 'no?'], ['[crosstalk]', null]];
    let named = 0;
    for (const [text, question] of [...lines, ...extra]) {
      const fast = scoreText(m, text, question);
      expect(fast).toEqual(scoreFeatures(m, featuresOf(text, question, stem)));
      for (const o of fast.values()) named += o.features.length;
    }
    expect(lines.length).toBeGreaterThan(1500);
    expect(named).toBeGreaterThan(1000);
  });
});
