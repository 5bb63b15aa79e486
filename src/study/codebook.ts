// `codebook lint` and `codebook show`: the codebook on its own, no transcripts.

import type { CompiledCodebook } from '../core/codebook/compile.js';
import { lintCodebook, type LintReport } from '../core/codebook/lint.js';
import { QcodeError } from '../core/errors.js';
import { loadCodebook } from '../io/codebook-file.js';
import { readConfig } from '../io/config.js';

export interface CodebookOptions {
  /** The codebook file; default the one the config names. */
  codebook?: string;
  config?: string;
}

export interface LintResult {
  codebook: CompiledCodebook;
  report: LintReport;
  /** An example not coded, a counterexample coded, or another lint error. */
  failed: boolean;
  reads: string[];
}

export async function openCodebook(opts: CodebookOptions): Promise<{ codebook: CompiledCodebook; reads: string[] }> {
  const config = await readConfig(opts.config);
  const path = opts.codebook ?? config.codebook;
  if (!path) throw new QcodeError('no codebook: name one, or run where a qcode.yaml names one');
  const reads = config.file ? [path, config.file] : [path];
  return { codebook: await loadCodebook(path), reads };
}

export async function runLint(opts: CodebookOptions): Promise<LintResult> {
  const { codebook, reads } = await openCodebook(opts);
  const report = lintCodebook(codebook);
  return { codebook, report, failed: report.errors > 0, reads };
}
