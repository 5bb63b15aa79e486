import { Option, type Command } from 'commander';
import { QcodeError } from '../core/errors.js';
import { UNITS, type Unit } from '../core/types.js';
import { FORMATS, type Format } from '../render/model.js';

/** The options every data command shares (SPEC §6). */
export interface CommonOptions {
  codebook?: string;
  config?: string;
  attributes?: string;
  codings?: string;
  unit?: Unit;
  format: Format;
  out?: string;
  color: boolean;
  quiet?: boolean;
}

export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS as string[]).default('table'))
    .option('--out <file>', 'write the output to FILE (atomically) instead of stdout')
    .option('--no-color', 'no colour in terminal tables (NO_COLOR is honoured too)')
    .option('--quiet', 'no warnings or progress on stderr');
}

export function addStudyOptions(cmd: Command): Command {
  return addOutputOptions(cmd)
    .option('--codebook <file>', 'codebook (.yaml, .yml or .json); default from qcode.yaml')
    .option('--config <file>', 'study config (default ./qcode.yaml)')
    .option('--attributes <file>', 'case attribute sheet (CSV, first column id); overrides the transcripts\' own')
    .option('--codings <file>', 'report on saved or human codings (SPEC §5 CSV) instead of a fresh coding pass')
    .addOption(new Option('--unit <unit>', 'segment unit; default from the codebook').choices(UNITS as string[]));
}

export function parseNumberOption(value: string, name: string, min = -Infinity, max = Infinity): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new QcodeError(`${name} must be a number${Number.isFinite(min) ? ` from ${min}` : ''}${Number.isFinite(max) ? ` to ${max}` : ''}, not "${value}"`);
  }
  return n;
}
