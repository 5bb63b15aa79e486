// Memory that stays flat however large the corpus. What a coding pass keeps is small and
// does not grow (20–30 MB live after 10 MB or 200 MB of input), but V8 lets garbage that
// outlived a young-generation collection pile up in the old generation until a limit it
// sets at up to four times what the last full collection left live. On one thread little
// garbage gets that far; the main thread of `--jobs 2` (which also takes the workers'
// results) let its heap reach 125 MB with 30 MB live, and peak memory at 200 MB of input
// was 261–284 MB. So a long pass tells V8 to grow the heap by at most HEAP_GROWING_PERCENT
// past the live size before it collects: its own collections then come often and stay
// short (the live set is small), and the heap stays near what is live.
//
// An earlier version forced a full collection (`gc()`) every 8 MB read. The same peak,
// but a forced collection also throws away the pass's optimized code, which V8 then
// compiles again: 20–35% of a run's time at 50–200 MB, for 140 ms of collecting.

import { setFlagsFromString } from 'node:v8';

/** How far past the live heap V8 may let the heap grow before a full collection. */
export const HEAP_GROWING_PERCENT = 30;

let kept = false;

/**
 * Caps the heap's growth past what is live, for the whole process and the threads it
 * starts (the CLI does; a program using qcode as a library keeps its own runtime's habits
 * unless it calls this). Returns whether the runtime took the setting.
 */
export function keepHeapSmall(): boolean {
  if (kept) return true;
  try {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    kept = true;
  } catch {
    // A runtime that refuses the flag keeps its own growth: slower to collect, never wrong.
  }
  return kept;
}
