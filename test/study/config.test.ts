import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { parseConfig } from '../../src/io/config.js';

function errors(text: string): string[] {
  try {
    parseConfig(text, 'qcode.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(QcodeError);
    return (e as QcodeError).all().map((x) => `${x.place.line}:${x.place.col} ${x.message}`);
  }
  return [];
}

describe('qcode.yaml: every key honoured or rejected with its place', () => {
  it('reads every key it knows, paths relative to the config', () => {
    const c = parseConfig('name: Exit study\ncodebook: cb.yaml\ntranscripts: [t]\nunit: sentence\ninterviewers: [Dana]\ncheck:\n  gold: g.csv\n  min_kappa: 0.6\n  tolerance: 1\n  codes:\n    barrier.children: { min_kappa: 0.5 }\n', 'study/qcode.yaml');
    expect(c).toMatchObject({
      name: 'Exit study', codebook: 'study/cb.yaml', transcripts: ['study/t'], unit: 'sentence', interviewers: ['Dana'],
      check: { gold: 'study/g.csv', min_kappa: 0.6, tolerance: 1, codes: { 'barrier.children': { min_kappa: 0.5 } } },
    });
  });

  it('names every mistake at once, with did-you-mean', () => {
    expect(errors('codebok: x.yaml\nunit: sentense\ncheck:\n  min_kapa: 0.6\n  min_agreement: 2\n')).toEqual([
      '1:1 unknown key "codebok" in qcode.yaml (did you mean "codebook"?)',
      '2:7 unit must be one of turn, paragraph, sentence, not "sentense"',
      '4:3 unknown key "min_kapa" in check (did you mean "min_kappa"?)',
      '5:18 min_agreement must be a number from 0 to 1',
    ]);
  });

  it('a wrongly typed check block is an error, not silently dropped', () => {
    expect(errors('check: yes\n')).toEqual(['1:8 check must be a mapping (gold:, min_kappa:, …)']);
    expect(errors('check:\n  codes:\n    barrier.children: 0.5\n')).toEqual(['3:23 check.codes.barrier.children must be a mapping (min_kappa:, min_agreement:)']);
  });
});

describe('qcode.yaml deid.allow: terms deid accepts', () => {
  it('reads the allow-list, words and numbers alike', () => {
    expect(parseConfig('deid:\n  allow: [Housing First, 988, Rosa Parks]\n', 'qcode.yaml').deid).toEqual({ allow: ['Housing First', '988', 'Rosa Parks'] });
  });

  it('names a misspelt key or a wrongly typed block with its place', () => {
    expect(errors('deid:\n  alow: [x]\n')).toEqual(['2:3 unknown key "alow" in deid (did you mean "allow"?)']);
    expect(errors('deid: [x]\n')).toEqual(['1:7 deid must be a mapping (allow: [terms])']);
    expect(errors('deid:\n  allow: [{ a: 1 }]\n')).toEqual(['2:11 each entry of deid.allow must be a word or phrase']);
  });
});
