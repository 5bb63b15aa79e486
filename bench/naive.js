#!/usr/bin/env node
// The naive reference for `npm run bench`: what a researcher might write in an
// afternoon instead of using qcode. A regex tokenizer, natural's Porter stemmer behind
// a cache, and set lookups of each code's `any:` terms (phrases by their joined
// stems); per code, the participant turns and cases it codes. No near/not/regex, no
// offsets, no evidence, no checks. qcode does all of that and should still be faster.
// With --words-only it looks up single words and skips the phrases, as a script written
// in an afternoon may well do: the leanest reading of the task, and much the fastest.
//
//   node bench/naive.js <folder> <codebook.yaml> [--words-only]   → JSON counts on stdout
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js');

const [folder, codebookFile, mode] = process.argv.slice(2);
const wordsOnly = mode === '--words-only';
const book = parse(readFileSync(codebookFile, 'utf8'));
const interviewers = new Set((book.interviewers ?? ['I']).map((s) => s.toLowerCase()));

const cache = new Map();
const stem = (w) => {
  let s = cache.get(w);
  if (s === undefined) cache.set(w, (s = porter.stem(w)));
  return s;
};
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const tokens = (text) => (text.toLowerCase().match(WORD) ?? []).map((t) => t.replace(/’/g, "'"));

// Joined stems of a term ("no money" → "no monei") → the codes whose `any:` lists it.
const codesByTerm = new Map();
let longest = 1;
const walk = (codes, parent) => {
  for (const c of codes ?? []) {
    const id = parent ? `${parent}.${c.id}` : c.id;
    for (const rule of c.match ?? []) {
      for (const raw of rule.any ?? []) {
        const words = tokens(String(raw).replace(/[=*]/g, ''));
        if (words.length === 0 || (wordsOnly && words.length > 1)) continue;
        longest = Math.max(longest, words.length);
        const key = words.map(stem).join(' ');
        if (!codesByTerm.has(key)) codesByTerm.set(key, new Set());
        codesByTerm.get(key).add(id);
      }
    }
    walk(c.children, id);
  }
};
walk(book.codes, '');

const segments = new Map();
const cases = new Map();
let total = 0;
for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) {
  const text = readFileSync(join(folder, file), 'utf8');
  const seen = new Set();
  for (const line of text.split('\n')) {
    const m = /^([^:\n]{1,40}):\s(.*)$/.exec(line);
    if (!m || interviewers.has(m[1].trim().toLowerCase()) || m[1] === 'id' || m[1] === 'speakers') continue;
    total++;
    const stems = tokens(m[2]).map(stem);
    const coded = new Set();
    for (let i = 0; i < stems.length; i++) {
      let key = '';
      for (let n = 0; n < longest && i + n < stems.length; n++) {
        key = n === 0 ? stems[i] : `${key} ${stems[i + n]}`;
        const hit = codesByTerm.get(key);
        if (hit) for (const c of hit) coded.add(c);
      }
    }
    for (const c of coded) {
      segments.set(c, (segments.get(c) ?? 0) + 1);
      seen.add(c);
    }
  }
  for (const c of seen) cases.set(c, (cases.get(c) ?? 0) + 1);
}
const codes = [...segments.keys()].sort().map((code) => ({ code, segments: segments.get(code), cases: cases.get(code) }));
process.stdout.write(JSON.stringify({ segments: total, codes }, null, 2) + '\n');
