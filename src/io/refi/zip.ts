// A .qdpx is a zip: project.qde plus the sources (`sources/<guid>.txt`, and whatever else a
// tool puts there). A small file can inflate to gigabytes, so every entry qcode will read
// is checked first, by the sizes the zip declares and by inflating each with a cap
// (io/ziplimit.ts, as for Word files); only then is it unpacked.

import { unzipSync, zipSync, strToU8 } from 'fflate';
import { stampFirstDay } from '../zip-times.js';
import { QcodeError } from '../../core/errors.js';
import { entriesOf, inflatedSize, type Entry } from '../ziplimit.js';

/** The most a project may inflate to (project.qde and its text sources): far beyond any study. */
export const QDPX_LIMIT = 512 * 1024 * 1024;

const mb = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;

/** Entries a .qdpx import reads: the project and plain-text sources. */
const wanted = (name: string): boolean => /(^|\/)project\.qde$/i.test(name) || /\.txt$/i.test(name);

function entries(zip: Buffer, file: string): Entry[] {
  try {
    return entriesOf(zip, file);
  } catch {
    throw new QcodeError('cannot read this project: it is not a zip file (a .qdpx is a zip holding project.qde), or its zip directory is damaged', { file });
  }
}

/** project.qde and the .txt sources of a .qdpx, by their path in the zip. */
export function readQdpx(bytes: Uint8Array, file: string, limit = QDPX_LIMIT): Map<string, Uint8Array> {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const list = entries(zip, file).filter((e) => wanted(e.name));
  const declared = list.reduce((n, e) => n + e.declared, 0);
  const tooBig = (why: string): QcodeError => new QcodeError(`this project ${why}, more than the ${mb(limit)} qcode reads from a .qdpx`, { file });
  if (declared > limit || list.some((e) => e.declared === 0xffffffff)) throw tooBig(`inflates to more than ${mb(limit)} by its own count`);
  for (const e of list) {
    if (inflatedSize(zip, e, e.declared) > e.declared) {
      throw new QcodeError(`this project's entry ${e.name} inflates to more than the size it declares (a damaged file, or one built to exhaust memory)`, { file });
    }
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch (e) {
    throw new QcodeError(`cannot unpack this project: ${e instanceof Error ? e.message : String(e)}`, { file });
  }
  return new Map(Object.entries(files));
}

/**
 * The .qdpx bytes: project.qde, then each source at its path. Every entry's time is the
 * zip format's first day (stampFirstDay), so the same project gives the same bytes in any
 * time zone: fflate writes a time given to it as the local time of the machine.
 */
export function writeQdpx(projectXml: string, sources: Map<string, string>): Uint8Array {
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(projectXml) };
  for (const [path, text] of sources) files[path] = strToU8(text);
  return stampFirstDay(Buffer.from(zipSync(files, { level: 6 })));
}
