// NVivo's transcript table, exported as tab-separated text: a header row naming
// `Timespan`, `Content` and `Speaker` (in any order), then one row per piece of speech
// with its span (`0:00.0 - 0:12.5`).

import { QcodeError } from '../../errors.js';
import type { Transcript, UnreadLine, Warning } from '../../types.js';
import { transcriptFromTurns } from '../fromturns.js';
import { parseClock } from '../time.js';
import { openSource, turnBuilder, type LayoutOptions } from './source.js';

/** Used for rows before any row names a speaker, so no words are lost. */
const UNKNOWN_SPEAKER = 'Unknown';

const cellsOf = (line: string): string[] => line.split('\t').map((c) => c.trim().replace(/^"(.*)"$/s, '$1').replace(/""/g, '"').trim());

export function parseNvivo(raw: string, opts: LayoutOptions): Transcript {
  const src = openSource(raw, opts);
  const rows = src.lines.filter((l) => l.text !== '');
  const head = rows[0];
  if (!head) throw new QcodeError('the NVivo table has no header row', { file: opts.source });
  const header = cellsOf(head.text).map((c) => c.toLowerCase());
  const col = { span: header.indexOf('timespan'), content: header.indexOf('content'), speaker: header.indexOf('speaker') };
  if (col.content < 0) throw new QcodeError('the NVivo table has no "Content" column', { file: opts.source, line: head.number, col: 1 });

  const b = turnBuilder();
  const unread: UnreadLine[] = [];
  const warnings: Warning[] = [];
  for (const row of rows.slice(1)) {
    const cells = cellsOf(row.text);
    const words = cells[col.content] ?? '';
    const speaker = (col.speaker >= 0 ? cells[col.speaker] : '') || b.turns[b.turns.length - 1]?.speaker || UNKNOWN_SPEAKER;
    if (words === '') {
      if (cells.some((c) => c !== '')) unread.push({ line: row.number, kind: 'dropped', text: row.text });
      continue;
    }
    const start = col.span >= 0 ? (cells[col.span] ?? '').split(/\s+-\s+|\s*–\s*/)[0]?.trim() : undefined;
    const time = start ? parseClock(start) : undefined;
    b.start(speaker, row.number, start || undefined, time);
    b.words(words);
  }
  if (b.turns.some((t) => t.speaker === UNKNOWN_SPEAKER)) {
    warnings.push({ file: opts.source, message: `rows with no speaker are kept under the speaker "${UNKNOWN_SPEAKER}"` });
  }
  return transcriptFromTurns(src.id, src.attributes, b.turns, { source: opts.source, format: opts.format, layout: 'nvivo', interviewers: opts.interviewers, warnings, unread });
}
