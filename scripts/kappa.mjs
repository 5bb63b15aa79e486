#!/usr/bin/env node
// `npm run kappa`: how the codebook agrees with each hand-coded set — mean per-code
// Cohen's kappa over the leaf codes, pooled kappa, precision and recall of the coding
// pass — for the rules alone, a learned model alone, and the two merged. Each set's model
// is learned leave-one-set-out: from the gold of every other tuning set, never its own.
// The holdout is measured only with --holdout (its model learned from all tuning sets):
// looking at it while changing rules is how a holdout stops being one.
// A blind set at its first contact is measured with --fresh SET: it is coded and scored, but
// no model ever learns from it (nor from another fresh set), so the first reading is honest.
// --calibrate-by batch learns each model with its thresholds calibrated on folds of whole sets.
// A set that a second person coded too (eval/second-coder/SET.csv) shows how far the two
// people agree, on the same scale: the level the coding could hope to reach.
//   node scripts/kappa.mjs [codebook] [--holdout] [--merge vote|union|model] [--no-model] [--skip SET] [--fresh SET] [--calibrate-by transcript|batch]
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { HOLDOUT, interviewersOf, learnedFrom, transcriptsOf, tuningSets } from './hand-coded.mjs';

const args = process.argv.slice(2);
const withHoldout = args.includes('--holdout');
const withModel = !args.includes('--no-model');
/** The argument after `flag`, when it is given. */
const valueOf = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const merge = valueOf('--merge') || 'vote';
// --skip SET (repeatable): leave a set out, e.g. a blind set still being written.
const skipped = args.flatMap((a, i) => (args[i - 1] === '--skip' ? [a] : []));
// --fresh SET (repeatable): measured, never learned from.
const fresh = args.flatMap((a, i) => (args[i - 1] === '--fresh' ? [a] : []));
const calibrateBy = valueOf('--calibrate-by');
// --groups K [--group-words N]: the models read word groups too (made once, here).
const groupCount = Number(valueOf('--groups') ?? 0);
const groupWords = valueOf('--group-words') === undefined ? undefined : Number(valueOf('--group-words'));
const codebook = args.find((a, i) => !a.startsWith('--') && !['--merge', '--skip', '--fresh', '--calibrate-by', '--groups', '--group-words'].includes(args[i - 1])) ?? 'codebooks/exit-barriers.yaml';
const tuning = tuningSets().filter((s) => !skipped.includes(s.name))
  .map((s) => [`${s.name} (${fresh.includes(s.name) ? 'first contact' : 'tuning'})`, s.gold, s.folder]);
const sets = [...tuning, ...(withHoldout ? [['holdout (never tune)', HOLDOUT.gold, HOLDOUT.folder]] : [])];
const work = mkdtempSync(join(tmpdir(), 'qcode-kappa-'));

// The built library, in this process: one start, and the codebook read once per call.
const { runAgree, runLearn, makeWordGroups } = await import(new URL('../dist/index.js', import.meta.url).href);
const wordGroups = groupCount ? (await makeWordGroups({ groups: groupCount, ...(groupWords ? { words: groupWords } : {}) })).groups : undefined;

/** A model learned from every tuning set but `name` (the holdout is never among them). */
async function learnWithout(name) {
  const from = tuning.filter(([n]) => n !== name && !n.endsWith('(first contact)'));
  const out = join(work, `${from.length}-${name.replace(/\W+/g, '-')}.model.json`);
  const sets = from.map(([, gold, folder]) => ({ gold, folder }));
  const r = await runLearn({ ...learnedFrom(codebook, sets), ...(calibrateBy ? { calibrateBy } : {}), ...(wordGroups ? { wordGroups } : {}) });
  writeFileSync(out, r.modelText);
  return out;
}

/** Agreement of the coding (rules, model or merge) with the set's gold, and its counts. */
async function measure(gold, folder, model, policy) {
  const { report: d } = await runAgree({ inputs: [gold, ...transcriptsOf(folder)], auto: true, codebook, bootstrap: 0, ...interviewersOf(folder), ...(model ? { model, merge: policy } : { model: false }) });
  let tp = 0, fp = 0, fn = 0;
  for (const c of d.codes) if (c.auto && c.code.includes('.')) { tp += c.auto.true_positive; fp += c.auto.false_positive; fn += c.auto.false_negative; }
  return { mean: d.overall.mean.cohen_kappa, pooled: d.overall.pooled.cohen_kappa, tp, fp, fn };
}

/** Mean per-code κ between the set's gold and a second person's coding of it, or null if none. */
async function secondCoder(gold, folder) {
  const second = join('eval', 'second-coder', `${basename(folder)}.csv`);
  if (!existsSync(second)) return null;
  const { report: d } = await runAgree({ inputs: [gold, second, ...transcriptsOf(folder)], codebook, bootstrap: 0, ...interviewersOf(folder) });
  return d.overall.mean.cohen_kappa;
}

const f3 = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(3));
const results = [];
for (const [name, gold, folder] of sets) {
  const model = withModel ? await learnWithout(name) : null;
  const rules = await measure(gold, folder, model, 'rules');
  results.push({ name, rules, second: await secondCoder(gold, folder), ...(model ? { model: await measure(gold, folder, model, 'model'), merged: await measure(gold, folder, model, merge) } : {}) });
}
rmSync(work, { recursive: true, force: true });

const rows = results.map(({ name, rules, second, model, merged }) => ({
  set: name,
  'rules κ': f3(rules.mean), 'pooled κ': f3(rules.pooled), precision: f3(rules.tp / (rules.tp + rules.fp)), recall: f3(rules.tp / (rules.tp + rules.fn)),
  ...(model ? {
    'model κ': f3(model.mean), [`${merge} κ`]: f3(merged.mean),
    [`${merge} precision`]: f3(merged.tp / (merged.tp + merged.fp)), [`${merge} recall`]: f3(merged.tp / (merged.tp + merged.fn)),
  } : {}),
  ...(second === null ? {} : { 'second coder κ': f3(second) }),
}));
/** A summary row: the sets' mean κ and their pooled (micro) precision. */
function summary(label, group) {
  const mean = (pick) => group.reduce((a, r) => a + pick(r), 0) / group.length;
  const pooledP = (pick) => { const tp = group.reduce((a, r) => a + pick(r).tp, 0); const fp = group.reduce((a, r) => a + pick(r).fp, 0); return tp / (tp + fp); };
  return {
    set: label,
    'rules κ': f3(mean((r) => r.rules.mean)), precision: f3(pooledP((r) => r.rules)),
    ...(withModel ? { 'model κ': f3(mean((r) => r.model.mean)), [`${merge} κ`]: f3(mean((r) => r.merged.mean)), [`${merge} precision`]: f3(pooledP((r) => r.merged)) } : {}),
  };
}
rows.push(summary('tuning sets: mean / micro P', results.filter((r) => r.name.endsWith('(tuning)'))));
const firstContact = results.filter((r) => r.name.endsWith('(first contact)'));
if (firstContact.length > 0) rows.push(summary('first contact: mean / micro P', firstContact));
console.table(rows);
if (withModel) console.log(`model: learned leave-one-set-out from the other tuning sets' gold${fresh.length ? ` (never from ${fresh.join(', ')})` : ''}; merge policy: ${merge}`);
