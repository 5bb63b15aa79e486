// Code ids from the names other tools give codes. An id must be `[a-z][a-z0-9_-]*` and
// unique among its siblings; the same name must always give the same id, so a codebook
// imported twice is the same file.

import { createHash } from 'node:crypto';

const MAX_ID = 40;

/** `1. Oltás típusa` → `c1_oltas_tipusa`; a name with no Latin letters → `code_` + a hash of it. */
export function idFromName(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  let id = ascii.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (id === '') return `code_${createHash('sha1').update(name, 'utf8').digest('hex').slice(0, 8)}`;
  if (!/^[a-z]/.test(id)) id = `c${id}`;
  if (id.length > MAX_ID) id = id.slice(0, MAX_ID).replace(/_[^_]*$/, '') || id.slice(0, MAX_ID);
  return id.replace(/_+$/, '');
}

/** Hands out ids among one set of siblings: a repeated id gets `_2`, `_3`… in order of arrival. */
export class SiblingIds {
  private readonly taken = new Set<string>();

  claim(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.taken.has(id); n++) id = `${wanted}_${n}`;
    this.taken.add(id);
    return id;
  }
}
