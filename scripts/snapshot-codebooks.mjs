#!/usr/bin/env node
// Part of `npm run build`: each codebook shipped in codebooks/ and templates/, parsed,
// validated, planned and compiled now, into dist/snapshots/<sha256 of its text>.json (with
// .hints.json, .tables and .compiled.json beside it), so a run that reads one of them unchanged skips
// the YAML parse, the regex analysis, the stemming of its words, building the regex
// pre-filter and compiling its rules (see loadCodebook in src/io/codebook-file.ts).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileWithHints } from '../dist/core/codebook/compile.js';
import { hintsWithCompile } from '../dist/core/codebook/compiled-data.js';
import { parseCodebook } from '../dist/core/codebook/parse.js';
import { readTextFile } from '../dist/io/file.js';
import { SHIPPED_INDEX, SNAPSHOT_SOURCE, snapshotFiles } from '../dist/io/codebook-file.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'snapshots');
const shipped = ['codebooks', join('templates', 'init', 'codebooks')].flatMap((dir) =>
  readdirSync(join(root, dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(root, dir, f)),
);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const index = [];
for (const file of shipped) {
  const text = await readTextFile(file);
  // A text that itself holds the placeholder would be mangled when read back: parse it at run time.
  if (text.includes(SNAPSHOT_SOURCE)) continue;
  const book = parseCodebook(text, SNAPSHOT_SOURCE);
  // Compiling it once works out each regex's plan, the stem of each of its words and the
  // regex pre-filter's automaton.
  const cb = await compileWithHints(book);
  const { book: parsed, hints, compiled, tables } = snapshotFiles({ book, hints: hintsWithCompile(cb) });
  writeFileSync(join(out, `${book.sha256}.json`), parsed);
  writeFileSync(join(out, `${book.sha256}.hints.json`), hints);
  if (compiled) writeFileSync(join(out, `${book.sha256}.compiled.json`), compiled);
  if (tables) writeFileSync(join(out, `${book.sha256}.tables`), tables);
  // An edited copy of a shipped codebook finds here which snapshot shares its regexes.
  index.push({ sha: book.sha256, language: book.language, sources: cb.hints.plans.map(([source]) => source) });
}
writeFileSync(join(out, SHIPPED_INDEX), JSON.stringify(index));
