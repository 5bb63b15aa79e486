// One reading of the clock times that transcripts carry, whatever tool wrote them:
// `00:12:31`, `[12:31]`, `1:02:05`, `00:00:01.500`, `00:00:01,500` (SubRip),
// `#00:00:06-8#` (f4transkript/MAXQDA: tenths after the dash), `(00:09)` (Rev).

const CLOCK = /^[[(#]?\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3})|-(\d))?\s*[\])#]?$/;

/** Seconds (millisecond precision) of a clock time as written, or undefined if it is not one. */
export function parseClock(written: string): number | undefined {
  const m = CLOCK.exec(written.trim());
  if (!m) return undefined;
  const [, h, min, sec, frac, tenths] = m;
  const minutes = Number(min);
  const seconds = Number(sec);
  if (seconds > 59 || (h !== undefined && minutes > 59)) return undefined;
  const fraction = frac !== undefined ? Number(frac.padEnd(3, '0')) / 1000 : tenths !== undefined ? Number(tenths) / 10 : 0;
  const total = Number(h ?? 0) * 3600 + minutes * 60 + seconds + fraction;
  return Math.round(total * 1000) / 1000;
}
