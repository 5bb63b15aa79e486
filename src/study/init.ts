// `qcode init [dir]`: a new study that passes `qcode check` from the first run — a
// sample transcript, a small codebook with examples, a gold coding, qcode.yaml, a
// GitHub Actions workflow — and the frequency snapshot, written by the check itself
// so it is the pass's own numbers.

import { join } from 'node:path';
import { alreadyThere, existingFiles, TEMPLATES, writeTemplates, type TemplateFile } from '../io/scaffold.js';
import { VERSION } from '../version.js';
import { runCheck, type CheckResult } from './check.js';

export const INIT_CODEBOOK = 'codebooks/codebook.yaml';
export const INIT_SNAPSHOT = 'expected-freq.json';

export const INIT_FILES: TemplateFile[] = [
  { from: 'init/qcode.yaml', to: 'qcode.yaml' },
  { from: 'init/codebooks/codebook.yaml', to: INIT_CODEBOOK },
  { from: 'init/transcripts/A01.txt', to: 'transcripts/A01.txt' },
  { from: 'init/codings/gold.csv', to: 'codings/gold.csv' },
  { from: 'init/github/workflows/qcode.yml', to: '.github/workflows/qcode.yml', fill: { QCODE_VERSION: VERSION, CODEBOOK: INIT_CODEBOOK } },
];

export interface InitResult {
  dir: string;
  /** Every file written, as paths inside `dir`, the snapshot last. */
  files: string[];
  /** The first `qcode check` of the new study (it passes). */
  check: CheckResult;
}

export async function runInit(opts: { dir?: string } = {}): Promise<InitResult> {
  const dir = opts.dir ?? '.';
  // The snapshot is written by the check, after the templates: refuse before either.
  const taken = existingFiles(dir, [...INIT_FILES.map((f) => f.to), INIT_SNAPSHOT]);
  if (taken.length > 0) throw alreadyThere(dir, taken);
  const files = await writeTemplates(TEMPLATES, dir, INIT_FILES);
  const check = await runCheck({ config: join(dir, 'qcode.yaml'), update: true });
  return { dir, files: [...files, INIT_SNAPSHOT], check };
}
