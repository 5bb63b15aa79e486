import type { TableModel } from './model.js';
import { oneLine } from './text.js';

/**
 * A GitHub-flavoured Markdown table. Cells keep every character of their text, but
 * nothing in them can break the row (`|` is escaped, a line break becomes `<br>`)
 * and no control character from the inputs passes (it is shown as a symbol).
 */
export function renderMarkdown(t: TableModel): string {
  const esc = (s: string): string => oneLine(s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|'), '<br>');
  const out: string[] = [];
  if (t.title) out.push(`## ${oneLine(t.title)}`, '');
  out.push(`| ${t.columns.map((c) => esc(c.header)).join(' | ')} |`);
  out.push(`| ${t.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`);
  for (const r of t.rows) out.push(`| ${r.map(esc).join(' | ')} |`);
  if (t.notes?.length) out.push('', ...t.notes.map((n) => `- ${oneLine(n)}`));
  return `${out.join('\n')}\n`;
}
