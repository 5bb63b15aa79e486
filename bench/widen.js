// Codebooks with ten times the starter's rules, for the scaling goal of `npm run bench`:
// more rules should cost little more time, since only the rules whose terms or literals
// a segment holds are looked at. Two ways to get there:
//   - writeWidenedCodebook adds codes built from the synthetic corpus's own words (common
//     and rare alike), each with an any, a near and a regex rule. Their rules fire far
//     more often than the starter's (about 12 times as many codings per rule).
//   - writeCopiedCodebook adds nine copies of the starter's codes under new ids: rules of
//     the starter's own kind and productivity, so ten times the rules make ten times the
//     codings.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

/** The codebook at `source`, its model (if it names one) by absolute path, so a copy elsewhere still finds it. */
function readBook(source) {
  const book = parse(readFileSync(source, 'utf8'));
  if (book.model && !isAbsolute(book.model)) book.model = resolve(dirname(source), book.model);
  return book;
}
import { prng, vocabulary } from './corpus.js';

export function writeWidenedCodebook(source, target, factor = 10) {
  const book = readBook(source);
  let rules = 0;
  const count = (codes) => {
    for (const c of codes ?? []) {
      rules += (c.match ?? []).length;
      count(c.children);
    }
  };
  count(book.codes);
  const rand = prng(7);
  const words = vocabulary(prng(20261129)).slice(40); // past the commonest words
  const word = () => words[Math.floor(Math.pow(rand(), 2) * words.length)];
  const extra = [];
  for (let i = 0; extra.length * 3 < rules * (factor - 1); i++) {
    const [a, b, c, d, e, f] = [word(), word(), word(), word(), word(), word()];
    extra.push({
      id: `extra${i}`,
      label: `Extra ${i}`,
      definition: 'Added for the scaling benchmark.',
      match: [
        { any: [a, `${b} ${c}`, `${d}*`] },
        { near: [[e], [f, `=${a}`]], within: 5 },
        { regex: [`\\b${b}\\s+(\\w+\\s+)?${f}\\b`], not: [c] },
      ],
    });
  }
  book.codes.push({ id: 'extra', label: 'Extra codes', definition: 'Scaling benchmark.', children: extra });
  writeFileSync(target, stringify(book, { lineWidth: 0 }));
  return { rules, added: extra.length * 3 };
}

/** The starter codebook and nine copies of its codes (ids `<id>_copy1` … `_copy9`). */
export function writeCopiedCodebook(source, target, factor = 10) {
  const book = readBook(source);
  const original = JSON.stringify(book.codes);
  for (let k = 1; k < factor; k++) {
    const copy = JSON.parse(original);
    for (const code of copy) code.id = `${code.id}_copy${k}`;
    book.codes.push(...copy);
  }
  writeFileSync(target, stringify(book, { lineWidth: 0 }));
}
