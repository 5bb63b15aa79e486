import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileCodebook } from '../../src/core/codebook/compile.js';
import { lintCodebook } from '../../src/core/codebook/lint.js';
import { matchText } from '../../src/core/codebook/match.js';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { loadStemmer } from '../../src/core/codebook/stem.js';
import { termOf } from '../../src/core/refi/dictionary.js';
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
