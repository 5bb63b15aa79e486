import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { errorsOf } from './helpers.js';

const code = (body: string): string => `codes:\n  - id: c\n    label: C\n${body}`;

describe('codebook validation: every mistake with its line and column', () => {
  it('a missing id or label', () => {
    expect(errorsOf('codes:\n  - label: Money\n')).toEqual(['2:5: a code has no id']);
    expect(errorsOf('codes:\n  - id: money\n')).toEqual(['2:5: code "money" has no label']);
  });
  it('duplicate sibling ids, but not the same id under different parents', () => {
    expect(errorsOf('codes:\n  - id: a\n    label: A\n  - id: a\n    label: A2\n'))
      .toEqual(['4:5: duplicate code id "a" (first defined at line 2)']);
    expect(errorsOf('codes:\n  - id: a\n    label: A\n    children: [{id: x, label: X}]\n  - id: b\n    label: B\n    children: [{id: x, label: X}]\n')).toEqual([]);
  });
  it('malformed ids', () => {
    expect(errorsOf('codes:\n  - id: Housing Barrier\n    label: H\n'))
      .toEqual(['2:9: code id "Housing Barrier" must be lower-case letters, digits, _ or -, starting with a letter']);
    expect(errorsOf('codes:\n  - id: 1st\n    label: H\n')).toHaveLength(1);
  });
  it('unknown keys, with a guess for a typo', () => {
    expect(errorsOf(code('    mach: {any: [rent]}\n'))).toEqual(['4:5: unknown code key "mach" (did you mean "match"?)']);
    expect(errorsOf(code('    match: {anny: [rent]}\n'))).toEqual([
      '4:13: unknown rule key "anny" (did you mean "any"?)',
      '4:12: a rule of "c" is empty; give it any, all, near or regex',
    ]);
    expect(errorsOf(code('    match: {any: [rent], whithin: 3}\n'))).toEqual(['4:26: unknown rule key "whithin" (did you mean "within"?)']);
    expect(errorsOf('nmae: x\ncodes: []\n')).toEqual(['1:1: unknown codebook key "nmae" (did you mean "name"?)']);
  });
  it('an invalid regex, and RE2 features that are not there', () => {
    expect(errorsOf(code('    match: {regex: ["[abc"]}\n'))).toEqual(['4:21: invalid regex /[abc/: missing closing ]: `[abc`']);
    const [msg] = errorsOf(code('    match: {regex: ["(?<=no )car"]}\n'));
    expect(msg).toContain('RE2 has no lookaround or backreferences');
  });
  it('a rule of only `not`', () => {
    expect(errorsOf(code('    match: {not: [rent]}\n')))
      .toEqual(['4:12: a rule of "c" has only `not`: it would code every segment without those terms; give it any, all, near or regex']);
  });
  it('empty terms and empty lists', () => {
    expect(errorsOf(code('    match: {any: ["--", rent]}\n'))).toEqual(['4:19: empty term in `any`: "--" has no letters or digits']);
    expect(errorsOf(code('    match: {any: []}\n'))).toEqual(['4:18: `any` has no terms']);
  });
  it('a bad `within` or a malformed `near`', () => {
    expect(errorsOf(code('    match: {near: [[a], [b]], within: 0}\n'))).toEqual(['4:39: `within` must be a whole number of tokens from 1 to 1000']);
    expect(errorsOf(code('    match: {near: [[a], [b]], within: two}\n'))).toHaveLength(1);
    expect(errorsOf(code('    match: {near: [a, b]}\n'))).toEqual(['4:19: `near` must be two lists of terms: near: [[a, b], [c, d]]']);
    expect(errorsOf(code('    match: {any: [a], within: 3}\n'))).toEqual(['4:31: `within` only makes sense with `near`']);
  });
  it('bad colours', () => {
    expect(errorsOf(code('    color: red\n'))).toEqual(['4:12: color "red" must be #rrggbb']);
    expect(errorsOf(code('    color: "#d62728"\n'))).toEqual([]);
  });
  it('YAML syntax errors', () => {
    const [msg] = errorsOf('codes:\n  - id: a\n    label: "unclosed\n');
    expect(msg).toMatch(/^\d+:\d+: syntax error: /);
  });
  it('an unknown unit or language', () => {
    expect(errorsOf('unit: page\ncodes: []\n')).toEqual(['1:7: unit must be turn, paragraph or sentence, not "page"']);
    expect(errorsOf('language: xx\ncodes: []\n')[0]).toMatch(/^1:11: language "xx" has no stemmer; use one of en, de/);
  });
  it('wrong types and shapes', () => {
    expect(errorsOf('codes:\n  - id: a\n    label: [x, y]\n')).toEqual(['3:12: `label` must be text', '2:5: code "a" has no label']);
    expect(errorsOf('codes: {id: a}\n')).toEqual(['1:8: codes must be a list of codes']);
    expect(errorsOf('codes:\n  - just a string\n')).toEqual(['2:5: a code must be a mapping with at least `id` and `label`']);
    expect(errorsOf(code('    children: {id: x}\n'))).toEqual(['4:15: children of c must be a list of codes']);
    expect(errorsOf(code('    match: [rent]\n'))).toEqual(['4:13: a rule of "c" must be a mapping of any/all/near/regex/not']);
    expect(errorsOf(code('    match: {any: [{a: 1}]}\n'))).toEqual(['4:19: a term in `any` must be a word or phrase']);
    expect(errorsOf(code('    examples: [{a: 1}]\n'))).toEqual(['4:16: each entry of `examples` must be text']);
    expect(errorsOf('- a\n- b\n')).toEqual(['1:1: a codebook must be a mapping with a `codes:` list']);
    expect(errorsOf('name: x\n')).toEqual(['1:1: the codebook has no `codes:` list']);
  });
  it('reports every mistake in one run', () => {
    expect(errorsOf('codes:\n  - id: A\n    label: x\n  - label: y\n    color: blue\n')).toHaveLength(3);
  });
});

describe('codebook parsing', () => {
  it('builds dotted ids, depths and parents, and keeps every code key', () => {
    const book = parseCodebook(`name: Exit
version: 1.2.0
unit: paragraph
speakers: all
codes:
  - id: barrier
    label: Barriers
    children:
      - id: housing
        label: Housing
        definition: No safe place.
        include: Rent.
        exclude: Shelters.
        color: "#d62728"
        memo: Watch couch-surfing.
        examples: [I had nowhere to stay]
        counterexamples: [the shelter gave me a bed]
        match:
          - any: [rent]
`, 'b.yaml');
    expect(book.unit).toBe('paragraph');
    expect(book.speakers).toBe('all');
    const h = book.codes[0]!.children[0]!;
    expect(h).toMatchObject({ id: 'barrier.housing', key: 'housing', parent: 'barrier', depth: 1, color: '#d62728', memo: 'Watch couch-surfing.' });
    expect(h.examples).toEqual(['I had nowhere to stay']);
    expect(book.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('reads JSON codebooks with positions too', () => {
    const ok = parseCodebook('{"codes": [{"id": "a", "label": "A", "match": {"any": ["rent"]}}]}', 'b.json');
    expect(ok.codes[0]!.rules).toHaveLength(1);
    expect(() => parseCodebook('{"codes": [{"id": "a"}]}', 'b.json')).toThrow(/has no label/);
  });
});
