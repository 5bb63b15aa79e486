import { Chalk } from 'chalk';
import type { TableModel } from './model.js';
import { displayWidth, pad } from './text.js';

export interface TableStyle {
  color: boolean;
  /** Terminal columns; free-text columns shrink to fit (never below FLEX_MIN). */
  width?: number;
}

const FLEX_MIN = 24;
const FLEX_MAX = 72;

/** A plain aligned table for the terminal; colour only marks headers and notes. */
export function renderTable(model: TableModel, style: TableStyle): string {
  const c = new Chalk({ level: style.color ? 1 : 0 });
  const t = fitFlexColumns(model, style.width);
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

/**
 * Free-text columns are cut to what the terminal leaves them (or FLEX_MAX when the
 * width is unknown), so one long definition doesn't wrap every row. Only the
 * terminal table does this: csv, md and json keep every character.
 */
function fitFlexColumns(t: TableModel, width: number | undefined): TableModel {
  const flex = t.columns.map((col, i) => (col.flex ? i : -1)).filter((i) => i >= 0);
  if (flex.length === 0) return t;
  const natural = t.columns.map((col, i) => Math.max(displayWidth(col.header), ...t.rows.map((r) => displayWidth(r[i] ?? ''))));
  const fixed = natural.reduce((n, w, i) => (flex.includes(i) ? n : n + w), 0) + 2 * (t.columns.length - 1);
  const room = width ? Math.max(FLEX_MIN, Math.floor((width - fixed) / flex.length)) : FLEX_MAX;
  const cut = (s: string): string => (displayWidth(s) <= room ? s : `${truncate(s, room - 1)}…`);
  return { ...t, rows: t.rows.map((r) => r.map((cell, i) => (flex.includes(i) ? cut(cell.replace(/\s+/g, ' ')) : cell))) };
}

function truncate(s: string, width: number): string {
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width) break;
    out += ch;
  }
  return out;
}
