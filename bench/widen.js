// The starter codebook with nine times as many rules again (ten times in all), for the
// scaling goal of `npm run bench`: more rules should cost little more time, since only
// the rules whose terms or literals a segment holds are looked at. The added codes use
// the synthetic corpus's own words (common and rare alike), so their terms are met at
// the rates real vocabulary is, and each has an any, a near and a regex rule.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { prng, vocabulary } from './corpus.js';

export function writeWidenedCodebook(source, target, factor = 10) {
  const book = parse(readFileSync(source, 'utf8'));
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
