import { ancestry, type Code } from '../codebook/model.js';
import type { CodeId, Coding } from '../types.js';

/**
 * For each code, which segments and which transcripts carry it or a descendant: a
 * segment coded with a code also counts for every ancestor. A code the codebook does
 * not have (a typo in a human coding, an older codebook) counts nowhere: the study
 * layer names its row in a warning, the same in every command.
 */
export interface CodeHits {
  segments: Map<CodeId, Set<string>>;
  cases: Map<CodeId, Set<string>>;
}

/** Each codebook's chains, worked out once: a streaming count rolls up every transcript. */
const chainsByCodes = new WeakMap<Code[], Map<CodeId, CodeId[]>>();

function chainsOf(codes: Code[]): Map<CodeId, CodeId[]> {
  let chains = chainsByCodes.get(codes);
  if (!chains) chainsByCodes.set(codes, (chains = ancestry(codes)));
  return chains;
}

export function rollUp(codes: Code[], codings: Iterable<Coding>, hits: CodeHits = emptyHits()): CodeHits {
  const chains = chainsOf(codes);
  for (const c of codings) {
    for (const id of chains.get(c.code) ?? []) {
      add(hits.segments, id, c.segment);
      add(hits.cases, id, c.transcript);
    }
  }
  return hits;
}

export function emptyHits(): CodeHits {
  return { segments: new Map(), cases: new Map() };
}

function add(map: Map<CodeId, Set<string>>, key: CodeId, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
