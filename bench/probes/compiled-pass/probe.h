/* What dump.mjs wrote: the scan's table and the texts, one byte a character. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
  int width, space_column, edge_column, texts, chars, cells;
  int32_t fold[128];
  int32_t *starts;
  uint8_t *bytes;
  uint16_t *table;
} Probe;

static void must_read(void *to, size_t size, size_t n, FILE *f) {
  if (fread(to, size, n, f) != n) { fprintf(stderr, "the probe file is short: run dump.mjs again\n"); exit(2); }
}

static Probe load(const char *path) {
  Probe p;
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  int32_t h[6];
  must_read(h, 4, 6, f);
  p.width = h[0]; p.space_column = h[1]; p.edge_column = h[2]; p.texts = h[3]; p.chars = h[4]; p.cells = h[5];
  must_read(p.fold, 4, 128, f);
  p.starts = malloc(4 * (size_t)(p.texts + 1)); must_read(p.starts, 4, p.texts + 1, f);
  p.bytes = malloc(p.chars); must_read(p.bytes, 1, p.chars, f);
  p.table = malloc(2 * (size_t)p.cells); must_read(p.table, 2, p.cells, f);
  fclose(f);
  return p;
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}
