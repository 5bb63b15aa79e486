import { once } from 'node:events';
import { extname } from 'node:path';
import type { WriteStream } from 'node:tty';
import { createSupportsColor } from 'supports-color';
import { checkOutputPath, writeOutput } from '../io/output.js';
import { countCsvRecords } from '../render/csv.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/md.js';
import type { Format, TableModel } from '../render/model.js';
import { renderTable, type TableStyle } from '../render/table.js';
import { plural, prepareWidths } from '../render/text.js';

/** What a command hands over: its tables, its CSV, and its JSON document, each built only if asked for. */
export type Views = {
  tables: () => TableModel[];
  /** The CSV, whole or in pieces of whole records (a corpus, printed as it is read back). */
  csv: () => Printed;
} & (
  | { json: () => unknown }
  /** The JSON document's text in pieces, for one too large to build whole. */
  | { jsonText: () => Iterable<string> }
);

/** What a format prints: one string, or pieces of it. */
type Printed = string | Iterable<string>;

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
    await printToStdout(render(views, format, { color: useColor(opts), width: terminalWidth() }));
    return;
  }
  const target = await checkOutputPath(opts.out, opts.reads);
  const format = opts.format ?? formatForPath(opts.out);
  if (format === 'table') await prepareWidths();
  const tally = new Tally(format === 'csv');
  await writeOutput(target, tally.through(render(views, format, { color: false })));
  if (!opts.quiet) process.stderr.write(`qcode: wrote ${opts.out} (${format === 'csv' ? plural(tally.rows(), 'row') : plural(tally.bytes, 'byte')})\n`);
}

async function printToStdout(printed: Printed): Promise<void> {
  if (typeof printed === 'string') {
    process.stdout.write(printed);
    return;
  }
  // Piece by piece, waiting whenever the reader is behind: the pieces are never all in memory.
  for (const piece of printed) if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
}

/** The bytes and CSV records of what passes through, for the line that says what was written. */
class Tally {
  bytes = 0;
  private records = 0;

  constructor(private readonly csv: boolean) {}

  rows(): number {
    return Math.max(0, this.records - 1);
  }

  *through(printed: Printed): Generator<string> {
    for (const piece of typeof printed === 'string' ? [printed] : printed) {
      this.bytes += Buffer.byteLength(piece);
      // Pieces are whole records, so each is counted on its own (the header is one of them).
      if (this.csv) this.records += countCsvRecords(piece);
      yield piece;
    }
  }
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

function render(views: Views, format: Format, style: TableStyle): Printed {
  switch (format) {
    case 'csv':
      return views.csv();
    case 'json':
      return 'jsonText' in views ? views.jsonText() : renderJson(views.json());
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
