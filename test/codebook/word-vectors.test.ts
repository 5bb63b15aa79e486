// `codebook suggest --vectors`: word vectors read from the two formats researchers have
// (the npm package's JSON, GloVe/word2vec text), only for the words asked, and candidates
// ranked by how close they sit to what the code already says.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { similarityToCode, wordsOfTerm } from '../../src/core/codebook/vector-rank.js';
import { parseWinkVectors, readVectorLine } from '../../src/core/codebook/word-vectors.js';
import { packagedVectorsPath, readWordVectors, VECTOR_PACKAGE } from '../../src/io/word-vectors.js';
import { runSuggest } from '../../src/study/suggest.js';
import { qcode } from '../cli/run.js';

const JSON_FILE = 'test/fixtures/vectors/mini.json';
const TEXT_FILE = 'test/fixtures/vectors/mini.txt';
const dir = mkdtempSync(join(tmpdir(), 'qcode-vectors-'));

describe('reading word vectors', () => {
  it('reads only the asked-for words, the same from the JSON and from GloVe text', async () => {
    const wanted = new Set(['family', 'bus', 'nowhere', '"']);
    const json = await readWordVectors(JSON_FILE, wanted);
    const text = await readWordVectors(TEXT_FILE, wanted);
    expect(json.dimensions).toBe(4);
    expect(text.dimensions).toBe(4);
    // The JSON's escaped key ("\"") is read as the one-character word it spells.
    expect([...json.vectors.keys()].sort()).toEqual(['"', 'bus', 'family']);
    expect([...text.vectors.keys()].sort()).toEqual(['bus', 'family']);
    // The norm and index the package appends after the numbers are not part of the vector.
    expect([...json.vectors.get('family')!]).toEqual([...text.vectors.get('family')!]);
    expect(json.vectors.get('family')!.length).toBe(4);
  });

  it('says what is wrong, and where, with a file that is not word vectors', () => {
    const place = { file: 'v.txt', line: 3 };
    expect(() => readVectorLine('family 1 2 3', new Set(['family']), 4, place)).toThrow(/"family" has 3 numbers where the file's first vector had 4/);
    expect(() => readVectorLine('family 1 two 3', new Set(['family']), null, place)).toThrow(/not a number/);
    expect(readVectorLine('341479 100', new Set(['family']), null, place)).toBeNull();
    expect(() => parseWinkVectors('{"words":[]}', new Set(), 'v.json')).toThrow(/not a word-vectors file/);
    expect(() => parseWinkVectors('{"dimensions":2,"vectors":{"a":[1,2],"b"[3,4]}}', new Set(['b']), 'v.json')).toThrow(/malformed near character 37/);
    expect(() => parseWinkVectors('{"dimensions":3,"vectors":{"a":[1,2]}}', new Set(['a']), 'v.json')).toThrow(/"a" has 2 numbers, not 3/);
  });

  it('a binary file, or text with no line breaks, is refused at once instead of read as one endless line', async () => {
    const binary = join(dir, 'vectors.bin');
    writeFileSync(binary, Buffer.from([0x33, 0x20, 0x32, 0x0a, 0x00, 0x01, 0x02, 0x41, 0x00]));
    await expect(readWordVectors(binary, new Set(['a']))).rejects.toThrow(/binary data/);
    const oneLine = join(dir, 'one-line.txt');
    writeFileSync(oneLine, 'x '.repeat(40_000));
    await expect(readWordVectors(oneLine, new Set(['a']))).rejects.toThrow(/no line break in its first 64 KB/);
  });

  it('an empty or missing file is an error, not a ranking of nothing', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    await expect(readWordVectors(empty, new Set(['a']))).rejects.toThrow(/word-vectors file is empty/);
    await expect(readWordVectors(join(dir, 'nope.txt'), new Set(['a']))).rejects.toThrow(/no such file/);
  });

  it('a package that is not installed is named with how to install it', () => {
    expect(() => packagedVectorsPath('qcode-no-such-vectors-package')).toThrow(/npm install qcode-no-such-vectors-package/);
  });
});

describe('similarity to a code', () => {
  it('ranks words of the code\'s sense above words of another, once the shared direction is taken out', async () => {
    const wv = await readWordVectors(TEXT_FILE, new Set(['family', 'friend', 'support', 'nobody', 'aunt', 'bus', 'station', 'shelter', 'cold']));
    const similar = similarityToCode({ words: ['family', 'friend', 'support'] }, wv);
    expect(similar('nobody')!).toBeGreaterThan(similar('cold')!);
    expect(similar('aunt')!).toBeGreaterThan(similar('bus station')!);
    // Every word here shares a large common part: raw cosines would all be near 1.
    expect(similar('bus station')!).toBeLessThan(0);
    expect(similar('nowhere')).toBeNull();
  });

  it('reads a term as written: `=` and `*` are not part of its words', () => {
    expect(wordsOfTerm("couldn't pay* =rent")).toEqual(["couldn't", 'pay', 'rent']);
  });
});

describe('codebook suggest --vectors', () => {
  // The hand-made study of suggest.test.ts, smaller: support the rules find by "family".
  const transcripts = join(dir, 'T1.txt');
  const codebook = join(dir, 'codebook.yaml');
  writeFileSync(codebook, 'name: V\nversion: 0.1.0\ncodes:\n  - id: support\n    label: Support\n    match:\n      - any: [family, =friend]\n');
  writeFileSync(transcripts, [
    '---', 'id: T1', 'speakers: [I, T1]', '---',
    'I: Who could you call?', 'T1: My family, then nobody. The bus station was cold.',
    'I: And then?', 'T1: My family again, nobody else. The bus station was cold.',
    'I: Where did you sleep?', 'T1: The shelter.',
  ].join('\n'));

  it('orders the same candidates by similarity instead of the score, and says so', async () => {
    const plain = await runSuggest({ codebook, inputs: [transcripts], code: 'support', min: 2 });
    const ranked = await runSuggest({ codebook, inputs: [transcripts], code: 'support', min: 2, vectors: TEXT_FILE });
    expect(ranked.suggestions.map((s) => s.term).sort()).toEqual(plain.suggestions.map((s) => s.term).sort());
    expect(ranked.suggestions[0]!.term).toBe('nobody');
    const sims = ranked.suggestions.map((s) => s.similarity ?? -2);
    expect(sims).toEqual([...sims].sort((a, b) => b - a));
    expect(plain.suggestions.every((s) => s.similarity === undefined)).toBe(true);
    expect(ranked.notes.join(' ')).toMatch(/ranked by similarity .* \(test\/fixtures\/vectors\/mini\.txt, 4-d\)/);
    expect(ranked.reads).toContain(TEXT_FILE);
  });

  it('prints a similarity column in the table and the CSV', async () => {
    const table = await qcode(['codebook', 'suggest', 'support', transcripts, '--codebook', codebook, '--vectors', JSON_FILE, '--no-color']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/similarity/);
    const csv = await qcode(['codebook', 'suggest', 'support', transcripts, '--codebook', codebook, '--vectors', JSON_FILE, '--format', 'csv']);
    const [header, first] = csv.stdout.trim().split('\n');
    expect(header!.endsWith(',similarity')).toBe(true);
    expect(first).toMatch(/^support,nobody,.*,0\.\d+$/);
  });

  // The real vectors (the optional peer, installed for development): 350,000 words in a
  // 300 MB JSON, read in one pass for the handful of words the list needs.
  it.skipIf(!installed())(`ranks with the installed ${VECTOR_PACKAGE} when --vectors names no file`, async () => {
    const r = await runSuggest({ codebook, inputs: [transcripts], code: 'support', min: 2, vectors: true });
    expect(r.notes.join(' ')).toContain(`${VECTOR_PACKAGE}, 100-d`);
    const sim = new Map(r.suggestions.map((s) => [s.term, s.similarity]));
    // "nobody" is nearer to family and friends than a bus station is.
    expect(sim.get('nobody')!).toBeGreaterThan(sim.get('bus')!);
  }, 60_000);
});

function installed(): boolean {
  try {
    packagedVectorsPath();
    return true;
  } catch {
    return false;
  }
}
