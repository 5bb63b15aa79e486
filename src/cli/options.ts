import { Option, type Command } from 'commander';
import { MERGE_POLICIES } from '../core/codebook/model.js';
import { QcodeError } from '../core/errors.js';
import { UNITS, type Unit } from '../core/types.js';
import { existsSync } from 'node:fs';
import { checkOutputPath } from '../io/output.js';
import { DEFAULT_CONFIG } from '../io/config.js';
import { FROM_NAMES } from '../io/read.js';
import { FORMATS, type Format } from '../render/model.js';
import type { StudyOptions } from '../study/options.js';

/** The options of every command that prints a result. */
export interface OutputOptions {
  /** Unset: from the `--out` file's extension, else a terminal table. */
  format?: Format;
  out?: string;
  color: boolean;
  quiet?: boolean;
}

/** The options of the commands that read a study. */
export interface StudyCliOptions extends OutputOptions {
  codebook?: string;
  config?: string;
  attributes?: string;
  interviewers?: string;
  from?: string;
  unit?: Unit;
  codings?: string;
  coder?: string;
  jobs?: string;
  /** A file, or false for --no-model. */
  model?: string | false;
  merge?: StudyOptions['merge'];
}

/**
 * `--format`, `--out`, `--no-color`, `--quiet`. A command that writes one kind of file
 * (an HTML page, a project, a review's codings) has no formats to choose from: `out` is
 * what its `--out` says instead.
 */
export function addOutputOptions(cmd: Command, opts: { out?: string } = {}): Command {
  if (opts.out !== undefined) cmd.option('--out <file>', opts.out);
  else {
    cmd
      .addOption(new Option('--format <format>', 'output format (default: from the --out extension, else table)').choices(FORMATS as string[]))
      .option('--out <file>', 'write the output to FILE (whole, atomically) instead of stdout');
  }
  return cmd
    .option('--no-color', 'no colour in terminal tables (NO_COLOR is honoured too)')
    .option('--quiet', 'no warnings or progress on stderr');
}

/** How transcripts are read: config, codebook, attributes, interviewers, format. */
export function addReadingOptions(cmd: Command, opts: { unit?: boolean; out?: string } = {}): Command {
  addOutputOptions(cmd, opts)
    .option('--codebook <file>', 'codebook (.yaml, .yml or .json); default from qcode.yaml')
    .option('--config <file>', 'study config (default ./qcode.yaml)')
    .option('--attributes <file>', "case attribute sheet (CSV, first column id); overrides the transcripts' own")
    .option('--interviewers <labels>', 'comma-separated interviewer labels, e.g. "Dana Reyes,I" (replaces the default list)')
    .addOption(new Option('--from <format>', 'read every input as this format or tool export instead of detecting it').choices([...FROM_NAMES]));
  if (opts.unit !== false) cmd.addOption(new Option('--unit <unit>', 'segment unit; default from qcode.yaml, then the codebook').choices(UNITS as string[]));
  return cmd;
}

/** Commands that run the coding pass. */
export function addPassOptions(cmd: Command): Command {
  return addModelOptions(cmd.option('--jobs <n>', 'threads for the coding pass, the main one included (default: one per core for a large corpus, else 1)'));
}

/** A learned model's opinion beside the rules' (`qcode learn --out`). */
export function addModelOptions(cmd: Command): Command {
  return cmd
    .option('--model <file>', "a learned model (qcode learn --out) whose codings join the rules' as coder model (default: the codebook's model:)")
    .option('--no-model', "code with the rules alone, leaving out the model the codebook names (faster on a large corpus)")
    .addOption(new Option('--merge <policy>', "rules: the rules' codings, each with the model's probability; model: the model's codings only; union: both; vote: the rules' codings plus the model's where it is confident (default: the codebook's merge:, else rules)").choices(MERGE_POLICIES));
}

/** Reports that can run on saved or human codings instead of a fresh pass. */
export function addCodingsOptions(cmd: Command): Command {
  return cmd
    .option('--codings <file>', 'report on saved or human codings (a codings CSV) instead of a fresh coding pass')
    .option('--coder <name>', 'with --codings: the coder to report on (a file with several coders), or the coder of a file without a coder column');
}

/** What the study layer needs from a command's options. */
export function studyOptions(inputs: string[], opts: StudyCliOptions): StudyOptions {
  const s: StudyOptions = { inputs };
  if (opts.config !== undefined) s.config = opts.config;
  if (opts.codebook !== undefined) s.codebook = opts.codebook;
  if (opts.attributes !== undefined) s.attributes = opts.attributes;
  if (opts.interviewers !== undefined) s.interviewers = parseLabels(opts.interviewers);
  if (opts.from !== undefined) s.from = opts.from;
  if (opts.unit !== undefined) s.unit = opts.unit;
  if (opts.codings !== undefined) s.codings = opts.codings;
  if (opts.coder !== undefined) s.coder = opts.coder;
  if (opts.jobs !== undefined) s.jobs = parseNumberOption(opts.jobs, '--jobs', 1, 256);
  if (opts.model !== undefined) s.model = opts.model;
  if (opts.merge !== undefined) s.merge = opts.merge;
  return s;
}

/** `"Dana Reyes, I"` → `['Dana Reyes', 'I']`. */
export function parseLabels(value: string): string[] {
  const labels = value.split(',').map((l) => l.trim()).filter((l) => l !== '');
  if (labels.length === 0) throw new QcodeError(`--interviewers needs at least one label, not "${value}"`);
  return labels;
}

export function parseNumberOption(value: string, name: string, min = -Infinity, max = Infinity): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new QcodeError(`${name} must be a number${Number.isFinite(min) ? ` from ${min}` : ''}${Number.isFinite(max) ? ` to ${max}` : ''}, not "${value}"`);
  }
  return n;
}

/**
 * `--out` checked against the paths the options name before a run starts, so a long
 * run never ends in "cannot write there"; emit checks again against all it read.
 */
export async function checkOutFirst(inputs: string[], opts: OutputOptions & Partial<StudyCliOptions>): Promise<void> {
  if (!opts.out) return;
  const config = opts.config ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
  const named = [...inputs, opts.codebook, config, opts.attributes, opts.codings, opts.model].filter((p): p is string => typeof p === 'string');
  await checkOutputPath(opts.out, named.filter((p) => existsSync(p)));
}
