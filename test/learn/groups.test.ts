// Word groups: words put together by their vectors, carried by the model file, read as
// features — so a model hears words in a group that no hand coding used.
import { describe, expect, it } from 'vitest';
import { groupsFromFile, groupsToFile, groupWords, isGroupable } from '../../src/core/learn/groups.js';
import { featuresOf } from '../../src/core/learn/features.js';
import { parseModel } from '../../src/core/learn/model.js';
import { scoreText, scoringModel } from '../../src/core/learn/apply.js';
import { loadStemmer } from '../../src/core/codebook/stem.js';
import { runLearn } from '../../src/study/learn.js';

const v = (...xs: number[]): Float32Array => Float32Array.from(xs);

describe('groupWords', () => {
  const words = ['rent', 'money', 'landlord', 'cash', 'lease', 'wages'];
  const vectors = [v(1, 0.1, 0), v(0, 1, 0.1), v(0.9, 0, 0.2), v(0.1, 0.9, 0), v(1, 0.2, 0.1), v(0.2, 1, 0)];

  it('puts words whose vectors point the same way in one group, named by its commonest words', () => {
    const g = groupWords(words, vectors, { groups: 2, rounds: 10 });
    expect(g.names).toEqual(['money/cash/wages', 'rent/landlord/lease']);
    expect(groupsToFile(g)).toEqual({ 'money/cash/wages': 'money cash wages', 'rent/landlord/lease': 'rent landlord lease' });
  });

  it('gives the same groups from the same vectors, and back from its file', () => {
    const g = groupWords(words, vectors, { groups: 2, rounds: 10 });
    const back = groupsFromFile(groupsToFile(g));
    expect(back.names).toEqual(g.names);
    expect([...back.groupOf]).toEqual([...g.groupOf].sort((a, b) => a[1] - b[1]));
    expect(groupWords(words, vectors, { groups: 2, rounds: 10 })).toEqual(g);
  });

  it('groups words of letters only, not numbers or punctuation', () => {
    expect(['rent', "didn't", 'x', '1990', 'u.s.', '-'].map(isGroupable)).toEqual([true, true, false, false, false, false]);
  });
});

describe('a model learned with word groups', () => {
  const groups = groupsFromFile({
    'rent/landlord/apartment': 'rent landlord apartment lease flat bedsit tenancy evicted eviction',
    'money/cash/broke': 'money cash broke skint wages savings',
  });

  it('reads a word’s group as a feature, once per text, and none for stop words', async () => {
    const stem = await loadStemmer('en');
    expect(featuresOf('The bedsit and the flat, no money', null, stem, groups).filter((f) => f.startsWith('g:'))).toEqual(['g:money/cash/broke', 'g:rent/landlord/apartment']);
    expect(featuresOf('The bedsit', null, stem).some((f) => f.startsWith('g:'))).toBe(false);
  });

  it('carries its groups in the file, and hears a word of a group that no coding used', async () => {
    const withGroups = await runLearn({ codebook: 'codebooks/exit-barriers.yaml', codings: ['fixtures/codings/survivors-gold.csv'], inputs: ['fixtures/survivors'], folds: 0, wordGroups: groups });
    const without = await runLearn({ codebook: 'codebooks/exit-barriers.yaml', codings: ['fixtures/codings/survivors-gold.csv'], inputs: ['fixtures/survivors'], folds: 0 });
    const model = parseModel(withGroups.modelText, 'm.json');
    expect(model.groups).toEqual(groupsToFile(groups));
    expect(without.model.groups).toBeUndefined();
    const housing = model.codes['barrier.housing']!;
    expect(housing.weights['g:rent/landlord/apartment']).toBeGreaterThan(0);
    const stem = await loadStemmer('en');
    const text = 'The bedsit fell through and I had nowhere.';
    const p = (m: typeof model): number => scoreText(scoringModel(m, stem), text, null).get('barrier.housing')!.probability;
    expect(p(model)).toBeGreaterThan(p(without.model));
  });

  it('refuses a model file whose groups are not words', () => {
    expect(() => parseModel(JSON.stringify({ format: 'qcode-model/1', codes: {}, groups: { a: 3 } }), 'm.json')).toThrow(/"groups" must map each group's name to its words/);
  });
});
