// The screen of `qcode review`: one suggestion, with the question before it, the answer
// with the matched words highlighted, and the code's definition and exclusion. Lines
// are fitted to the terminal's width; nothing from the transcript can act on the
// terminal (control characters are made visible).

import type { Code } from '../core/codebook/model.js';
import { clockText } from '../core/sheet/layout.js';
import { codesOn, decidedCount, type ReviewState } from '../core/sheet/review.js';
import type { CodeId } from '../core/types.js';
import { displayWidth, visibleControls } from './text.js';

export interface ReviewScreen {
  state: ReviewState;
  codes: ReadonlyMap<CodeId, Code>;
  coder: string;
  width: number;
  color: boolean;
  /** A line under the keys: what just happened, or why a key did nothing. */
  message?: string;
  /** While adding a code: what has been typed so far. */
  prompt?: string;
}

const ESC = '\u001b[';
const style = (on: boolean, codes: string, s: string): string => (on ? `${ESC}${codes}m${s}${ESC}0m` : s);

export const REVIEW_KEYS = '[a]ccept  [r]eject  [c] add another code  [u]ndo  [s]kip  [q]uit';

export function renderReviewScreen(v: ReviewScreen): string {
  const width = Math.max(30, Math.min(v.width, 110));
  const out: string[] = [];
  const total = v.state.items.length;
  const done = decidedCount(v.state);
  const item = v.state.items[v.state.cursor];
  out.push(style(v.color, '1', `qcode review · ${clean(v.coder)} · ${Math.min(done + 1, total)}/${total}`) + `  (${done} decided)`);
  out.push('');
  if (!item) {
    out.push(`Every suggestion is decided (${total}/${total}). [u]ndo the last one, or [q]uit.`);
    if (v.message) out.push('', v.message);
    return `${out.join('\n')}\n`;
  }
  const where = [item.segment, item.speaker, clockText(item.time)].filter((s) => s !== '').map(clean).join(' · ');
  out.push(style(v.color, '2', where));
  if (item.question !== '') {
    out.push('');
    for (const line of wrap(`Q: ${clean(item.question)}`, width)) out.push(style(v.color, '2', line));
  }
  out.push('');
  out.push(...highlighted(`A: ${clean(item.text)}`, item.highlights.map((h) => ({ start: h.start + 3, end: h.end + 3 })), width, v.color));
  out.push('');
  const code = v.codes.get(item.code);
  out.push(`${style(v.color, '1', `Suggested: ${item.code}`)}${code ? ` — ${clean(code.label)}` : ''}`);
  if (code?.definition) out.push(...wrap(`Definition: ${clean(code.definition)}`, width, '  '));
  if (code?.include) out.push(...wrap(`Include: ${clean(code.include)}`, width, '  '));
  if (code?.exclude) out.push(...wrap(`Exclude: ${clean(code.exclude)}`, width, '  '));
  const on = codesOn(v.state, item.segment);
  if (on.length > 0) out.push(...wrap(`On this segment so far: ${on.map((c) => `${c.code} (${c.kind === 'add' ? 'added' : 'accepted'})`).join(', ')}`, width));
  out.push('');
  if (v.prompt !== undefined) {
    out.push(`Add a code (Tab completes, Enter adds, Esc cancels): ${clean(v.prompt)}_`);
    const matches = [...v.codes.keys()].filter((id) => id.startsWith(v.prompt!) || (v.prompt !== '' && id.includes(v.prompt!)));
    out.push(style(v.color, '2', matches.slice(0, 8).join('  ') + (matches.length > 8 ? `  … (${matches.length})` : '')));
  } else {
    out.push(style(v.color, '1', REVIEW_KEYS));
  }
  if (v.message) out.push(v.message);
  return `${out.join('\n')}\n`;
}

function clean(s: string): string {
  return visibleControls(s.replace(/\r\n?|\n/g, ' '));
}

/** Lines of at most `width` columns, broken at spaces (a longer word is cut). */
function lineRanges(text: string, width: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    let lastSpace = -1;
    let w = 0;
    while (end < text.length) {
      const ch = String.fromCodePoint(text.codePointAt(end)!);
      const cw = displayWidth(ch);
      if (w + cw > width) break;
      if (ch === ' ') lastSpace = end;
      w += cw;
      end += ch.length;
    }
    if (end < text.length && lastSpace > start) end = lastSpace + 1;
    if (end === start) end = start + String.fromCodePoint(text.codePointAt(start)!).length;
    out.push({ start, end });
    start = end;
  }
  return out;
}

function wrap(text: string, width: number, indent = ''): string[] {
  return lineRanges(text, width - indent.length).map((r, i) => `${i === 0 ? '' : indent}${text.slice(r.start, r.end).trimEnd()}`);
}

/** Wrapped text with the matched spans in reverse video (or «between marks» without colour). */
function highlighted(text: string, spans: { start: number; end: number }[], width: number, color: boolean): string[] {
  return lineRanges(text, width - 2).map((r) => {
    let line = '';
    let at = r.start;
    for (const s of spans) {
      const a = Math.max(s.start, r.start);
      const b = Math.min(s.end, r.end);
      if (a >= b) continue;
      line += text.slice(at, a) + (color ? `${ESC}7m${text.slice(a, b)}${ESC}27m` : `«${text.slice(a, b)}»`);
      at = b;
    }
    return (line + text.slice(at, r.end)).trimEnd();
  });
}
