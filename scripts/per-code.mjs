#!/usr/bin/env node
// Which codes the default coding misses, and which it gives wrongly, on interviews it did
// not learn from: per leaf code, the true positives, false positives and misses pooled over
// the named sets (default: every dev set from dev20 on, the newest voices), each set coded
// by the rules and a model learned from every other tuning set (leave one set out, as
// `npm run kappa` does), merged by the codebook's policy (`vote`). Prints a Markdown table,
// lowest recall first: the codes a team should check by hand first.
//   npm run build && node scripts/per-code.mjs [SET…]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interviewersOf, learnedFrom, transcriptsOf, tuningSets } from './hand-coded.mjs';

const { runAgree, runLearn } = await import(new URL('../dist/index.js', import.meta.url).href);
const codebook = 'codebooks/exit-barriers.yaml';
const all = tuningSets();
const named = process.argv.slice(2);
const measured = named.length > 0 ? all.filter((s) => named.includes(s.name)) : all.filter((s) => /^dev\d+$/.test(s.name) && Number(s.name.slice(3)) >= 20);
if (measured.length === 0) throw new Error(`no such set: ${named.join(', ')}`);

const work = mkdtempSync(join(tmpdir(), 'qcode-per-code-'));
const pooled = new Map();
try {
  for (const set of measured) {
    const from = all.filter((s) => s.name !== set.name);
    const learned = await runLearn(learnedFrom(codebook, from));
    const model = join(work, `${set.name}.model.json`);
    writeFileSync(model, learned.modelText);
    const { report } = await runAgree({ inputs: [set.gold, ...transcriptsOf(set.folder)], auto: true, codebook, bootstrap: 0, model, merge: 'vote', ...interviewersOf(set.folder) });
    for (const c of report.codes) {
      if (!c.auto || !c.code.includes('.')) continue;
      const p = pooled.get(c.code) ?? { tp: 0, fp: 0, fn: 0 };
      p.tp += c.auto.true_positive;
      p.fp += c.auto.false_positive;
      p.fn += c.auto.false_negative;
      pooled.set(c.code, p);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const ratio = (a, b) => (b === 0 ? '–' : (a / b).toFixed(2));
const rows = [...pooled].map(([code, p]) => ({ code, ...p, recall: p.tp / Math.max(1, p.tp + p.fn) })).sort((a, b) => a.recall - b.recall || a.code.localeCompare(b.code));
console.log(`Pooled over ${measured.map((s) => s.name).join(', ')} (each coded with a model learned without it; merge: vote).\n`);
console.log('| code | coded by both | coded by qcode only | missed | precision | recall |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| \`${r.code}\` | ${r.tp} | ${r.fp} | ${r.fn} | ${ratio(r.tp, r.tp + r.fp)} | ${ratio(r.tp, r.tp + r.fn)} |`);
