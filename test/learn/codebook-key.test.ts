// A codebook may name its learned model: `model: FILE`, relative to the codebook.
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { exportCodebook } from '../../src/core/refi/codebook.js';
import { diffCodebooks } from '../../src/core/check/diff.js';
import { QcodeError } from '../../src/core/errors.js';

const BOOK = 'name: t\ncodes:\n  - id: a\n    label: A\n';

function errorsOf(text: string): string[] {
  try {
    parseCodebook(text, 'cb.yaml');
    return [];
  } catch (e) {
    return (e as QcodeError).all().map((x) => `${x.place.line}:${x.place.col}: ${x.message}`);
  }
}

describe('codebook model key', () => {
  it('is read as written, and a codebook without one has none', () => {
    expect(parseCodebook(`model: team.model.json\n${BOOK}`, 'cb.yaml').model).toBe('team.model.json');
    expect(parseCodebook(BOOK, 'cb.yaml').model).toBeUndefined();
  });

  it('merge: one of the policies, and only beside a model', () => {
    expect(parseCodebook(`model: m.json\nmerge: vote\n${BOOK}`, 'cb.yaml').merge).toBe('vote');
    expect(errorsOf(`model: m.json\nmerge: majority\n${BOOK}`)).toEqual(['2:8: merge must be rules, model, union, vote, not "majority"']);
    expect(errorsOf(`merge: vote\n${BOOK}`)[0]).toMatch(/^1:8: `merge` says how a model combines with the rules: name the model too/);
  });

  it('must be text, and a misspelling gets a guess', () => {
    expect(errorsOf(`model: [a, b]\n${BOOK}`)).toEqual(['1:8: `model` must be text']);
    expect(errorsOf(`modle: m.json\n${BOOK}`)[0]).toMatch(/unknown codebook key "modle" \(did you mean "model"\?\)/);
  });

  it('a REFI-QDA export says it is left behind; codebook diff reports a changed model', () => {
    const book = parseCodebook(`model: team.model.json\n${BOOK}`, 'cb.yaml');
    expect(exportCodebook(book, 'qcode').warnings[0]!.message).toMatch(/settings \(model\)/);
    expect(diffCodebooks(parseCodebook(BOOK, 'a.yaml'), book).book).toEqual(['model']);
  });
});
