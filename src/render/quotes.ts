// Quotes for a reader: on a terminal a block per quote with the evidence in bold
// colour; in Markdown a table with **evidence**; CSV one row per quote; JSON with
// the evidence as code-point spans.

import { Chalk } from 'chalk';
import type { CodebookRef } from '../core/aggregate/freq.js';
import type { Excerpt } from '../core/aggregate/quotes.js';
import type { Unit } from '../core/types.js';
import type { ContextTurn, Quote, QuoteGroup, QuotesResult } from '../study/quotes.js';
import { renderCsv } from './csv.js';
import type { TableModel } from './model.js';
import { oneLine, plural } from './text.js';

/** `754.5` → `00:12:34`: how a researcher finds the moment in the recording. */
export function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}

/** The excerpt as one line, marks wrapped by `mark`, cuts shown with …. */
export function excerptText(e: Excerpt, mark: (s: string) => string = (s) => s): string {
  const body = e.parts.map((p) => (p.mark ? mark(oneLine(p.text)) : oneLine(p.text))).join('').replace(/\s+/g, ' ');
  return `${e.cut_start ? '… ' : ''}${body}${e.cut_end ? ' …' : ''}`;
}

/**
 * The excerpt with at most about `lead` characters before its first mark (cut at a word),
 * for a narrow column that cuts what does not fit at its end: the marked words stay in
 * view. Layout only: the words shown are the excerpt's own.
 */
export function leadingUpTo(e: Excerpt, lead: number): Excerpt {
  const [first, ...rest] = e.parts;
  if (!first || first.mark || !rest.some((p) => p.mark) || first.text.length <= lead) return e;
  const from = first.text.length - lead;
  const space = first.text.indexOf(' ', from);
  const kept = space < 0 ? '' : first.text.slice(space + 1);
  return { ...e, parts: [{ text: kept, mark: false }, ...rest], cut_start: true };
}

export function groupHeading(g: QuoteGroup, shown: number): string {
  const of = shown < g.total ? `, showing ${shown}` : '';
  return `${g.code} — ${g.label}: ${plural(g.total, 'segment')} in ${g.cases} of ${plural(g.case_total, 'case')}${of}`;
}

function place(q: Quote | ContextTurn, transcript?: string): string {
  return [transcript, q.segment, q.speaker, q.time !== undefined ? clock(q.time) : undefined].filter((x) => x !== undefined).join(' · ');
}

export interface QuotesTextStyle {
  color: boolean;
  /** Terminal columns, for wrapping. */
  width?: number;
}

/** The terminal view: a heading per code, then each quote with its place and any context, wrapped. */
export function quotesText(r: QuotesResult, style: QuotesTextStyle): string {
  const c = new Chalk({ level: style.color ? 1 : 0 });
  const width = Math.max(40, Math.min(style.width ?? 100, 100));
  const mark = style.color ? (s: string): string => c.bold.yellow(s) : (s: string): string => `**${s}**`;
  const out: string[] = [];
  for (const g of r.groups) {
    const quotes = r.quotes.filter((q) => q.code === g.code);
    out.push(c.bold(oneLine(groupHeading(g, quotes.length))), '');
    if (quotes.length === 0) out.push(c.dim('  (no coded segment)'), '');
    for (const q of quotes) {
      out.push(c.dim(oneLine(place(q, q.transcript) + (q.coded.length > 1 || q.coded[0] !== q.code ? ` · ${q.coded.join(', ')}` : ''))));
      for (const t of q.context?.before ?? []) out.push(...wrap(c.dim(`${oneLine(t.speaker)}: `) + c.dim(excerptText(t.excerpt)), width));
      out.push(...wrap(`${c.bold(oneLine(q.speaker))}: ${excerptText(q.excerpt, mark)}`, width));
      for (const t of q.context?.after ?? []) out.push(...wrap(c.dim(`${oneLine(t.speaker)}: `) + c.dim(excerptText(t.excerpt)), width));
      out.push('');
    }
  }
  if (r.where.length > 0) out.push(c.dim(`cases where ${r.where.join(', ')}`));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** Wraps at spaces to `width` visible columns, each line indented two spaces; colour codes take no room. */
function wrap(text: string, width: number): string[] {
  const visible = (s: string): number => Array.from(s.replace(/\u001b\[[0-9;]*m/g, '')).length;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && visible(line) + 1 + visible(word) > width - 2) {
      lines.push(`  ${line}`);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(`  ${line}`);
  return lines;
}

/** Markdown and `--out` text: one table per code, the evidence in **bold**. */
export function quotesTables(r: QuotesResult): TableModel[] {
  return r.groups.map((g) => {
    const quotes = r.quotes.filter((q) => q.code === g.code);
    const withContext = quotes.some((q) => q.context);
    return {
      title: groupHeading(g, quotes.length),
      columns: [
        { header: 'case' }, { header: 'segment' }, { header: 'speaker' }, { header: 'time' },
        ...(withContext ? [{ header: 'before', flex: true }] : []),
        { header: 'quote', flex: true },
        ...(withContext ? [{ header: 'after', flex: true }] : []),
      ],
      rows: quotes.map((q) => [
        q.transcript, q.segment, q.speaker, q.time !== undefined ? clock(q.time) : '',
        ...(withContext ? [turns(q.context?.before ?? [])] : []),
        excerptText(q.excerpt, (s) => `**${s}**`),
        ...(withContext ? [turns(q.context?.after ?? [])] : []),
      ]),
      notes: r.where.length > 0 ? [`cases where ${r.where.join(', ')}`] : [],
    };
  });
}

function turns(list: ContextTurn[]): string {
  return list.map((t) => `${t.speaker}: ${excerptText(t.excerpt)}`).join(' / ');
}

export function quotesCsv(r: QuotesResult): string {
  const header = ['code', 'transcript', 'segment', 'speaker', 'time', 'start', 'end', 'coded', 'evidence', 'question', 'text'];
  return renderCsv(header, r.quotes.map((q) => [
    q.code, q.transcript, q.segment, q.speaker, q.time, q.start, q.end, q.coded.join('|'),
    [...new Set(q.evidence.map((e) => e.text))].join('|'), q.question?.text ?? '', q.text,
  ]));
}

/** `qcode quotes --format json`. */
export interface QuotesJson {
  qcode: string;
  codebook: CodebookRef;
  unit: Unit;
  coder: string;
  /** The code asked for (several: joined with `,`). */
  code: string;
  /** Per code asked: how many segments and cases carry it. */
  codes: QuoteGroup[];
  where: string[];
  quotes: Quote[];
}

export function quotesJson(r: QuotesResult, version: string): QuotesJson {
  return {
    qcode: version, codebook: r.codebook, unit: r.unit, coder: r.coder,
    code: r.groups.map((g) => g.code).join(','), codes: r.groups, where: r.where, quotes: r.quotes,
  };
}
