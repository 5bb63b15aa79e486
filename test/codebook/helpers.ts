import { compileCodebook, type CompiledCodebook } from '../../src/core/codebook/compile.js';
import { matchText } from '../../src/core/codebook/match.js';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { loadStemmer } from '../../src/core/codebook/stem.js';
import { QcodeError } from '../../src/core/errors.js';

export async function compileYaml(yaml: string): Promise<CompiledCodebook> {
  const book = parseCodebook(yaml, 'test.yaml');
  return compileCodebook(book, await loadStemmer(book.language));
}

/** A one-code codebook whose `match:` is the given YAML (indented under the code). */
export async function oneCode(match: string, language = 'en'): Promise<CompiledCodebook> {
  const indented = match.trim().split('\n').map((l) => `      ${l}`).join('\n');
  return compileYaml(`language: ${language}\ncodes:\n  - id: c\n    label: C\n    match:\n${indented}\n`);
}

export function codes(cb: CompiledCodebook, text: string): string[] {
  return [...matchText(cb, text).keys()].sort();
}

/** Every message of a codebook that fails to parse, as `line:col: message`. */
export function errorsOf(yaml: string): string[] {
  try {
    parseCodebook(yaml, 'test.yaml');
  } catch (e) {
    if (e instanceof QcodeError) return e.all().map((x) => `${x.place.line}:${x.place.col}: ${x.message}`);
    throw e;
  }
  return [];
}
