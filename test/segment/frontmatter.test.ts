import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { madeUpLines } from '../made-up.js';
import { frontMatterBlock, plainKeyValue, readPlainLines, readYamlLines, splitFrontMatter, type FrontMatter } from '../../src/core/segment/frontmatter.js';

// Plain `key: value` front matter is read without the YAML parser (a corpus has one
// block per file). It must read exactly what YAML reads, and leave the rest to YAML.

const fresh = (): FrontMatter => ({ body: '', lineOffset: 0, attributes: {} });

function both(yaml: string): { plain: FrontMatter | null; parsed: FrontMatter } {
  const plain = fresh();
  const parsed = fresh();
  readYamlLines(yaml, parsed, 'T.txt');
  return { plain: readPlainLines(yaml, plain) ? plain : null, parsed };
}

/** Every front matter block of the transcripts shipped in this repository. */
function shippedBlocks(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(txt|md)$/.test(name)) {
        const block = frontMatterBlock(readFileSync(path, 'utf8').replace(/\r\n?/g, '\n'));
        if (block && block !== 'unclosed') out.push(block.yaml);
      }
    }
  };
  for (const dir of ['fixtures', 'eval', 'test/fixtures', 'templates']) walk(dir);
  return out;
}

describe('front matter of plain lines', () => {
  it('reads what YAML reads, for every block shipped here and their variants', () => {
    const blocks = shippedBlocks();
    expect(blocks.length).toBeGreaterThan(50);
    let plain = 0;
    const variants = (y: string) => [y, y.replace(/: /g, ':   '), y.replace(/\n/g, '  \n'), `${y}\nnote: Mr. O'Neil, (retired) & co/op\nwave: 35-44\ncount: 12\n`];
    for (const yaml of blocks.flatMap(variants)) {
      const r = both(yaml);
      if (r.plain) {
        plain++;
        expect(r.plain, yaml).toEqual(r.parsed);
      }
    }
    expect(plain).toBeGreaterThan(blocks.length);
  });

  it('leaves to YAML what could mean something else there', () => {
    for (const yaml of [
      'id: 03\n', // YAML keeps the id as typed only through its own reader
      'active: true\n', 'left: null\n', 'tags: [I, true]\n',
      'note: "quoted"\n', 'note: a # comment\n', 'time: 10:30\n', 'ratio: 1e3\n', 'hex: 0x1F\n',
      'id: A\nid: B\n', 'note:\n  nested: x\n', '# a comment\nid: A\n', 'list: []\n', 'key:\tvalue\n',
    ]) {
      expect(readPlainLines(yaml, fresh()), yaml).toBe(false);
    }
  });

  it('gives the same transcript either way: id, speakers, attributes', () => {
    const fm = splitFrontMatter('---\nid: P7\nspeakers: [I, P7]\nage_band: 35-44\nyears_out: 11\nrole: peer advocate, part-time\n---\nI: Hi.\n', 'P7.txt');
    expect(fm).toEqual({
      body: 'I: Hi.\n', lineOffset: 7, id: 'P7', speakers: ['I', 'P7'],
      attributes: { age_band: '35-44', years_out: 11, role: 'peer advocate, part-time' },
    });
  });
});

describe('a plain key line, read by hand', () => {
  // The pattern the line was once read with; the reading by hand must agree with it.
  const PATTERN = /^([A-Za-z_][A-Za-z0-9_]*): +(.*?)[ \t]*$/;

  it('gives the key and value the pattern gave, on lines of every shape', () => {
    const pieces = ['id', 'region', '_x', '9a', ':', ': ', ' ', '  ', '\t', 'urban', 'peer mentor', '35-44', '[I, P01]', '#', '\u2028', '\r', '\u00a0', 'x'];
    let matched = 0;
    for (const line of madeUpLines(pieces, 50_000, 11)) {
      const m = PATTERN.exec(line);
      if (m) matched++;
      expect(plainKeyValue(line), JSON.stringify(line)).toEqual(m ? [m[1], m[2]] : null);
    }
    expect(matched).toBeGreaterThan(500);
  });

  it('reads a line of 200,000 spaces at once (the pattern took 20 s)', () => {
    expect(plainKeyValue(`region: a${' '.repeat(200_000)}b`)).toEqual(['region', `a${' '.repeat(200_000)}b`]);
  });
});
