import { describe, expect, it } from 'vitest';
import { lintCodebook } from '../../src/core/codebook/lint.js';
import { compileYaml } from './helpers.js';

describe('lint runs examples as tests', () => {
  it('passes a codebook whose examples code and counterexamples do not', async () => {
    const cb = await compileYaml(`codes:
  - id: barrier
    label: B
    definition: d
    examples: [couldn't pay the rent]
    children:
      - id: housing
        label: H
        definition: d
        examples: [couldn't pay the rent]
        counterexamples: [the rent program helped]
        match: {any: [rent], not: [program]}
`);
    const r = lintCodebook(cb);
    expect(r.errors).toBe(0);
    expect(r.examples).toBe(2);
    expect(r.counterexamples).toBe(1);
  });
  it('lists each failing example and counterexample with what it was coded as', async () => {
    const cb = await compileYaml(`codes:
  - id: housing
    label: H
    definition: d
    examples: [nowhere to sleep, rent]
    counterexamples: [the rent program helped]
    match: {any: [rent]}
`);
    const r = lintCodebook(cb);
    expect(r.errors).toBe(2);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.kind, f.text, f.got])).toEqual([
      ['example', 'nowhere to sleep', []],
      ['counterexample', 'the rent program helped', ['housing']],
    ]);
  });
  it('warns about leaf codes without rules', async () => {
    const cb = await compileYaml('codes:\n  - id: a\n    label: A\n    definition: d\n');
    expect(lintCodebook(cb).findings.map((f) => f.kind)).toEqual(['no-rules']);
  });
});
