// front matter: YAML between a first line `---` and the next `---`.
// The block (both fence lines, the lines between them and the newline after the
// closing fence) is cut from the document text; `lineOffset` says how many source
// lines it took, so line numbers can still point into the file as written.

import { isMap, isScalar, parseDocument } from '../yaml-lib.js';
import { QcodeError } from '../errors.js';
import { LINE_TERMINATOR } from './lines.js';
import { yamlMessage } from '../yaml-message.js';
import type { AttributeValue, Attributes } from '../types.js';

export interface FrontMatter {
  /** The text after the front matter block (all of it when there is none). */
  body: string;
  /** Source lines taken by the block, 0 when there is none. */
  lineOffset: number;
  /** `id`, as written (so `id: 03` stays `03`). */
  id?: string;
  /** `speakers: [...]`, when given. */
  speakers?: string[];
  attributes: Attributes;
}

const FENCE = /^---[ \t]*$/;

/** Coerce a YAML value to a case attribute; lists of plain values are joined with `; `. */
export function toAttributeValue(value: unknown): AttributeValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value) && value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) {
    return value.map((v) => String(v)).join('; ');
  }
  return undefined;
}

// Most front matter is a few `key: value` lines, and a corpus has one block per file:
// YAML with every position kept costs 0.1 ms a block, most of the reading time of a
// small transcript. Lines of the plain shapes below mean the same to YAML's core schema
// as they are read here (a word or words, a whole number, a range like 35-44, a list of
// labels); anything else — quotes, comments, a colon, true/null, a repeated key — is
// left to the YAML parser, with its messages and places.
const PLAIN_KEY = /^([A-Za-z_][A-Za-z0-9_]*): /;

/**
 * `key:  value  ` as its key and value (spaces after the colon and blanks at the end left
 * out), or null. Read by hand: a pattern with a lazy value before `[ \t]*$` tried every
 * split of a run of spaces (a line of 200,000 of them: 20 s).
 */
export function plainKeyValue(line: string): [string, string] | null {
  const m = PLAIN_KEY.exec(line);
  if (!m || LINE_TERMINATOR.test(line)) return null;
  let start = m[0].length;
  while (line[start] === ' ') start++;
  let end = line.length;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return [m[1]!, line.slice(start, end)];
}
const LABEL = /^[A-Za-z][A-Za-z0-9_]*$/;
const WORDS = /^[A-Za-z][A-Za-z0-9_ ,.'/()&-]*$/;
const WHOLE = /^(0|[1-9][0-9]{0,14})$/;
const RANGE = /^[0-9]+(-[0-9]+)+$/;
const SPECIAL = /^(true|false|null)$/i;

type PlainValue = string | number | string[];

/** One value of the plain shapes, or undefined when YAML must read it. */
function plainValue(text: string): PlainValue | undefined {
  if (text.startsWith('[') && text.endsWith(']')) {
    const items = text.slice(1, -1).split(',').map((s) => s.trim());
    return items.every((i) => LABEL.test(i) && !SPECIAL.test(i)) ? items : undefined;
  }
  if (WHOLE.test(text)) return Number(text);
  if (RANGE.test(text)) return text;
  if (WORDS.test(text) && !SPECIAL.test(text) && !text.includes(' #')) return text;
  return undefined;
}

/** Reads `yaml` into `fm` when every line is of the plain shapes; false (and `fm` untouched) otherwise. */
export function readPlainLines(yaml: string, fm: FrontMatter): boolean {
  const pairs = new Map<string, PlainValue>();
  for (const line of yaml.split('\n')) {
    if (line.trim() === '') continue;
    const kv = plainKeyValue(line);
    if (!kv || pairs.has(kv[0])) return false;
    const value = plainValue(kv[1]);
    if (value === undefined) return false;
    pairs.set(kv[0], value);
  }
  // What YAML's reader below would refuse, with a message: an id list, a number of speakers.
  if (Array.isArray(pairs.get('id')) || typeof pairs.get('speakers') === 'number') return false;
  for (const [key, value] of pairs) {
    if (key === 'id') fm.id = String(value).trim();
    else if (key === 'speakers') fm.speakers = speakerLabels(Array.isArray(value) ? value : [value]);
    else fm.attributes[key] = toAttributeValue(value)!;
  }
  return true;
}

/** Speaker labels as listed, trimmed, empty ones dropped. */
function speakerLabels(list: Array<string | number>): string[] {
  return list.map((s) => String(s).trim()).filter((s) => s !== '');
}

/** Where a front matter block is: its YAML, the body after it, the source lines it takes. */
interface Block {
  yaml: string;
  body: string;
  lines: number;
}

/**
 * The fences of a front matter block, without reading its YAML (layout detection only
 * needs the body). Null when the text has none; 'unclosed' when line 1 opens one that
 * no later line closes.
 */
export function frontMatterBlock(text: string): Block | 'unclosed' | null {
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0 || !FENCE.test(text.slice(0, firstEnd))) return null;
  let pos = firstEnd + 1;
  let line = 2;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    if (FENCE.test(text.slice(pos, end))) {
      return { yaml: text.slice(firstEnd + 1, pos), body: text.slice(nl < 0 ? text.length : nl + 1), lines: line };
    }
    if (nl < 0) break;
    pos = nl + 1;
    line++;
  }
  return 'unclosed';
}

/** Split normalised text into front matter and body. */
export function splitFrontMatter(text: string, file: string): FrontMatter {
  const block = frontMatterBlock(text);
  if (block === null) return { body: text, lineOffset: 0, attributes: {} };
  if (block === 'unclosed') {
    throw new QcodeError('front matter opened with "---" on line 1 is never closed by a "---" line', {
      file,
      line: 1,
      col: 1,
    });
  }
  const yamlText = block.yaml;
  const fm: FrontMatter = { body: block.body, lineOffset: block.lines, attributes: {} };
  if (!readPlainLines(yamlText, fm)) readYamlLines(yamlText, fm, file);
  return fm;
}

/** Reads a front matter block's YAML into `fm`, or says where and why it cannot. */
export function readYamlLines(yamlText: string, fm: FrontMatter, file: string): void {
  const doc = parseDocument(yamlText);
  const err = doc.errors[0];
  if (err) {
    const at = err.linePos?.[0];
    throw new QcodeError(`front matter is not valid YAML: ${yamlMessage(err.message)}`, {
      file,
      line: (at?.line ?? 1) + 1,
      col: at?.col ?? 1,
    });
  }
  if (doc.contents === null) return;
  if (!isMap(doc.contents)) {
    throw new QcodeError('front matter must be YAML "key: value" lines', { file, line: 2, col: 1 });
  }

  const lineOf = (offset: number | undefined): number => {
    if (offset === undefined) return 2;
    let n = 2;
    for (let i = 0; i < offset && i < yamlText.length; i++) if (yamlText.charCodeAt(i) === 10) n++;
    return n;
  };

  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const where = { file, line: lineOf(isScalar(keyNode) ? keyNode.range?.[0] : undefined), col: 1 };
    const valueNode = pair.value;
    const value: unknown = isScalar(valueNode) ? valueNode.value : (valueNode as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;

    if (key === 'id') {
      // Keep the id exactly as typed: YAML would read `id: 03` as the number 3.
      const id = isScalar(valueNode) && valueNode.type === 'PLAIN' && valueNode.source !== undefined ? valueNode.source : value;
      if (id === null || id === undefined || typeof id === 'object' || String(id).trim() === '') {
        throw new QcodeError('front matter "id" must be a single non-empty value', where);
      }
      fm.id = String(id).trim();
    } else if (key === 'speakers') {
      const list = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(list) || !list.every((s) => typeof s === 'string' || typeof s === 'number')) {
        throw new QcodeError('front matter "speakers" must be a list of speaker labels, like [I, P03]', where);
      }
      fm.speakers = speakerLabels(list);
    } else {
      const attr = toAttributeValue(value);
      if (attr === undefined) {
        throw new QcodeError(`front matter "${key}" must be a single value (text, number, true/false) or a list of them`, where);
      }
      fm.attributes[key] = attr;
    }
  }
}
