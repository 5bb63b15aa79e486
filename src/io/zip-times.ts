// The same bytes for the same archive whenever it is written: every entry of a zip made in
// memory is given the format's first day (1980-01-01 00:00) as its modification time, in
// the central directory and in each local header. A writer that stamps the moment of
// writing (exceljs's, through archiver) otherwise makes each run's workbook differ.

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The zip format's first day, 1980-01-01 (UTC): what every entry is dated, and a workbook's own dates. */
export const FIRST_DAY = new Date(Date.UTC(1980, 0, 1));
/** FIRST_DAY as a DOS date: year 0 (from 1980), month 1, day 1; the time is 0 (midnight). */
const FIRST_DAY_DOS = (1 << 5) | 1;

/** Sets the time of every entry in `zip` to 1980-01-01 00:00, in place; the contents are untouched. */
export function stampFirstDay(zip: Buffer): Buffer {
  const end = endOfDirectory(zip);
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let k = 0; k < entries; k++) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error(`zip: no directory entry at ${at}`);
    zip.writeUInt16LE(0, at + 12);
    zip.writeUInt16LE(FIRST_DAY_DOS, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`zip: no local header at ${local}`);
    zip.writeUInt16LE(0, local + 10);
    zip.writeUInt16LE(FIRST_DAY_DOS, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

/** Where the end-of-directory record starts: the last one, before a comment of up to 64 KB. */
function endOfDirectory(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  }
  throw new Error('zip: no end of central directory');
}
