// Where `redact` writes: a folder that holds none of the inputs and lies inside none
// of them, copies written whole (never over an input), and the key file, when asked
// for, readable by its owner only (0600) and kept out of the folder of copies.

import { mkdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { QcodeError } from '../core/errors.js';
import { checkOutputPath, stageOutput, type OutputTarget, type StagedOutput } from './output.js';

async function real(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The out-dir must hold no input (the copies would sit beside, or replace, what was
 * redacted) and must not be inside an input folder (the next run would read the copies).
 */
export async function prepareOutDir(outDir: string, inputs: readonly string[], files: readonly string[]): Promise<void> {
  if (outDir.trim() === '') throw new QcodeError('--out-dir needs a folder name');
  const st = await stat(outDir).catch(() => null);
  if (st && !st.isDirectory()) throw new QcodeError(`--out-dir ${outDir} is a file: name a folder for the redacted copies`);
  const dir = await real(outDir);
  for (const f of files) {
    if (inside(await real(f), dir)) throw new QcodeError(`--out-dir ${outDir} holds ${f}, an input: qcode never writes beside or over the transcripts it redacts; choose an empty folder elsewhere`);
  }
  for (const input of inputs) {
    const s = await stat(input).catch(() => null);
    if (s?.isDirectory() && inside(dir, await real(input))) {
      throw new QcodeError(`--out-dir ${outDir} is inside ${input}, a folder this command reads: choose a folder outside the transcripts`);
    }
  }
  await mkdir(outDir, { recursive: true });
}

/** One redacted copy, checked against everything the run reads and written whole beside its place (see stageOutput). */
export async function stageCopy(path: string, text: string, reads: readonly string[]): Promise<StagedOutput> {
  await mkdir(dirname(path), { recursive: true });
  const target = await checkOutputPath(path, reads);
  return stageOutput(target, text);
}

/** The key may not sit among the copies: checked before any copy is written. Returns where it goes. */
export async function checkKeyPath(path: string, outDir: string, reads: readonly string[]): Promise<OutputTarget> {
  if (inside(await real(path), await real(outDir)) || inside(resolve(path), resolve(outDir))) {
    throw new QcodeError(`--key ${path} is inside --out-dir ${outDir}: the key must be stored apart from the redacted copies`);
  }
  return checkOutputPath(path, reads);
}

/**
 * The key from placeholders to the words they hide: owner-only from its first byte, never
 * among the copies, and, like every output, written whole or not at all (an interrupt
 * removes a half-written key: it holds the very words the copies hide).
 */
export async function writeKey(path: string, text: string, outDir: string, reads: readonly string[]): Promise<void> {
  const target = await checkKeyPath(path, outDir, reads);
  await (await stageOutput(target, text, { mode: 0o600, what: 'the key' })).commit();
}

export const copyPath = (outDir: string, rel: string): string => join(outDir, rel);
