// What every analysis report shares: the coded study (a fresh pass, or saved or human
// codings), the codes shown at `--level N`, transcripts in input order, and the check
// that an attribute a report splits or orders by exists.

import { compareText, type CodedTranscript } from '../core/code/pass.js';
import type { Code } from '../core/codebook/model.js';
import { checkLevel, codesAtLevel } from '../core/aggregate/level.js';
import { QcodeError } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import type { Warning } from '../core/types.js';
import { forEachCoded } from './code.js';
import { openStudy, type Study } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';

export interface ReportOptions extends StudyOptions {
  /** Roll codes up to depth N (1 = top-level codes): only codes above it are shown. */
  level?: number;
}

export interface ReportBase {
  study: Study;
  /** Transcripts in id order. */
  coded: CodedTranscript[];
  /** The same transcripts in the order the inputs were read. */
  inputOrder: CodedTranscript[];
  coder: string;
  /** Every code of the codebook (for roll-up). */
  book: Code[];
  /** The codes the report shows, parents before children. */
  shown: Code[];
  warnings: Warnings;
}

/**
 * `study`: opened already; `evidence: false` for a report that only counts codes (its
 * codings then carry no evidence, and a fresh pass is quicker).
 */
export async function openReport(opts: ReportOptions, hooks: RunHooks = {}, given: { study?: Study; evidence?: boolean } = {}): Promise<ReportBase> {
  checkLevel(opts.level);
  const warnings = new Warnings(hooks.onWarning);
  const opened = given.study ?? (await openStudy(opts, 'required'));
  // Visited in input order (a file's transcripts in their order): saturation's default order.
  const inputOrder: CodedTranscript[] = [];
  const { coder } = await forEachCoded(opened, opts, warnings, hooks, (t) => inputOrder.push(t), given.evidence !== false);
  const book = opened.codebook!.book.codes;
  const coded = [...inputOrder].sort((a, b) => compareText(a.id, b.id));
  return { study: opened, coded, inputOrder, coder, book, shown: codesAtLevel(book, opts.level), warnings };
}

/** A report's `--by`/`--order`/`--where` attribute must be one some transcript has, or a typo is named. */
export function checkAttributeName(name: string, coded: CodedTranscript[], option: string): void {
  checkAttributeAmong(name, coded.flatMap((t) => Object.keys(t.attributes)), option);
}

/** The same check over attribute names gathered as transcripts stream by. */
export function checkAttributeAmong(name: string, names: Iterable<string>, option: string): void {
  const known = [...new Set(names)].sort();
  if (known.includes(name)) return;
  const guess = closest(name, known);
  const hint = guess ? ` (did you mean "${guess}"?)` : known.length > 0 ? `; the transcripts have: ${known.join(', ')}` : '; the transcripts have no attributes';
  throw new QcodeError(`${option}: no transcript has the attribute "${name}"${hint}`);
}

/** What every report result carries besides its own numbers. */
export interface ReportRun {
  reads: string[];
  warnings: Warning[];
}
