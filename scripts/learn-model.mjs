#!/usr/bin/env node
// The starter codebook's learned model, from the study's gold coding and every hand-coded
// dev set (never the holdout): `node scripts/learn-model.mjs [out]` after `npm run build`
// writes the same bytes as the shipped codebooks/exit-barriers.model.json.
import { writeFileSync } from 'node:fs';
import { learnedFrom, tuningSets } from './hand-coded.mjs';

const out = process.argv[2] ?? 'codebooks/exit-barriers.model.json';
const { runLearn } = await import(new URL('../dist/index.js', import.meta.url).href);
const r = await runLearn(learnedFrom('codebooks/exit-barriers.yaml', tuningSets()));
writeFileSync(out, r.modelText);
console.log(`wrote ${out}: ${Object.keys(r.model.codes).length} codes from ${r.model.trained.transcripts} transcripts, ${r.model.trained.segments} segments`);
