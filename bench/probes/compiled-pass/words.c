/* The word reader (src/core/codebook/ascii-words.ts, readPlainWords) in C: runs of ASCII
   letters and digits joined by single apostrophes, lower-cased and hashed (FNV-1a) as they
   are read, found in an open-addressing table of the words met before (added on a miss),
   each word's number and span stored. qcode's reader does this and then looks the word's
   entry up for the rules; words.mjs is this very loop in JavaScript.
     cc -O2 -o bench/out/words bench/probes/compiled-pass/words.c && bench/out/words [probe file] */
#include <string.h>
#include "probe.h"

#define SLOTS (1 << 17)
static int32_t slot_id[SLOTS], slot_hash[SLOTS];
static char *token[SLOTS / 2];
static int token_length[SLOTS / 2], tokens = 0;
static uint8_t lower[256];

static int same_word(int id, const uint8_t *b, int start, int end) {
  if (token_length[id] != end - start) return 0;
  for (int j = 0; j < end - start; j++) {
    uint8_t c = b[start + j] == '\'' ? '\'' : lower[b[start + j]];
    if (token[id][j] != (char)c) return 0;
  }
  return 1;
}

int main(int argc, char **argv) {
  Probe p = load(argc > 1 ? argv[1] : "bench/out/probe.bin");
  for (int c = 0; c < 256; c++) lower[c] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : (c >= 'A' && c <= 'Z') ? c + 32 : 0;
  memset(slot_id, -1, sizeof slot_id);
  int32_t *ids = malloc(4 * (size_t)p.chars), *starts = malloc(4 * (size_t)p.chars), *ends = malloc(4 * (size_t)p.chars);
  const uint8_t *b = p.bytes;
  for (int round = 0; round < 6; round++) {
    double t0 = now_ms();
    long words = 0;
    for (int t = 0; t < p.texts; t++) {
      int i = p.starts[t], n = p.starts[t + 1], w = 0;
      while (i < n) {
        if (!lower[b[i]]) { i++; continue; }
        int start = i;
        uint32_t h = 0x811c9dc5u;
        for (;;) {
          while (i < n && lower[b[i]]) { h = (h ^ lower[b[i]]) * 0x01000193u; i++; }
          if (i + 1 < n && b[i] == '\'' && lower[b[i + 1]]) { h = (h ^ '\'') * 0x01000193u; i++; continue; }
          break;
        }
        int at = h & (SLOTS - 1), id = -1;
        for (; slot_id[at] >= 0; at = (at + 1) & (SLOTS - 1))
          if (slot_hash[at] == (int32_t)h && same_word(slot_id[at], b, start, i)) { id = slot_id[at]; break; }
        if (id < 0) {
          id = tokens++;
          token[id] = malloc(i - start);
          for (int j = 0; j < i - start; j++) token[id][j] = b[start + j] == '\'' ? '\'' : lower[b[start + j]];
          token_length[id] = i - start;
          slot_id[at] = id; slot_hash[at] = h;
        }
        ids[w] = id; starts[w] = start; ends[w] = i; w++;
      }
      words += w;
    }
    double ms = now_ms() - t0;
    printf("C words: %.1f ms, %.2f ns a character (%ld words, %d distinct)\n", ms, ms * 1e6 / p.chars, words, tokens);
  }
  return 0;
}
