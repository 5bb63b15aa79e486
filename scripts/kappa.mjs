#!/usr/bin/env node
// `npm run kappa`: how the codebook agrees with each hand-coded set — mean per-code
// Cohen's kappa over the leaf codes, pooled kappa, precision and recall of the coding
// pass — for the rules alone, a learned model alone, and the two merged. Each set's model
// is learned leave-one-set-out: from the gold of every other tuning set, never its own.
// The holdout is measured only with --holdout (its model learned from all tuning sets):
// looking at it while changing rules is how a holdout stops being one.
//   node scripts/kappa.mjs [codebook] [--holdout] [--merge vote|union|model] [--no-model] [--skip SET]
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

const args = process.argv.slice(2);
const withHoldout = args.includes('--holdout');
const withModel = !args.includes('--no-model');
const merge = args[args.indexOf('--merge') + 1] && args.includes('--merge') ? args[args.indexOf('--merge') + 1] : 'vote';
// --skip SET (repeatable): leave a set out, e.g. a blind set still being written.
const skipped = args.flatMap((a, i) => (args[i - 1] === '--skip' ? [a] : []));
const codebook = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--merge' && args[i - 1] !== '--skip') ?? 'codebooks/exit-barriers.yaml';
const tuning = [
  ['study (tuning)', 'fixtures/codings/survivors-gold.csv', 'fixtures/survivors'],
  ...readdirSync('eval').filter((d) => d.startsWith('dev') && !skipped.includes(d)).sort().map((d) => [`${d} (tuning)`, `eval/${d}/gold-codings.csv`, `eval/${d}`]),
];
const sets = [...tuning, ...(withHoldout ? [['holdout (never tune)', 'eval/holdout/gold-codings.csv', 'eval/holdout']] : [])];
const work = mkdtempSync(join(tmpdir(), 'qcode-kappa-'));

const transcriptsOf = (folder) => readdirSync(folder).filter((f) => /\.(txt|md|csv|vtt|srt|docx|json)$/.test(f) && !/^(README|CODING-NOTES)\.md$|gold-codings\.csv$|^cases\.csv$/.test(f)).map((f) => join(folder, f));
// The built library, in this process: one start, and the codebook read once per call.
const { runAgree, runLearn } = await import(new URL('../dist/index.js', import.meta.url).href);

/** A model learned from every tuning set but `name` (the holdout is never among them). */
async function learnWithout(name) {
  const from = tuning.filter(([n]) => n !== name);
  const out = join(work, `${from.length}-${name.replace(/\W+/g, '-')}.model.json`);
  const r = await runLearn({ codebook, folds: 0, codings: from.map(([, g]) => g), inputs: from.flatMap(([, , f]) => transcriptsOf(f)) });
  writeFileSync(out, r.modelText);
  return out;
}

/** A set's own interviewer labels, when its qcode.yaml names them (e.g. an interpreter who is not one). */
function interviewersOf(folder) {
  const file = join(folder, 'qcode.yaml');
  if (!existsSync(file)) return {};
  const { interviewers } = parseYaml(readFileSync(file, 'utf8')) ?? {};
  return interviewers ? { interviewers } : {};
}

/** Agreement of the coding (rules, model or merge) with the set's gold, and its counts. */
async function measure(gold, folder, model, policy) {
  const { report: d } = await runAgree({ inputs: [gold, ...transcriptsOf(folder)], auto: true, codebook, bootstrap: 0, ...interviewersOf(folder), ...(model ? { model, merge: policy } : {}) });
  let tp = 0, fp = 0, fn = 0;
  for (const c of d.codes) if (c.auto && c.code.includes('.')) { tp += c.auto.true_positive; fp += c.auto.false_positive; fn += c.auto.false_negative; }
  return { mean: d.overall.mean.cohen_kappa, pooled: d.overall.pooled.cohen_kappa, tp, fp, fn };
}

const f3 = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(3));
const results = [];
for (const [name, gold, folder] of sets) {
  const model = withModel ? await learnWithout(name) : null;
  const rules = await measure(gold, folder, model, 'rules');
  results.push({ name, rules, ...(model ? { model: await measure(gold, folder, model, 'model'), merged: await measure(gold, folder, model, merge) } : {}) });
}
rmSync(work, { recursive: true, force: true });

const rows = results.map(({ name, rules, model, merged }) => ({
  set: name,
  'rules κ': f3(rules.mean), 'pooled κ': f3(rules.pooled), precision: f3(rules.tp / (rules.tp + rules.fp)), recall: f3(rules.tp / (rules.tp + rules.fn)),
  ...(model ? {
    'model κ': f3(model.mean), [`${merge} κ`]: f3(merged.mean),
    [`${merge} precision`]: f3(merged.tp / (merged.tp + merged.fp)), [`${merge} recall`]: f3(merged.tp / (merged.tp + merged.fn)),
  } : {}),
}));
const tuned = results.filter((r) => r.name.endsWith('(tuning)'));
const mean = (pick) => tuned.reduce((a, r) => a + pick(r), 0) / tuned.length;
const pooledP = (pick) => { const tp = tuned.reduce((a, r) => a + pick(r).tp, 0); const fp = tuned.reduce((a, r) => a + pick(r).fp, 0); return tp / (tp + fp); };
rows.push({
  set: 'tuning sets: mean / micro P',
  'rules κ': f3(mean((r) => r.rules.mean)), precision: f3(pooledP((r) => r.rules)),
  ...(withModel ? { 'model κ': f3(mean((r) => r.model.mean)), [`${merge} κ`]: f3(mean((r) => r.merged.mean)), [`${merge} precision`]: f3(pooledP((r) => r.merged)) } : {}),
});
console.table(rows);
if (withModel) console.log(`model: learned leave-one-set-out from the other tuning sets' gold; merge policy: ${merge}`);
