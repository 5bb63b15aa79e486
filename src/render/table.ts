import { Chalk } from 'chalk';
import type { Column, TableModel } from './model.js';
import { displayWidth, oneLine, pad, truncate } from './text.js';

export interface TableStyle {
  color: boolean;
  /** Terminal columns: the table is fitted to them. Unknown (not a terminal): free text is cut at FLEX_MAX. */
  width?: number;
}

/** Below this a free-text column says too little to be worth a line; it is left out instead. */
const FLEX_MIN = 24;
const FLEX_MAX = 72;
/** Other text columns are shortened no further than this, after free text has gone. */
const TEXT_MIN = 10;
const GAP = 2;

/** A plain aligned table for the terminal; colour only marks headers and notes. */
export function renderTable(model: TableModel, style: TableStyle): string {
  const c = new Chalk({ level: style.color ? 1 : 0 });
  const t = fitTable(terminalSafe(model), style.width);
  const widths = naturalWidths(t);
  const line = (cells: string[]): string =>
    cells.map((cell, i) => pad(cell, widths[i]!, t.columns[i]!.align)).join(' '.repeat(GAP)).trimEnd();
  const out: string[] = [];
  if (t.title) out.push(c.bold(t.title), '');
  // A table with no rows is its title and notes: a header over nothing reads as a broken table.
  if (t.rows.length > 0) {
    out.push(c.bold(line(t.columns.map((col) => col.header))));
    out.push(c.dim(widths.map((w) => '─'.repeat(w)).join(' '.repeat(GAP))));
  }
  for (const r of t.rows) out.push(line(r));
  for (const n of t.notes ?? []) out.push(c.dim(n));
  return `${out.join('\n')}\n`;
}

/**
 * Every string from the inputs on one line with its control characters made
 * visible, so a speaker label holding an escape sequence cannot reach the terminal.
 * Free text also has its runs of white space collapsed.
 */
function terminalSafe(t: TableModel): TableModel {
  const safe = {
    ...t,
    columns: t.columns.map((col) => ({ ...col, header: oneLine(col.header) })),
    rows: t.rows.map((r) => r.map((cell, i) => {
      const text = oneLine(cell ?? '');
      return t.columns[i]?.flex ? text.replace(/\s+/g, ' ').trim() : text;
    })),
    notes: (t.notes ?? []).map((n) => oneLine(n)),
  };
  return t.title === undefined ? safe : { ...safe, title: oneLine(t.title) };
}

function naturalWidths(t: TableModel): number[] {
  return t.columns.map((col, i) => Math.max(displayWidth(col.header), ...t.rows.map((r) => displayWidth(r[i] ?? ''))));
}

const tableWidth = (widths: number[]): number => widths.reduce((a, b) => a + b, 0) + GAP * Math.max(0, widths.length - 1);

/**
 * Fits the table to the terminal, so no row wraps: free-text columns share what the
 * other columns leave them; when that is under FLEX_MIN they are left out (a note
 * says so); then the widest text columns are shortened with … down to TEXT_MIN.
 * Numbers are never cut. Only the terminal table does this: csv, md and json keep
 * every character.
 */
function fitTable(t: TableModel, width: number | undefined): TableModel {
  const flex = t.columns.map((col, i) => (col.flex ? i : -1)).filter((i) => i >= 0);
  if (!width) return cutColumns(t, new Map(flex.map((i) => [i, FLEX_MAX])));
  const natural = naturalWidths(t);
  if (tableWidth(natural) <= width) return t;
  let fitted = t;
  if (flex.length > 0) {
    const others = tableWidth(natural.filter((_, i) => !flex.includes(i))) + GAP * flex.length;
    const room = Math.floor((width - others - GAP * (flex.length - 1)) / flex.length);
    fitted = room >= FLEX_MIN ? cutColumns(t, new Map(flex.map((i) => [i, room]))) : dropColumns(t, flex, width);
  }
  return shrinkText(fitted, width);
}

function cutColumns(t: TableModel, limits: Map<number, number>): TableModel {
  const cut = (cell: string, i: number): string => {
    const limit = limits.get(i);
    return limit === undefined ? cell : truncate(cell, limit);
  };
  return {
    ...t,
    columns: t.columns.map((col, i) => ({ ...col, header: cut(col.header, i) })),
    rows: t.rows.map((r) => r.map(cut)),
  };
}

function dropColumns(t: TableModel, drop: number[], width: number): TableModel {
  const keep = (_: unknown, i: number): boolean => !drop.includes(i);
  const names = drop.map((i) => t.columns[i]!.header).join(', ');
  return {
    ...t,
    columns: t.columns.filter(keep),
    rows: t.rows.map((r) => r.filter(keep)),
    notes: [...(t.notes ?? []), `(${names} left out to fit ${width} columns; --format md or csv shows every column)`],
  };
}

/** Shortens the widest left-aligned (text) columns one column at a time until the table fits. */
function shrinkText(t: TableModel, width: number): TableModel {
  const widths = naturalWidths(t);
  const isText = (col: Column): boolean => col.align !== 'right';
  const limits = new Map<number, number>();
  while (tableWidth(widths) > width) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (isText(t.columns[i]!) && w > TEXT_MIN && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest] = widths[widest]! - 1;
    limits.set(widest, widths[widest]!);
  }
  return limits.size === 0 ? t : cutColumns(t, limits);
}
