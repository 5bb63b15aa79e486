import { writeAtomic } from '../io/output.js';
import type { Format, Rendered } from '../render/model.js';

/** Hands the chosen rendering to stdout, or to `--out` as one whole file. */
export async function emit(rendered: Rendered, opts: { format: Format; out?: string }): Promise<void> {
  const text = rendered[opts.format]();
  if (opts.out) await writeAtomic(opts.out, text);
  else process.stdout.write(text);
}

/** Colour only for a terminal, and never when NO_COLOR or --no-color says no. */
export function useColor(opts: { color: boolean; out?: string }): boolean {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return opts.color && !noColor && !opts.out && Boolean(process.stdout.isTTY);
}

/** The terminal's width for tables, when stdout is one. */
export function terminalWidth(): number | undefined {
  return process.stdout.isTTY ? process.stdout.columns : undefined;
}
