/* The pre-filter's scan (src/core/codebook/prefilter.ts, candidates) in C, step for step:
   one table read per character, one more at each word edge, a run of spaces read as one,
   the scan restarted at a character no literal holds. Counts the literal ends it meets
   (the JavaScript notes each one's groups; counting is a lower bound on that work).
   With a second argument K (2–4), K texts are scanned in lock-step, so K chains of table
   reads are in flight at once: whether the scan waits on memory.
     cc -O2 -o bench/out/scan bench/probes/compiled-pass/scan.c && bench/out/scan [probe file] [K] */
#include "probe.h"

static const char *WORD = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
static uint8_t word_char[256];
static int space, edge, width;
static const uint16_t *table;

typedef struct { int s, in_word, after_space; long ends; } Scan;

static inline void step(Scan *q, const int32_t *fold, uint8_t c) {
  unsigned v;
  if (c < 128) {
    int w = word_char[c];
    if (w != q->in_word) { q->in_word = w; v = table[q->s * width + edge]; q->s = v >> 1; q->ends += v & 1; }
    int column = fold[c];
    if (column == space) { if (q->after_space) return; q->after_space = 1; } else q->after_space = 0;
    v = table[q->s * width + column]; q->s = v >> 1; q->ends += v & 1;
  } else {
    if (q->in_word) { q->in_word = 0; v = table[q->s * width + edge]; q->ends += v & 1; }
    q->after_space = 0; q->s = 0;
  }
}

static void finish(Scan *q) {
  if (q->in_word) q->ends += table[q->s * width + edge] & 1;
}

int main(int argc, char **argv) {
  Probe p = load(argc > 1 ? argv[1] : "bench/out/probe.bin");
  int k = argc > 2 ? atoi(argv[2]) : 1;
  if (k < 1 || k > 4) { fprintf(stderr, "K is 1 to 4\n"); return 2; }
  for (const char *c = WORD; *c; c++) word_char[(uint8_t)*c] = 1;
  space = p.space_column == 0 ? -1 : p.space_column; edge = p.edge_column; width = p.width; table = p.table;
  for (int round = 0; round < 6; round++) {
    double t0 = now_ms();
    long ends = 0;
    if (k == 1) {
      for (int t = 0; t < p.texts; t++) {
        Scan q = {0};
        for (int i = p.starts[t]; i < p.starts[t + 1]; i++) step(&q, p.fold, p.bytes[i]);
        finish(&q);
        ends += q.ends;
      }
    } else {
      for (int t = 0; t < p.texts; t += k) {
        Scan q[4] = {{0}};
        int m = t + k <= p.texts ? k : p.texts - t, longest = 0;
        for (int j = 0; j < m; j++) if (p.starts[t + j + 1] - p.starts[t + j] > longest) longest = p.starts[t + j + 1] - p.starts[t + j];
        for (int i = 0; i < longest; i++)
          for (int j = 0; j < m; j++) if (p.starts[t + j] + i < p.starts[t + j + 1]) step(&q[j], p.fold, p.bytes[p.starts[t + j] + i]);
        for (int j = 0; j < m; j++) { finish(&q[j]); ends += q[j].ends; }
      }
    }
    double ms = now_ms() - t0;
    printf("C scan, %d at a time: %.1f ms, %.2f ns a character (%ld literal ends)\n", k, ms, ms * 1e6 / p.chars, ends);
  }
  return 0;
}
