// Options every analysis report shares: `--level N` on top of the study, codings and pass options.

import type { Command } from 'commander';
import { addCodingsOptions, addPassOptions, addReadingOptions, parseNumberOption } from '../options.js';

/** `out`: what `--out` writes, for a command with one kind of output (see addOutputOptions). */
export function addReportOptions(cmd: Command, level = true, out?: string): Command {
  addPassOptions(addCodingsOptions(addReadingOptions(cmd, { out })));
  if (level) cmd.option('--level <n>', 'roll codes up to depth N (1 = top-level codes); a code always counts its sub-codes');
  return cmd;
}

export function levelOption(value: string | undefined): { level?: number } {
  return value === undefined ? {} : { level: parseNumberOption(value, '--level', 1) };
}
