import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span, Transcript, Warning } from '../../src/core/types.js';
import { listInputs, readInput, type ReadOptions } from '../../src/io/read.js';

/** The format fixtures, as a path relative to the working directory (as a user would type it). */
export const F = relative(process.cwd(), fileURLToPath(new URL('../fixtures/formats', import.meta.url)));

export const fx = (name: string): string => join(F, name);

export function cpSlice(text: string, span: Span): string {
  return Array.from(text).slice(span.start, span.end).join('');
}

/** A fresh temp folder with the given files (string or bytes). */
export async function tempFiles(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'qcode-io-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

/** Every transcript of the inputs in input order, as the readers give them (no study checks). */
export async function readAll(paths: string[], opts: ReadOptions): Promise<{ transcripts: Transcript[]; warnings: Warning[] }> {
  const listing = await listInputs(paths);
  const warnings = [...listing.warnings];
  const transcripts: Transcript[] = [];
  for (const file of listing.files) {
    const got = await readInput(file, opts);
    warnings.push(...got.warnings);
    transcripts.push(...got.transcripts);
  }
  return { transcripts, warnings };
}
