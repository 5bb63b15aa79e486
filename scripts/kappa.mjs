#!/usr/bin/env node
// `npm run kappa`: how the codebook agrees with each hand-coded set — mean per-code
// Cohen's kappa over the leaf codes, pooled kappa, precision and recall of the coding
// pass. The holdout is measured only with --holdout: looking at it while changing rules
// is how a holdout stops being one.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const withHoldout = args.includes('--holdout');
const codebook = args.find((a) => !a.startsWith('--')) ?? 'codebooks/exit-barriers.yaml';
const sets = [
  ['study (tuning)', 'fixtures/codings/survivors-gold.csv', 'fixtures/survivors'],
  ...readdirSync('eval').filter((d) => d.startsWith('dev')).sort().map((d) => [`${d} (tuning)`, `eval/${d}/gold-codings.csv`, `eval/${d}`]),
  ...(withHoldout ? [['holdout (never tune)', 'eval/holdout/gold-codings.csv', 'eval/holdout']] : []),
];

const rows = sets.map(([name, gold, folder]) => {
  const transcripts = readdirSync(folder).filter((f) => /\.(txt|md|csv|vtt|srt|docx|json)$/.test(f) && !/^(README|CODING-NOTES)\.md$|gold-codings\.csv$|^cases\.csv$/.test(f)).map((f) => join(folder, f));
  const r = spawnSync(process.execPath, ['bin/qcode.js', 'agree', gold, ...transcripts, '--auto', '--codebook', codebook, '--bootstrap', '0', '--format', 'json', '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) return { set: name, error: r.stderr.trim() };
  const d = JSON.parse(r.stdout);
  let tp = 0, fp = 0, fn = 0;
  for (const c of d.codes) if (c.auto && c.code.includes('.')) { tp += c.auto.true_positive; fp += c.auto.false_positive; fn += c.auto.false_negative; }
  return {
    set: name,
    'mean κ': d.overall.mean.cohen_kappa?.toFixed(3),
    'pooled κ': d.overall.pooled.cohen_kappa?.toFixed(3),
    precision: (tp / (tp + fp)).toFixed(3),
    recall: (tp / (tp + fn)).toFixed(3),
  };
});
console.table(rows);
