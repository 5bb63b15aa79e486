import { parsePlainText } from '../core/segment/plaintext.js';
import type { Transcript } from '../core/types.js';
import { readTextFile } from './file.js';
import { idFromPath } from './names.js';

/** A .txt or .md transcript (SPEC §2.1). */
export async function readTextTranscript(path: string, format: 'txt' | 'md', interviewers: readonly string[]): Promise<Transcript> {
  return parsePlainText(await readTextFile(path), { id: idFromPath(path), source: path, format, interviewers });
}
