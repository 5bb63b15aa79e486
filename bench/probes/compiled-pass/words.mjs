// words.c's loop in JavaScript, over the same texts as strings (as the pass has them):
// what the language costs on the same algorithm.  node bench/probes/compiled-pass/words.mjs [probe file]
import { readFileSync } from 'node:fs';

const file = readFileSync(process.argv[2] ?? 'bench/out/probe.bin');
const header = new Int32Array(file.buffer.slice(file.byteOffset, file.byteOffset + 24));
const [, , , count, chars] = header;
let at = file.byteOffset + 24 + 4 * 128;
const starts = new Int32Array(file.buffer.slice(at, at + 4 * (count + 1)));
at += 4 * (count + 1);
const bytes = new Uint8Array(file.buffer.slice(at, at + chars));
const latin1 = new TextDecoder('latin1');
const texts = Array.from({ length: count }, (_, t) => latin1.decode(bytes.subarray(starts[t], starts[t + 1])));

const LOWER = new Uint8Array(128).map((_, c) => ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : c >= 65 && c <= 90 ? c + 32 : 0));
const lower = (c) => (c < 128 ? LOWER[c] : 0);
const SLOTS = 1 << 17;
const slotId = new Int32Array(SLOTS).fill(-1);
const slotHash = new Int32Array(SLOTS);
const tokens = [];
let ids = new Int32Array(1024), wordStarts = new Int32Array(1024), wordEnds = new Int32Array(1024);

function sameWord(token, text, start, end) {
  if (token.length !== end - start) return false;
  for (let j = 0; j < token.length; j++) {
    const c = text.charCodeAt(start + j);
    if (token.charCodeAt(j) !== (c === 39 ? 39 : lower(c))) return false;
  }
  return true;
}

function read(text) {
  const n = text.length;
  if (ids.length < n) [ids, wordStarts, wordEnds] = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  let i = 0;
  let w = 0;
  while (i < n) {
    if (lower(text.charCodeAt(i)) === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    for (;;) {
      while (i < n) {
        const c = lower(text.charCodeAt(i));
        if (c === 0) break;
        h = Math.imul(h ^ c, 0x01000193);
        i++;
      }
      if (i + 1 < n && text.charCodeAt(i) === 39 && lower(text.charCodeAt(i + 1)) !== 0) {
        h = Math.imul(h ^ 39, 0x01000193);
        i++;
        continue;
      }
      break;
    }
    let slot = h & (SLOTS - 1);
    let id = -1;
    for (; slotId[slot] >= 0; slot = (slot + 1) & (SLOTS - 1)) {
      if (slotHash[slot] === h && sameWord(tokens[slotId[slot]], text, start, i)) {
        id = slotId[slot];
        break;
      }
    }
    if (id < 0) {
      id = tokens.length;
      tokens.push(text.slice(start, i).toLowerCase());
      slotId[slot] = id;
      slotHash[slot] = h;
    }
    ids[w] = id;
    wordStarts[w] = start;
    wordEnds[w] = i;
    w++;
  }
  return w;
}

for (let round = 0; round < 6; round++) {
  const t0 = performance.now();
  let words = 0;
  for (const t of texts) words += read(t);
  const ms = performance.now() - t0;
  console.log(`JS words: ${ms.toFixed(1)} ms, ${((ms * 1e6) / chars).toFixed(2)} ns a character (${words} words, ${tokens.length} distinct)`);
}
