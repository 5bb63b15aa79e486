// Cue timing lines of WebVTT and SubRip. A timing line that a browser would reject
// but that is still plainly a timing (`->`, a comma or dot in the wrong place, a
// missing hour or millisecond field) is read with a warning, because rejecting it
// would silently drop the cue's words; one that cannot be read at all is reported.

export interface Timing {
  /** The start time as written. */
  start: string;
  /** The start in seconds. */
  time: number;
}

export type TimingRead =
  | { kind: 'ok'; timing: Timing }
  | { kind: 'loose'; timing: Timing }
  | { kind: 'bad' };

// WebVTT: `[h+:]mm:ss.mmm`; the separators may be space, tab or form feed; settings
// may follow the end time directly, but not another digit.
const VTT_TIME = String.raw`(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})`;
const VTT_TIMING = new RegExp(String.raw`^[ \t\f]*(${VTT_TIME})[ \t\f]*-->[ \t\f]*(${VTT_TIME})(?!\d)`);
// SubRip: `hh:mm:ss,mmm --> hh:mm:ss,mmm`, optionally followed by `X1:… Y2:…` positions.
const SRT_TIME = String.raw`(\d+):(\d{2}):(\d{2}),(\d{3})`;
const SRT_TIMING = new RegExp(String.raw`^\s*(${SRT_TIME})\s*-->\s*(${SRT_TIME})(?!\d)`);
// What people and tools actually write: one-digit fields, no hours, no or short
// milliseconds after `.` or `,`, and arrows `->`, `--->`, `=>`, `–>`, `—`.
const LOOSE_TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?`;
const LOOSE_TIMING = new RegExp(String.raw`^\s*(${LOOSE_TIME})\s*(?:-{1,3}>|=>|[–—]-?>?)\s*(${LOOSE_TIME})(?![\d.,:])`);
// A line that is two clock-like numbers apart, maybe with cue settings after them:
// in a timing line's place it is a timing the writer got wrong, never words. Each part
// can match in one way only, so a long hostile line cannot make the match backtrack.
const CLOCKISH = String.raw`\d{1,4}(?:[:.,;]\d{0,4}){1,3}`;
const SUSPECT_TIMING = new RegExp(String.raw`^\s*${CLOCKISH}(?:\s*[^\d\s:.,;]{1,4}\s*|\s+)${CLOCKISH}(?:\s+[^\s:]*:\S*)*\s*$`);

function seconds(h: string | undefined, m: string, s: string, ms: string | undefined): number | undefined {
  const minutes = Number(m);
  const secs = Number(s);
  if (minutes > 59 || secs > 59) return undefined;
  const frac = ms === undefined ? 0 : Number(ms.padEnd(3, '0')) / 1000;
  return Math.round((Number(h ?? 0) * 3600 + minutes * 60 + secs + frac) * 1000) / 1000;
}

function fromMatch(m: RegExpExecArray): Timing | undefined {
  const time = seconds(m[2], m[3] as string, m[4] as string, m[5]);
  const end = seconds(m[7], m[8] as string, m[9] as string, m[10]);
  return time === undefined || end === undefined ? undefined : { start: (m[1] as string).trim(), time };
}

/** Read a timing line strictly for its format, else loosely, else report it bad. */
export function readTiming(line: string, format: 'vtt' | 'srt'): TimingRead {
  const strict = (format === 'vtt' ? VTT_TIMING : SRT_TIMING).exec(line);
  const exact = strict ? fromMatch(strict) : undefined;
  if (exact) return { kind: 'ok', timing: exact };
  const loose = LOOSE_TIMING.exec(line);
  const timing = loose ? fromMatch(loose) : undefined;
  return timing ? { kind: 'loose', timing } : { kind: 'bad' };
}

/** A line that ends a cue's text and starts the next cue: it has an arrow or reads as a timing. */
export function isTimingLine(line: string): boolean {
  return line.includes('-->') || LOOSE_TIMING.test(line);
}

/** A line that, where a timing line belongs, can only be a broken timing. */
export function isTimingAttempt(line: string): boolean {
  return isTimingLine(line) || SUSPECT_TIMING.test(line);
}
