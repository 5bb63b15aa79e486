// Made-up lines for tests that hold a hand-written reader to the pattern it replaced:
// seeded, so a failure names a line that comes back on every run.

/** A generator of numbers in [0, 1) from `seed`, the same on every machine. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** `count` lines, each of 1 to `most` pieces drawn from `pieces`, glued together. */
export function madeUpLines(pieces: readonly string[], count: number, seed: number, most = 7): string[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => {
    let line = '';
    for (let i = 0, n = 1 + Math.floor(random() * most); i < n; i++) line += pieces[Math.floor(random() * pieces.length)];
    return line;
  });
}
