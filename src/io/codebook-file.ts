import { compileCodebook, type CompiledCodebook } from '../core/codebook/compile.js';
import type { Codebook } from '../core/codebook/model.js';
import { parseCodebook } from '../core/codebook/parse.js';
import { loadStemmer } from '../core/codebook/stem.js';
import { QcodeError } from '../core/errors.js';
import { readTextFile } from './file.js';

export async function readCodebook(path: string): Promise<Codebook> {
  if (!/\.(ya?ml|json)$/i.test(path)) {
    throw new QcodeError('a codebook must be a .yaml, .yml or .json file', { file: path });
  }
  return parseCodebook(await readTextFile(path), path);
}

export async function loadCodebook(path: string): Promise<CompiledCodebook> {
  const book = await readCodebook(path);
  return compileCodebook(book, await loadStemmer(book.language));
}
