// Memory that stays flat however large the corpus. What a coding pass keeps is small and
// does not grow (about 20 MB live after 10 MB or 50 MB of input), but V8 lets garbage
// that outlived a young-generation collection pile up in the old generation until a
// limit it raises as it goes: one run held 137 MB of heap, 34 MB of it live, before its
// first full collection, and peak memory at 200 MB of input was 1.7 times that at 10 MB
// (234 MB against 136). So a long pass asks for a full collection after every 8 MB it
// reads: 20-30 ms each (the live set is small), about 1.5% of the pass, and peak memory
// at 200 MB fell to 156 MB, 1.15 times that at 10 MB.

import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Characters of transcript read between full collections. */
export const COLLECT_EVERY = 8 * 1024 * 1024;

let wanted = false;
let collect: (() => void) | null | undefined;
let sinceCollected = 0;
let interval = COLLECT_EVERY;

/**
 * Turns the collections on for this thread (the CLI and its worker threads do; a program
 * using qcode as a library keeps its own runtime's habits).
 */
export function keepHeapSmall(): void {
  wanted = true;
}

/**
 * Counts what was just read, and collects when enough has been read since the last time;
 * whether it collected.
 */
export function afterReading(chars: number): boolean {
  if (!wanted) return false;
  sinceCollected += chars;
  if (sinceCollected < interval) return false;
  sinceCollected = 0;
  collect ??= collector();
  if (!collect) return false;
  collect();
  // A command that keeps what it codes (`code`, `quotes`) has a live heap that grows with
  // the corpus, and a full collection takes longer the more is live: the next one waits
  // until a quarter of that much has been read, so collections stay a bounded share of
  // the pass (a counting pass keeps ~20 MB live and collects every 8 MB).
  interval = Math.max(COLLECT_EVERY, getHeapStatistics().used_heap_size / 4);
  return true;
}

/** Characters to read before the next collection. */
export function collectionInterval(): number {
  return interval;
}

/**
 * The runtime's full collection; null (and no collections) if it will not hand it out.
 * The flag exposes `gc` to contexts made after it is set, so a fresh context hands it
 * over without starting node with --expose-gc (jest's leak detector does the same).
 */
function collector(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
