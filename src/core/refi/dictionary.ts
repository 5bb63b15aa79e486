// Word-count dictionaries as codebook rules: LIWC-style `.dic` files and quanteda/YAML
// dictionaries. Each category becomes a code whose one rule is `any:` its entries. A
// dictionary entry matches a word exactly (case aside), so a plain entry becomes an
// exact term (`=home`); an entry ending in `*` is a prefix (`homeless*`), as in qcode.

import { parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import { QcodeError } from '../errors.js';
import { LINE_TERMINATOR } from '../segment/lines.js';
import type { Warning } from '../types.js';
import type { CodebookDoc, CodeDoc } from './codebook.js';
import { idFromName, SiblingIds } from './names.js';

interface Category {
  name: string;
  terms: string[];
  children: Category[];
}

/** A dictionary entry as a qcode term, or null when it cannot be one (a `?` glob, LIWC's conditional entries). */
export function termOf(entry: string): string | null {
  const words = entry.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return null;
  for (const w of words) {
    const body = w.endsWith('*') ? w.slice(0, -1) : w;
    if (body === '' || /[*?()[\]{}<>/\\]/.test(body)) return null;
  }
  return words.map((w) => (w.endsWith('*') ? w : `=${w}`)).join(' ');
}

function toCodes(cats: Category[], moved: { dropped: string[] }): CodeDoc[] {
  const ids = new SiblingIds();
  return cats.map((c) => {
    const doc: CodeDoc = { id: ids.claim(idFromName(c.name)), label: c.name };
    const terms: string[] = [];
    for (const t of c.terms) {
      const term = termOf(t);
      if (term === null) moved.dropped.push(`${c.name}: ${t}`);
      else if (!terms.includes(term)) terms.push(term);
    }
    if (terms.length > 0) doc.match = [{ any: terms }];
    const children = toCodes(c.children, moved);
    if (children.length > 0) doc.children = children;
    return doc;
  });
}

function build(cats: Category[], name: string, file: string): { doc: CodebookDoc; warnings: Warning[] } {
  const moved = { dropped: [] as string[] };
  const codes = toCodes(cats, moved);
  const warnings: Warning[] = [];
  if (moved.dropped.length > 0) {
    const shown = moved.dropped.slice(0, 5).map((d) => `"${d}"`).join(', ');
    warnings.push({ file, message: `${moved.dropped.length} entr${moved.dropped.length === 1 ? 'y' : 'ies'} cannot be a qcode term (a ? wildcard, a * inside a word, a conditional LIWC entry) and are left out: ${shown}${moved.dropped.length > 5 ? ', …' : ''}` });
  }
  if (codes.length === 0) throw new QcodeError('the dictionary has no categories', { file });
  return { doc: { name, version: '1.0.0', language: 'en', unit: 'turn', codes }, warnings };
}

/**
 * LIWC `.dic`: a `%`-fenced header of `number<TAB>category` lines, then one entry per
 * line followed by the numbers of its categories.
 */
export function parseLiwc(text: string, name: string, file: string): { doc: CodebookDoc; warnings: Warning[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fences = lines.map((l, i) => (l.trim() === '%' ? i : -1)).filter((i) => i >= 0);
  if (fences.length < 2) throw new QcodeError('not a LIWC dictionary: expected a header of categories between two lines holding only "%"', { file, line: 1, col: 1 });
  const [open, close] = [fences[0]!, fences[1]!];
  const byNumber = new Map<string, Category>();
  const cats: Category[] = [];
  for (let i = open + 1; i < close; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const m = /^(\S+)\s+(.+)$/.exec(line);
    if (!m) throw new QcodeError(`a category line is "<number> <name>", not "${line}"`, { file, line: i + 1, col: 1 });
    const cat: Category = { name: m[2]!.trim(), terms: [], children: [] };
    byNumber.set(m[1]!, cat);
    cats.push(cat);
  }
  const unknown = new Set<string>();
  for (let i = close + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    // An entry may hold spaces (a phrase); its category numbers follow, tab- or space-separated.
    const cut = numbersStart(line);
    if (cut < 0) {
      unknown.add(line);
      continue;
    }
    const entry = line.slice(0, cut).trim();
    for (const n of line.slice(cut).trim().split(/\s+/)) {
      const cat = byNumber.get(n);
      if (cat) cat.terms.push(entry);
      else unknown.add(`${entry} → category ${n}`);
    }
  }
  const out = build(cats, name, file);
  if (unknown.size > 0) out.warnings.push({ file, message: `${unknown.size} line(s) name no known category and are left out: ${[...unknown].slice(0, 3).map((u) => `"${u}"`).join(', ')}` });
  return out;
}

/**
 * Where the category numbers at the end of an entry line start (`love 1 12` → 4), each
 * a run of digits after white space, or -1 when the line ends otherwise. Read from the
 * end by hand: `^(.*?)((?:\s+\d+)+)$` took minutes on a line built to be slow.
 */
export function numbersStart(line: string): number {
  const white = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
  const digit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  let cut = -1;
  let end = line.length;
  while (end > 0 && white(line[end - 1])) end--;
  for (;;) {
    let digits = end;
    while (digits > 0 && digit(line[digits - 1])) digits--;
    let spaces = digits;
    while (spaces > 0 && white(line[spaces - 1])) spaces--;
    if (digits === end || spaces === digits) break;
    cut = spaces;
    end = spaces;
  }
  // The entry was `.*?`, which crosses no line terminator.
  return cut > 0 && !LINE_TERMINATOR.test(line.slice(0, cut)) ? cut : -1;
}

/** quanteda's YAML dictionary: keys are categories (nested keys are sub-categories), lists are entries. */
export function parseYamlDictionary(text: string, name: string, file: string): { doc: CodebookDoc; warnings: Warning[] } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new QcodeError(`not a YAML dictionary: ${doc.errors[0]!.message.split('\n')[0]}`, { file });
  if (!isMap(doc.contents)) throw new QcodeError('a YAML dictionary is a mapping of category names to lists of entries', { file });
  const read = (node: Node): Category[] => {
    if (!isMap(node)) return [];
    return node.items.map((pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const cat: Category = { name: key, terms: [], children: [] };
      const v = pair.value as Node | null;
      if (isSeq(v)) cat.terms = v.items.flatMap((x) => (isScalar(x) && x.value !== null ? [String(x.value)] : []));
      else if (isScalar(v) && v.value !== null) cat.terms = [String(v.value)];
      else if (isMap(v)) cat.children = read(v);
      return cat;
    });
  };
  return build(read(doc.contents), name, file);
}
