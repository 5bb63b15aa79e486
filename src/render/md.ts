import type { TableModel } from './model.js';

/** A GitHub-flavoured Markdown table; pipes in cells are escaped. */
export function renderMarkdown(t: TableModel): string {
  const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out: string[] = [];
  if (t.title) out.push(`## ${t.title}`, '');
  out.push(`| ${t.columns.map((c) => esc(c.header)).join(' | ')} |`);
  out.push(`| ${t.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`);
  for (const r of t.rows) out.push(`| ${r.map(esc).join(' | ')} |`);
  if (t.notes?.length) out.push('', ...t.notes.map((n) => `- ${n}`));
  return `${out.join('\n')}\n`;
}
