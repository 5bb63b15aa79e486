// A long coding pass asks for a full collection every few megabytes it reads, so peak
// memory does not grow with the corpus (the bench shows the figures; here, that the
// collection happens, and only once enough has been read).
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { afterReading, COLLECT_EVERY, collectionInterval, keepHeapSmall } from '../../src/study/heap.js';

/** Resolves true at the next full collection, false if none comes within `ms`. */
function nextMajorCollection(ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(false);
    }, ms);
    const observer = new PerformanceObserver((list) => {
      const major = list.getEntries().some((e) => (e.detail as { kind?: number } | undefined)?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
      if (!major) return;
      clearTimeout(timer);
      observer.disconnect();
      resolve(true);
    });
    observer.observe({ entryTypes: ['gc'] });
  });
}

describe('keeping the heap small', () => {
  it('collects once a pass has read enough since the last collection, and not before', async () => {
    keepHeapSmall();
    const seen = nextMajorCollection(5000);
    // Whatever other tests in this process have read, this reaches the mark.
    expect(afterReading(collectionInterval())).toBe(true);
    expect(await seen).toBe(true);
    // The next collection waits for the larger of 8 MB and a quarter of the live heap.
    const next = collectionInterval();
    expect(next).toBeGreaterThanOrEqual(COLLECT_EVERY);
    expect(afterReading(next - 1)).toBe(false);
    expect(afterReading(1)).toBe(true);
  });
});
