// Builds small Word files in memory for the tests: one paragraph per string (a `\n`
// inside a string is a line break within the paragraph, as Teams writes).
import { strToU8, zipSync, type Zippable } from 'fflate';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

function paragraph(p: string): string {
  const runs = p.split('\n').map((line) => `<w:t xml:space="preserve">${esc(line)}</w:t>`).join('<w:br/>');
  return `<w:p><w:r>${runs}</w:r></w:p>`;
}

export function documentXml(paragraphs: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${paragraphs.map(paragraph).join('')}</w:body></w:document>`
  );
}

export function makeDocx(paragraphs: string[], document: Uint8Array = strToU8(documentXml(paragraphs)), level: 1 | 9 = 9): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'word/document.xml': [document, { level }],
  };
  return zipSync(files, { mtime: new Date(Date.UTC(2024, 0, 1)) });
}

/** Rewrite every declared uncompressed size of `name` (local header and directory) to `size`. */
export function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const target = strToU8(name);
  const nameAt = (at: number, len: number): boolean => len === target.length && target.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true))) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true))) view.setUint32(i + 24, size, true);
  }
  return out;
}
