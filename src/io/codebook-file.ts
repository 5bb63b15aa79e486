import { compileCodebook, type CompiledCodebook } from '../core/codebook/compile.js';
import type { Codebook } from '../core/codebook/model.js';
import { parseCodebook } from '../core/codebook/parse.js';
import { loadStemmer } from '../core/codebook/stem.js';
import { QcodeError } from '../core/errors.js';
import { readTextFile } from './file.js';

export async function readCodebook(path: string): Promise<Codebook> {
  return parseCodebook(await readCodebookText(path), path);
}

async function readCodebookText(path: string): Promise<string> {
  if (!/\.(ya?ml|json)$/i.test(path)) {
    throw new QcodeError('a codebook must be a .yaml, .yml or .json file', { file: path });
  }
  return readTextFile(path);
}

/**
 * Codebooks compiled in this process, by path and text. Parsing and compiling the
 * starter codebook costs half a second; a script or a test that runs several analyses
 * of one study pays it once. The text is part of the key, so an edited file is read
 * afresh; nothing downstream changes a compiled codebook, so sharing one is safe.
 */
const compiled = new Map<string, Promise<CompiledCodebook>>();
const KEEP = 8;

export async function loadCodebook(path: string): Promise<CompiledCodebook> {
  const text = await readCodebookText(path);
  const key = `${path}\0${text}`;
  let book = compiled.get(key);
  if (!book) {
    book = compile(text, path);
    compiled.set(key, book);
    // A failed compile is an error for this call only: the next one tries again.
    book.catch(() => compiled.delete(key));
    if (compiled.size > KEEP) compiled.delete(compiled.keys().next().value!);
  }
  return book;
}

async function compile(text: string, path: string): Promise<CompiledCodebook> {
  const book = parseCodebook(text, path);
  return compileCodebook(book, await loadStemmer(book.language));
}
