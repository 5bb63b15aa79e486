import { writeAtomic } from '../io/output.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/md.js';
import type { Format, TableModel } from '../render/model.js';
import { renderTable } from '../render/table.js';

/** What a command hands over: its tables, its CSV, and its JSON document, each built only if asked for. */
export interface Views {
  tables: () => TableModel[];
  csv: () => string;
  json: () => unknown;
}

/** Renders the chosen format to stdout, or to `--out` as one whole file. */
export async function emit(views: Views, opts: { format: Format; out?: string; color: boolean }): Promise<void> {
  const text = render(views, opts);
  if (opts.out) await writeAtomic(opts.out, text);
  else process.stdout.write(text);
}

function render(views: Views, opts: { format: Format; out?: string; color: boolean }): string {
  switch (opts.format) {
    case 'csv':
      return views.csv();
    case 'json':
      return renderJson(views.json());
    case 'md':
      return views.tables().map(renderMarkdown).join('\n');
    case 'table': {
      const style = { color: useColor(opts), width: terminalWidth() };
      return views.tables().map((t) => renderTable(t, style)).join('\n');
    }
  }
}

/** Colour only for a terminal, and never when NO_COLOR or --no-color says no. */
export function useColor(opts: { color: boolean; out?: string }): boolean {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return opts.color && !noColor && !opts.out && Boolean(process.stdout.isTTY);
}

/** The terminal's width for tables, when stdout is one. */
function terminalWidth(): number | undefined {
  return process.stdout.isTTY ? process.stdout.columns : undefined;
}
