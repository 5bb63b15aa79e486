import { describe, expect, it } from 'vitest';
import { madeUpLines } from '../made-up.js';
import { parse } from 'yaml';
import { compileCodebook } from '../../src/core/codebook/compile.js';
import { lintCodebook } from '../../src/core/codebook/lint.js';
import { matchText } from '../../src/core/codebook/match.js';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { loadStemmer } from '../../src/core/codebook/stem.js';
import { numbersStart, termOf } from '../../src/core/refi/dictionary.js';
import { runImportDic } from '../../src/study/import-refi.js';
import { fixture } from './helpers.js';

async function coded(yaml: string, text: string): Promise<string[]> {
  const book = parseCodebook(yaml, 'dic.yaml');
  const cb = compileCodebook(book, await loadStemmer(book.language));
  expect(lintCodebook(cb).errors).toBe(0);
  return [...matchText(cb, text).keys()].sort();
}

describe('dictionary terms', () => {
  it('maps a wildcard to a prefix and a plain entry to an exact word', () => {
    expect(termOf('homeless*')).toBe('homeless*');
    expect(termOf('Rent')).toBe('=rent');
    expect(termOf('nowhere to stay')).toBe('=nowhere =to =stay');
    expect(termOf('wh?t')).toBeNull();
    expect(termOf('(02 134)like')).toBeNull();
  });
});

describe('import dic', () => {
  it('LIWC: categories become codes whose entries match as LIWC matches them', async () => {
    const r = await runImportDic({ file: fixture('dic/exit.dic') });
    const doc = parse(r.yaml);
    expect(doc.codes.map((c: { id: string }) => c.id)).toEqual(['housing', 'money', 'support']);
    expect(doc.codes[1].match).toEqual([{ any: ['=rent', 'deposit*', '=money', 'paycheck*'] }]);
    expect(await coded(r.yaml, 'I was homelessness-adjacent, then the deposits ate my paycheck')).toEqual(['housing', 'money']);
    // An exact entry does not match other forms of the word (as in LIWC).
    expect(await coded(r.yaml, 'my monies and rents')).toEqual([]);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/2 entries cannot be a qcode term/);
  });

  it('quanteda YAML: nested keys become children', async () => {
    const r = await runImportDic({ file: fixture('dic/exit.yml') });
    const doc = parse(r.yaml);
    expect(doc.codes[0]).toMatchObject({ id: 'barrier', children: [{ id: 'housing' }, { id: 'money' }] });
    expect(await coded(r.yaml, 'My advocate found me a room after I had nowhere to stay')).toEqual(['barrier.housing', 'support']);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/sh\?lter/);
  });
});

describe('the category numbers of an entry line', () => {
  // The pattern the line was once read with; the reading from the end must agree with it.
  const PATTERN = /^(.*?)((?:\s+\d+)+)\s*$/;
  const split = (line: string): [string, string] | null => {
    const at = numbersStart(line);
    return at < 0 ? null : [line.slice(0, at).trim(), line.slice(at).trim()];
  };

  it('splits entry from numbers as the pattern did, on lines of every shape', () => {
    const pieces = ['love', 'a b', '1', '12', ' ', '  ', '\t', 'x1', '1x', '\u2028', '\u00a0', '-', '3 ', ' 4'];
    for (const made of madeUpLines(pieces, 50_000, 5)) {
      const line = made.trim();
      if (line === '') continue;
      const m = PATTERN.exec(line);
      expect(split(line), JSON.stringify(line)).toEqual(m ? [m[1]!.trim(), m[2]!.trim()] : null);
    }
    expect(split('take care of 3\t12')).toEqual(['take care of', '3\t12']);
  });

  it('reads a line of 100,000 numbers ending in a word at once (the pattern took minutes)', () => {
    expect(numbersStart(`a${' 1'.repeat(100_000)}x`)).toBe(-1);
  });
});
