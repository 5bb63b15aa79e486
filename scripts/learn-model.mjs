#!/usr/bin/env node
// The starter codebook's learned model, from the study's gold coding and every hand-coded
// dev set (never the holdout): `node scripts/learn-model.mjs [out]` after `npm run build`
// writes the same bytes as the shipped codebooks/exit-barriers.model.json.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'codebooks/exit-barriers.model.json';
const { runLearn } = await import(new URL('../dist/index.js', import.meta.url).href);
const sets = [
  ['fixtures/codings/survivors-gold.csv', 'fixtures/survivors'],
  ...readdirSync('eval').filter((d) => d.startsWith('dev')).sort().map((d) => [`eval/${d}/gold-codings.csv`, `eval/${d}`]),
];
const transcriptsOf = (folder) =>
  readdirSync(folder).filter((f) => /\.(txt|md|csv|vtt|srt|docx|json)$/.test(f) && !/^(README|CODING-NOTES)\.md$|gold-codings\.csv$|^cases\.csv$/.test(f)).map((f) => join(folder, f));
const r = await runLearn({ codebook: 'codebooks/exit-barriers.yaml', folds: 0, codings: sets.map(([gold]) => gold), inputs: sets.flatMap(([, folder]) => transcriptsOf(folder)) });
writeFileSync(out, r.modelText);
console.log(`wrote ${out}: ${Object.keys(r.model.codes).length} codes from ${r.model.trained.transcripts} transcripts, ${r.model.trained.segments} segments`);
