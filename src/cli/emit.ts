import { extname } from 'node:path';
import type { WriteStream } from 'node:tty';
import { createSupportsColor } from 'supports-color';
import { checkOutputPath, writeOutput } from '../io/output.js';
import { countCsvRows } from '../render/csv.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/md.js';
import type { Format, TableModel } from '../render/model.js';
import { renderTable, type TableStyle } from '../render/table.js';
import { plural, prepareWidths } from '../render/text.js';

/** What a command hands over: its tables, its CSV, and its JSON document, each built only if asked for. */
export interface Views {
  tables: () => TableModel[];
  csv: () => string;
  json: () => unknown;
}

export interface EmitOptions {
  /** Given explicitly; otherwise `--out`'s extension decides, and stdout gets a table. */
  format?: Format;
  out?: string;
  color: boolean;
  quiet?: boolean;
  /**
   * Every file and folder the command reads (inputs, codebook, config, attribute
   * sheet, codings): `--out` may not be one of them, nor lie inside one of the folders.
   */
  reads: readonly string[];
}

/**
 * Renders the chosen format to stdout, or to `--out` as one whole file, after
 * checking (before anything is rendered) that `--out` is none of what the command reads.
 */
export async function emit(views: Views, opts: EmitOptions): Promise<void> {
  if (!opts.out) {
    const format = opts.format ?? 'table';
    if (format === 'table') await prepareWidths();
    const text = render(views, format, { color: useColor(opts), width: terminalWidth() });
    process.stdout.write(text);
    return;
  }
  const target = await checkOutputPath(opts.out, opts.reads);
  const format = opts.format ?? formatForPath(opts.out);
  if (format === 'table') await prepareWidths();
  const text = render(views, format, { color: false });
  await writeOutput(target, text);
  if (!opts.quiet) process.stderr.write(`qcode: wrote ${opts.out} (${written(format, text)})\n`);
}

/** `.csv`, `.json`, `.md` choose their format; any other name gets the terminal table as text. */
export function formatForPath(path: string): Format {
  switch (extname(path).toLowerCase()) {
    case '.csv':
      return 'csv';
    case '.json':
      return 'json';
    case '.md':
    case '.markdown':
      return 'md';
    default:
      return 'table';
  }
}

function written(format: Format, text: string): string {
  return format === 'csv' ? plural(countCsvRows(text), 'row') : plural(Buffer.byteLength(text), 'byte');
}

function render(views: Views, format: Format, style: TableStyle): string {
  switch (format) {
    case 'csv':
      return views.csv();
    case 'json':
      return renderJson(views.json());
    case 'md':
      return views.tables().map(renderMarkdown).join('\n');
    case 'table':
      return views.tables().map((t) => renderTable(t, style)).join('\n');
  }
}

/**
 * Colour when stdout is a terminal or FORCE_COLOR asks for it (as supports-color
 * reads it); never with NO_COLOR set, --no-color, or when writing --out.
 */
export function useColor(opts: { color: boolean; out?: string }, stream: { isTTY?: boolean } = process.stdout): boolean {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  if (!opts.color || noColor || opts.out) return false;
  return createSupportsColor({ isTTY: Boolean(stream.isTTY) } as WriteStream, { sniffFlags: false }) !== false;
}

/** The terminal's width for tables, when stdout is one that knows its width. */
function terminalWidth(): number | undefined {
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined;
}
