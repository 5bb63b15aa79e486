// Name-based UUIDs (RFC 4122 version 5): the same name always gives the same GUID, so a
// codebook exported twice diffs cleanly and a re-export does not look like new codes.

import { createHash } from 'node:crypto';

/** qcode's own namespace for REFI-QDA GUIDs (a fixed random UUID). */
export const QCODE_NAMESPACE = '3f6c1c2e-8f4d-4a5b-9c7e-1d2b3a4c5e6f';

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

/** UUID v5 of `name` (UTF-8) in `namespace`, lower-case, hyphenated. */
export function uuidV5(name: string, namespace: string = QCODE_NAMESPACE): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
