
/**
 * Characters one column wide whatever the terminal: printable ASCII and what tables
 * draw with (dashes, quotes, …, arrows, box drawing, blocks). Most cells hold only
 * these; string-width's first call alone costs a tenth of a second.
 */
const NARROW = /^[\x20-\x7E\u2013\u2014\u2018-\u201D\u2026\u2190-\u2193\u2500-\u259F]*$/;

let wideWidth: ((s: string) => number) | undefined;

/**
 * Loads string-width, for cells with other characters. Loading it costs 50 ms, so a run
 * that prints no terminal table (CSV, JSON, Markdown, a file) never does: whatever
 * draws a terminal table awaits this first.
 */
export async function prepareWidths(): Promise<void> {
  wideWidth ??= (await import('string-width')).default;
}

/** Width in terminal columns: wide (CJK, emoji) characters take two, marks none. */
export function displayWidth(s: string): number {
  if (NARROW.test(s)) return s.length;
  if (!wideWidth) throw new Error('terminal widths asked for before prepareWidths()');
  return wideWidth(s);
}

export function pad(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? fill + s : s + fill;
}

// Made when first needed: creating a segmenter loads ICU's break rules (~30 ms), which a
// run that truncates nothing never needs.
let graphemes: Intl.Segmenter | undefined;

/** At most `width` columns, ending in … when cut; never splits a character or an emoji sequence. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let used = 0;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(s)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

// C0 controls, DEL and C1 controls: an input's ESC, BEL or backspace must not reach a
// terminal (it could recolour, move the cursor, retitle the window or hide text).
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/**
 * Control characters made visible: C0 as their Unicode control pictures (ESC → ␛,
 * NUL → ␀, BEL → ␇), DEL as ␡, C1 as ␦. What the input said stays readable; nothing acts.
 */
export function visibleControls(s: string): string {
  return s.replace(CONTROL, (ch) => {
    const c = ch.charCodeAt(0);
    return c < 0x20 ? String.fromCharCode(0x2400 + c) : c === 0x7f ? '\u2421' : '\u2426';
  });
}

/** Text for stderr (warnings, errors): its own line breaks kept, every other control character made visible. */
export function visibleLines(s: string): string {
  return s.split('\n').map(visibleControls).join('\n');
}

/** One line of text for a table cell, title or note: line breaks and tabs become spaces, other controls symbols. */
export function oneLine(s: string, lineBreak = ' '): string {
  return visibleControls(s.replace(LINE_BREAK, lineBreak).replace(/\t/g, ' '));
}

/** `0.857` → `85.7%`; null → `–` (undefined statistics are shown, never invented). */
export function percent(x: number | null, digits = 1): string {
  return x === null ? '–' : `${(x * 100).toFixed(digits)}%`;
}

export function fixed(x: number | null, digits = 3): string {
  return x === null ? '–' : x.toFixed(digits);
}

/** A bar of `width` cells for a share in 0..1, in eighths for a smooth edge. */
export function bar(share: number | null, width = 20): string {
  if (share === null) return '';
  const eighths = Math.round(Math.max(0, Math.min(1, share)) * width * 8);
  const full = Math.floor(eighths / 8);
  const rest = eighths % 8;
  return '█'.repeat(full) + (rest ? '▏▎▍▌▋▊▉'[rest - 1] : '');
}

/** `1 transcript`, `7 transcripts`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
