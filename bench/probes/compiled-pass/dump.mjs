// Writes what the regex pre-filter's scan and the word reader see on a corpus — the starter
// codebook's scan table and every participant paragraph's text, one byte a character (any
// non-ASCII character as 255, where both stop: the scan restarts, a word ends) — to a file
// the C probes read, and times qcode's own scan and word reading over the same texts
// (warm, best of six) for comparison. Run `npm run build` first.
//   node bench/probes/compiled-pass/dump.mjs [corpus dir] [out file]
import { writeFileSync } from 'node:fs';
import { eligibleSegments, loadCodebook, readTranscripts } from '../../../dist/index.js';
import { readText } from '../../../dist/core/codebook/match.js';
import { SPACE } from '../../../dist/core/codebook/regex-syntax.js';
import { WORD_EDGE } from '../../../dist/core/codebook/literals.js';

const [dir = 'bench/out/10mb', out = 'bench/out/probe.bin'] = process.argv.slice(2);
const cb = await loadCodebook('codebooks/exit-barriers.yaml');
const { transcripts } = await readTranscripts([dir]);
const texts = transcripts.flatMap((t) => eligibleSegments(t, 'paragraph', 'participant').map((s) => s.text));
const chars = texts.reduce((sum, t) => sum + t.length, 0);

const tables = cb.patternSet.scannerTables;
const EDGE = WORD_EDGE.charCodeAt(0);
// Each ASCII character's column as the scan reads it: lower case, any space as a space.
const fold = Int32Array.from({ length: EDGE }, (_, c) => tables.column[c >= 65 && c <= 90 ? c + 32 : SPACE.includes(c) ? 32 : c]);
const starts = new Int32Array(texts.length + 1);
const bytes = new Uint8Array(chars);
let at = 0;
texts.forEach((t, i) => {
  starts[i] = at;
  for (let j = 0; j < t.length; j++) {
    const c = t.charCodeAt(j);
    bytes[at++] = c < 128 ? c : 255;
  }
});
starts[texts.length] = at;
if (tables.table.BYTES_PER_ELEMENT !== 2) throw new Error('the probes read a table of 16-bit cells');
const header = new Int32Array([tables.width, tables.column[32], tables.column[EDGE], texts.length, chars, tables.table.length]);
const parts = [header, fold, starts, bytes, tables.table].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
writeFileSync(out, Buffer.concat(parts));
console.log(`${out}: ${texts.length} paragraphs, ${chars} characters, ${tables.table.length / tables.width} states × ${tables.width} columns`);

function best(name, f) {
  let ms = Infinity;
  for (let r = 0; r < 6; r++) {
    const t0 = performance.now();
    for (const t of texts) f(t);
    ms = Math.min(ms, performance.now() - t0);
  }
  console.log(`qcode ${name}: ${ms.toFixed(1)} ms, ${((ms * 1e6) / chars).toFixed(2)} ns a character`);
}
const scanner = cb.patternSet.scanner;
best('pre-filter scan (LiteralScanner.candidates)', (t) => scanner.candidates(t));
best('word reading and look-up (readText)', (t) => readText(cb, t));
