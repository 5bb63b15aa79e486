import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { attributeValue, parseAttributeSheet, readAttributeSheet } from '../../src/io/attributes.js';
import { fx } from './helpers.js';

describe('attribute sheets', () => {
  it('maps the first column to attributes, numbers as numbers, empty cells left out', async () => {
    const sheet = await readAttributeSheet(fx('study/cases.csv'));
    expect([...sheet.keys()]).toEqual(['P01', 'P02']);
    expect(sheet.get('P01')).toEqual({ age_group: '35-44', exit_attempts: 4, code: '007' });
    expect(sheet.get('P02')).toEqual({ age_group: '18-24', exit_attempts: 2.5, site: 'south', code: 12 });
  });

  it('numeric-looking values become numbers; zero-padded codes and ranges stay text', () => {
    expect(['4', '-2', '+3', '2.50', '.5', '1e3', '0', '0.25'].map(attributeValue)).toEqual([4, -2, 3, 2.5, 0.5, 1000, 0, 0.25]);
    expect(['007', '25-34', '1,000', 'NaN', 'Infinity', '0x10', '', ' 5 '].map(attributeValue)).toEqual(['007', '25-34', '1,000', 'NaN', 'Infinity', '0x10', '', 5]);
  });

  it('any first-column name works; duplicate and missing ids are errors at their line', () => {
    expect(parseAttributeSheet('case,age\nA,30\n', 's.csv').get('A')).toEqual({ age: 30 });
    try {
      parseAttributeSheet('id,age\nA,30\nB,31\nA,32\n', 's.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QcodeError);
      expect((e as QcodeError).place).toEqual({ file: 's.csv', line: 4, col: 1 });
      expect((e as QcodeError).message).toBe('id "A" is listed twice (rows 2 and 4)');
    }
    expect(() => parseAttributeSheet('id,age\n,30\n', 's.csv')).toThrow('row 2 has no id in its first column');
    expect(parseAttributeSheet('', 's.csv').size).toBe(0);
  });
});
