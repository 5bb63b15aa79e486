// SPEC §2.2: a Word file's text is extracted, then read exactly as plain text, so
// its document text (and line numbers in warnings) are those of the extracted text,
// where each Word paragraph is one line followed by a blank line.

import { QcodeError } from '../core/errors.js';
import { parsePlainText } from '../core/segment/plaintext.js';
import type { Transcript } from '../core/types.js';
import { readBytes } from './file.js';
import { idFromPath } from './names.js';

export async function extractDocxText(bytes: Buffer, file: string): Promise<string> {
  // Loaded on first use: mammoth is the heaviest module and most studies have no .docx.
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    return result.value;
  } catch (e) {
    throw new QcodeError(`cannot read this Word file (is it a .docx saved by Word?): ${(e as Error).message}`, { file });
  }
}

export async function readDocxTranscript(path: string, interviewers: readonly string[]): Promise<Transcript> {
  const text = await extractDocxText(await readBytes(path), path);
  return parsePlainText(text, { id: idFromPath(path), source: path, format: 'docx', interviewers });
}
