// a Word file's text is extracted, then read like a text file (its layout
// detected from that text), so its line numbers in warnings are those of the extracted
// text, where each Word paragraph is one line followed by a blank line.

import { QcodeError } from '../core/errors.js';
import type { TextLayout } from '../core/segment/layouts/index.js';
import type { Transcript } from '../core/types.js';
import { readBytes } from './file.js';
import { parseTextTranscript } from './text.js';
import { checkDocxSize } from './ziplimit.js';

/** A zip file (what every .docx is) starts with a local file header. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
}

/**
 * mammoth's raw text, but with line breaks inside a paragraph kept as line ends:
 * Teams and others put `Name   0:03` and the words in one paragraph split by a break,
 * and mammoth's own raw text would glue the name to the words.
 */
function rawText(e: DocxElement): string {
  if (e.type === 'text') return e.value ?? '';
  if (e.type === 'tab') return '\t';
  if (e.type === 'break') return '\n';
  const inner = (e.children ?? []).map(rawText).join('');
  return e.type === 'paragraph' ? `${inner}\n\n` : inner;
}

type DocumentReader = (bytes: Buffer) => Promise<DocxElement>;

/** mammoth's document reader (its parts are plain CommonJS modules), or undefined if it moved. */
async function documentReader(): Promise<DocumentReader | undefined> {
  try {
    const unzip = (await import('mammoth/lib/unzip.js' as string)) as { openZip: (o: { buffer: Buffer }) => Promise<unknown> };
    const reader = (await import('mammoth/lib/docx/docx-reader.js' as string)) as { read: (zip: unknown) => Promise<{ value: DocxElement }> };
    if (typeof unzip.openZip !== 'function' || typeof reader.read !== 'function') return undefined;
    return async (bytes) => (await reader.read(await unzip.openZip({ buffer: bytes }))).value;
  } catch {
    return undefined;
  }
}

export async function extractDocxText(bytes: Buffer, file: string): Promise<string> {
  if (isZip(bytes)) checkDocxSize(bytes, file);
  // Loaded on first use: mammoth is the heaviest module and most studies have no .docx.
  const { default: mammoth } = await import('mammoth');
  try {
    const read = await documentReader();
    if (read) return rawText(await read(bytes));
    const result = await mammoth.extractRawText({ buffer: bytes });
    return result.value;
  } catch (e) {
    throw new QcodeError(`cannot read this Word file (is it a .docx saved by Word?): ${(e as Error).message}`, { file });
  }
}

/** A Word transcript from its bytes (already read), in the given layout or the one its text shows. */
export async function parseDocxBytes(bytes: Buffer, path: string, interviewers: readonly string[], layout?: TextLayout): Promise<Transcript> {
  const text = await extractDocxText(bytes, path);
  return parseTextTranscript(text, { source: path, format: 'docx', interviewers, ...(layout ? { layout } : {}) });
}

export async function readDocxTranscript(path: string, interviewers: readonly string[], layout?: TextLayout): Promise<Transcript> {
  return parseDocxBytes(await readBytes(path), path, interviewers, layout);
}
