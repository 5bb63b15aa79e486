// Counting the distinct pairs of neighbouring stems in one text, for the scale of a
// model's sum (1/√ of a text's distinct features): as the pairs come, in slots kept
// between texts, with sorting as the fallback.

/** How many stem numbers there are: they fit in 26 bits, so a pair of them is one exact double. */
export const STEM_NUMBERS = 2 ** 26;

/**
 * The distinct pairs of stem numbers in one text, counted as they come: open addressing
 * over slots kept between texts, each slot stamped with the text that filled it, so no
 * text clears them. There are at least twice as many slots as the text has pairs, so
 * runs stay short; a text whose pairs pile into one long run all the same (one built to)
 * stops being counted here, and is counted by distinctPairs instead.
 */
export class PairCounter {
  private firsts = new Int32Array(1024);
  private seconds = new Int32Array(1024);
  private stamps = new Int32Array(1024);
  private stamp = 0;
  /** Pairs found new in this text so far. */
  added = 0;

  /** Starts a text of at most `n` pairs. */
  start(n: number): void {
    if (2 * n > this.stamps.length) {
      let size = this.stamps.length;
      while (size < 2 * n) size *= 2;
      this.firsts = new Int32Array(size);
      this.seconds = new Int32Array(size);
      this.stamps = new Int32Array(size);
      this.stamp = 0;
    }
    this.stamp++;
    this.added = 0;
  }

  /** Whether the pair (a, b) is new in this text; null when its run is too long to look along. */
  add(a: number, b: number): boolean | null {
    const mask = this.stamps.length - 1;
    let at = pairSlot(a, b, mask);
    for (let probe = 0; probe < MAX_PAIR_PROBES; probe++, at = (at + 1) & mask) {
      if (this.stamps[at] !== this.stamp) {
        this.stamps[at] = this.stamp;
        this.firsts[at] = a;
        this.seconds[at] = b;
        this.added++;
        return true;
      }
      if (this.firsts[at] === a && this.seconds[at] === b) return false;
    }
    return null;
  }
}
const MAX_PAIR_PROBES = 64;

/** The slot where looking for the pair (a, b) starts, in a table of `mask` + 1 slots. */
export function pairSlot(a: number, b: number, mask: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ (b >>> 7)) & mask;
}

/** The distinct pairs of neighbours among a text's stem numbers, counted by sorting. */
export function distinctPairs(numbers: readonly number[]): number {
  const keys = new Float64Array(Math.max(0, numbers.length - 1));
  for (let i = 1; i < numbers.length; i++) keys[i - 1] = numbers[i - 1]! * STEM_NUMBERS + numbers[i]!;
  keys.sort();
  let n = 0;
  for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) n++;
  return n;
}
