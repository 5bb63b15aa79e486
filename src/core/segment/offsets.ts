// Offsets in qcode count code points, but JS strings index UTF-16 code
// units. Readers and the segmenter work in UTF-16 and convert once through an
// OffsetMap; most transcripts have no astral characters, so that case costs nothing.

const SURROGATE = /[\uD800-\uDFFF]/;

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** How many of the sorted numbers in `xs` are less than `x`. */
function countLess(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Converts between UTF-16 indices and code point offsets of one text, in either
 * direction, in O(log k) for k astral characters (O(1) when there are none).
 */
export class OffsetMap {
  readonly text: string;
  /** UTF-16 index of the high half of each surrogate pair, ascending. */
  private readonly pairUnits: number[] = [];
  /** Code point offset of each of those pairs, ascending. */
  private readonly pairPoints: number[] = [];

  constructor(text: string) {
    this.text = text;
    if (!SURROGATE.test(text)) return;
    for (let i = 0; i + 1 < text.length; i++) {
      if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
        this.pairPoints.push(i - this.pairUnits.length);
        this.pairUnits.push(i);
        i++;
      }
    }
  }

  /** True when UTF-16 indices and code point offsets coincide. */
  get identity(): boolean {
    return this.pairUnits.length === 0;
  }

  /** Code point offset of UTF-16 index `u`. */
  toCodePoint(u: number): number {
    if (this.pairUnits.length === 0) return u;
    // Each pair wholly before u contributes one surplus code unit.
    return u - countLess(this.pairUnits, u - 1);
  }

  /** UTF-16 index of code point offset `cp`. */
  toUtf16(cp: number): number {
    if (this.pairPoints.length === 0) return cp;
    return cp + countLess(this.pairPoints, cp);
  }

  /** The text between two code point offsets, end exclusive. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }

  /** Length of the text in code points. */
  get length(): number {
    return this.text.length - this.pairUnits.length;
  }
}

/** `text` sliced at code point offsets [start, end). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return new OffsetMap(text).slice(start, end);
}
