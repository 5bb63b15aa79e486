import { Chalk } from 'chalk';
import type { TableModel } from './model.js';
import { displayWidth, pad } from './text.js';

export interface TableStyle {
  color: boolean;
}

/** A plain aligned table for the terminal; colour only marks headers and notes. */
export function renderTable(t: TableModel, style: TableStyle): string {
  const c = new Chalk({ level: style.color ? 1 : 0 });
  const widths = t.columns.map((col, i) => Math.max(displayWidth(col.header), ...t.rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => pad(cell, widths[i]!, t.columns[i]!.align)).join('  ').trimEnd();
  const out: string[] = [];
  if (t.title) out.push(c.bold(t.title), '');
  out.push(c.bold(line(t.columns.map((col) => col.header))));
  out.push(c.dim(widths.map((w) => '─'.repeat(w)).join('  ')));
  for (const r of t.rows) out.push(line(r));
  for (const n of t.notes ?? []) out.push(c.dim(n));
  return `${out.join('\n')}\n`;
}
