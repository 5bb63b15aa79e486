// A package loaded the first time it is asked for, not when qcode starts: the YAML
// reader, jsonc-parser and re2js cost 15–45 ms each to load, and most runs need none of
// them. Loaded with require, so a caller gets it synchronously.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A function that loads package `name` on its first call and returns it on every call. */
export function whenUsed<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
