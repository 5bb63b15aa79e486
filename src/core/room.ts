// Growing the typed arrays that hot loops reuse from one text to the next: allocated once,
// and replaced only when a text needs more than they hold.

type Reused = Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

/**
 * `a` itself when it holds at least `needed` numbers; else an array twice `needed` long
 * with `a`'s first `used` numbers (the rest zero).
 */
export function withRoom<A extends Reused>(a: A, used: number, needed: number): A {
  return a.length >= needed ? a : resized(a, used, 2 * needed);
}

/** An array of `a`'s kind, `size` long, holding `a`'s first `used` numbers (the rest zero). */
export function resized<A extends Reused>(a: A, used: number, size: number): A {
  const larger = new (a.constructor as new (length: number) => A)(size);
  larger.set(a.subarray(0, used));
  return larger;
}
