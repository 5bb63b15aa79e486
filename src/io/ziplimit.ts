// A .docx is a zip file. A tiny one can inflate to gigabytes (a "zip bomb"), and the
// Word reader would fill memory trying. Before the file reaches mammoth, this checks the
// sizes its directory declares and, by inflating with a cap on the output, the real ones.

import { inflateRawSync } from 'node:zlib';
import { QcodeError } from '../core/errors.js';

/** The most XML a Word file may inflate to: far beyond any interview, far below memory limits. */
export const DOCX_XML_LIMIT = 50 * 1024 * 1024;

export interface Entry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  localHeader: number;
}

const mb = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;

/** The central directory's entries (the list of files a zip declares). */
export function entriesOf(zip: Buffer, file: string): Entry[] {
  const broken = (): QcodeError => new QcodeError('cannot read this Word file (is it a .docx saved by Word?): the zip directory is damaged', { file });
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw broken();
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressed: zip.readUInt32LE(at + 20),
      declared: zip.readUInt32LE(at + 24),
      localHeader: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Bytes an entry really inflates to, stopping as soon as it passes `cap`. */
export function inflatedSize(zip: Buffer, e: Entry, cap: number): number {
  const h = e.localHeader;
  if (h + 30 > zip.length || zip.readUInt32LE(h) !== 0x04034b50) return 0;
  const start = h + 30 + zip.readUInt16LE(h + 26) + zip.readUInt16LE(h + 28);
  const data = zip.subarray(start, Math.min(zip.length, start + e.compressed));
  if (e.method === 0) return data.length;
  try {
    // zlib stops as soon as the output would pass the cap, so a bomb never fills memory.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap + 1) }).length;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return cap + 1;
    return 0; // damaged data: mammoth will report it
  }
}

/** Refuse a Word file whose XML inflates past `limit` bytes, by its declared or real sizes. */
export function checkDocxSize(zip: Buffer, file: string, limit = DOCX_XML_LIMIT): void {
  const xml = entriesOf(zip, file).filter((e) => /\.(xml|rels)$/i.test(e.name));
  const tooBig = (size: string): QcodeError =>
    new QcodeError(`this Word file's text inflates to ${size}, more than the ${mb(limit)} limit qcode reads from a .docx (split it, or save it as plain text)`, { file });
  const declared = xml.reduce((n, e) => n + e.declared, 0);
  if (declared > limit || xml.some((e) => e.declared === 0xffffffff)) throw tooBig(`more than ${mb(limit)} by its own count`);
  // Declared sizes are now known to fit, so inflating each part only as far as its own
  // declared size (plus one byte) tells a lying directory from an honest one, quickly.
  for (const e of xml) {
    if (inflatedSize(zip, e, e.declared) > e.declared) {
      throw new QcodeError(
        `this Word file's part ${e.name} inflates to more than the size it declares (a damaged file, or one built to exhaust memory); qcode reads at most ${mb(limit)} of text from a .docx`,
        { file },
      );
    }
  }
}
