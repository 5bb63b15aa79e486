// Growing the typed arrays that hot loops reuse from one text to the next: allocated once,
// and replaced only when a text needs more than they hold.

/**
 * `a` itself when it holds at least `needed` numbers; else an array twice `needed` long
 * with `a`'s first `used` numbers (the rest zero).
 */
export function withRoom(a: Int32Array<ArrayBuffer>, used: number, needed: number): Int32Array<ArrayBuffer> {
  if (a.length >= needed) return a;
  const larger = new Int32Array(2 * needed);
  larger.set(a.subarray(0, used));
  return larger;
}
