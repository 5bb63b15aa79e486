// What every analysis report shares: the coded study (a fresh pass, or saved or human
// codings), the codes shown at `--level N`, transcripts in input order, and the check
// that an attribute a report splits or orders by exists.

import type { CodedTranscript } from '../core/code/pass.js';
import type { Code } from '../core/codebook/model.js';
import { checkLevel, codesAtLevel } from '../core/aggregate/level.js';
import { QcodeError } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import { groupKey } from '../core/aggregate/groups.js';
import { compareText } from '../core/code/pass.js';
import type { Warning } from '../core/types.js';
import { forEachCoded } from './code.js';
import { openStudy, type Study } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';

export interface ReportOptions extends StudyOptions {
  /** Roll codes up to depth N (1 = top-level codes): only codes above it are shown. */
  level?: number;
}

/** What a report has besides its own counts: the study, its coder, and the codes it shows. */
export interface StreamedBase {
  study: Study;
  coder: string;
  /** Every code of the codebook (for roll-up). */
  book: Code[];
  /** The codes the report shows, parents before children. */
  shown: Code[];
  warnings: Warnings;
}

/** What a report counts with: it is handed each coded transcript in turn. */
export interface TranscriptCounter {
  add(t: CodedTranscript): void;
}

/**
 * The study opened and coded, each transcript handed, in input order, to the counter
 * `start` makes once it knows the study and the codes shown: a report keeps its counts,
 * or what it prints of each transcript, not the coded corpus. `study`: opened already;
 * `evidence: false` for a report that only counts codes (a fresh pass is then quicker).
 */
export async function streamReport<C extends TranscriptCounter>(
  opts: ReportOptions, hooks: RunHooks, start: (base: StreamedBase) => C,
  given: { study?: Study; evidence?: boolean } = {},
): Promise<StreamedBase & { counter: C }> {
  checkLevel(opts.level);
  const warnings = new Warnings(hooks.onWarning);
  const study = given.study ?? (await openStudy(opts, 'required'));
  const book = study.codebook!.book.codes;
  const base: StreamedBase = { study, coder: 'auto', book, shown: codesAtLevel(book, opts.level), warnings };
  const counter = start(base);
  const { coder } = await forEachCoded(study, opts, warnings, hooks, (t) => counter.add(t), given.evidence !== false);
  return { ...base, coder, counter };
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

/**
 * A value no transcript has for the attribute (a typo: `region=rurl`) would quietly select
 * no case at all: an error naming the values there are.
 */
export function checkAttributeValue(name: string, value: string, coded: CodedTranscript[], option: string): void {
  const known = [...new Set(coded.map((t) => groupKey(t.attributes[name])))].sort(compareText);
  if (known.includes(value)) return;
  const guess = closest(value, known);
  const shown = known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ');
  throw new QcodeError(`${option}: no transcript has ${name} "${value}"${guess ? ` (did you mean "${guess}"?)` : ''}; its values: ${shown}`);
}

/** What every report result carries besides its own numbers. */
export interface ReportRun {
  reads: string[];
  warnings: Warning[];
}
