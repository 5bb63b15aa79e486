#!/usr/bin/env node
// `npm run bench`: throughput of the coding pass on a synthetic corpus built from the
// shipped study, and how it scales with the number of codes (the index should keep
// the per-token cost flat). Prints a table; asserts nothing — speed goals live here,
// not in the tests.
import { readFileSync } from 'node:fs';
import { compileCodebook } from '../dist/core/codebook/compile.js';
import { parseCodebook } from '../dist/core/codebook/parse.js';
import { loadStemmer } from '../dist/core/codebook/stem.js';
import { codeTranscript } from '../dist/core/code/pass.js';
import { parsePlainText } from '../dist/core/segment/plaintext.js';
import { tokenize } from '../dist/core/segment/tokenize.js';

const GOAL_TOKENS_PER_SEC = 200_000;
const bookText = readFileSync('codebooks/exit-barriers.yaml', 'utf8');
const base = parseCodebook(bookText, 'codebooks/exit-barriers.yaml');
const stem = await loadStemmer(base.language);

// A corpus: the study's participant turns, shuffled deterministically into N transcripts.
const turns = [];
for (let i = 1; i <= 7; i++) {
  const t = parsePlainText(readFileSync(`fixtures/survivors/P0${i}.txt`, 'utf8'), { id: `P0${i}`, source: 'x', format: 'txt', interviewers: ['I'] });
  for (const turn of t.turns) turns.push(`${turn.speaker === 'I' ? 'I' : 'P'}: ${[...t.text].slice(turn.span.start, turn.span.end).join('').replace(/\n+/g, ' ')}`);
}
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
function corpus(n, perTranscript) {
  return Array.from({ length: n }, (_, k) => {
    const lines = Array.from({ length: perTranscript }, () => turns[Math.floor(rand() * turns.length)]);
    return parsePlainText(`---\nid: T${k}\nspeakers: [I, P]\n---\n${lines.join('\n')}\n`, { source: 'bench', format: 'txt', interviewers: ['I'] });
  });
}

/**
 * The codebook plus k× as many extra codes whose terms and regexes the corpus never
 * meets: rules that cannot hold must cost (almost) nothing, since only terms a token
 * meets, and patterns the one-pass pattern set reports, lead to rule evaluation.
 */
function widen(book, k) {
  const extra = [];
  for (let i = 0; i < k * 40; i++) {
    const w = (j) => ({ raw: `zq${i}x${j}`, parts: [{ kind: 'stem', word: `zq${i}x${j}` }], place: {} });
    extra.push({ id: `extra${i}`, key: `extra${i}`, label: 'x', examples: [], counterexamples: [], children: [], parent: null, depth: 0, place: {},
      rules: [
        { any: [w(0), w(1), w(2)], place: {} },
        { near: { left: [w(3)], right: [w(4), w(5)], within: 5 }, place: {} },
        { regex: [{ source: `\\bzq${i}(x|y)\\d+\\b`, place: {} }], place: {} },
      ] });
  }
  return { ...book, codes: [...book.codes, ...extra] };
}

function run(book, transcripts) {
  const cb = compileCodebook(book, stem);
  let tokens = 0;
  for (const t of transcripts) tokens += tokenize(t.text).length;
  const t0 = process.hrtime.bigint();
  let codings = 0;
  for (const t of transcripts) codings += codeTranscript(cb, t, { unit: 'turn', speakers: 'participant' }).codings.length;
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return { tokens, secs, codings, rules: cb.rules.length, terms: cb.terms.length };
}

const docs = corpus(200, 40);
run(base, docs.slice(0, 20)); // warm-up: stemmer cache and JIT
const rows = [];
for (const k of [0, 4, 16]) {
  const r = run(widen(base, k), docs);
  rows.push({ 'extra codes': k * 40, rules: r.rules, terms: r.terms, tokens: r.tokens, seconds: r.secs.toFixed(3), 'tokens/s': Math.round(r.tokens / r.secs), codings: r.codings });
}
console.table(rows);
const first = rows[0]["tokens/s"];
console.log(`goal: ≥ ${GOAL_TOKENS_PER_SEC.toLocaleString('en')} tokens/s with the starter codebook: ${first >= GOAL_TOKENS_PER_SEC ? 'met' : 'NOT met'} (${first.toLocaleString('en')})`);
console.log(`40×16 extra codes cost ${(rows[2].seconds / rows[0].seconds).toFixed(2)}× the time of the codebook alone (the index keeps this near 1×)`);
