// A text source written as a qcode transcript file. As it is when it has speaker lines
// and nothing coded before the first; otherwise a `Document:` label goes at the start and
// before each paragraph no selection runs through, so every coded passage lies in a turn
// and no selected text ever has a label inside it. Offsets into the source map onto the
// written document text through `map`.

import { parsePlainText } from '../segment/plaintext.js';
import type { Attributes, Transcript } from '../types.js';

export const DOCUMENT_SPEAKER = 'Document';
const LABEL = `${DOCUMENT_SPEAKER}: `;

export interface Span {
  start: number;
  end: number;
}

export interface Written {
  fileText: string;
  body: string;
  t: Transcript;
  kind: 'interview' | 'document';
  /** Normalised-text code point offset → document-text code point offset. */
  map: (at: number, side: 'start' | 'end') => number;
}

function frontMatter(id: string, speakers: string[], attrs: Attributes): string {
  const lines = ['---', `id: ${yamlScalar(id)}`];
  if (speakers.length > 0) lines.push(`speakers: [${speakers.map(yamlScalar).join(', ')}]`);
  for (const [k, v] of Object.entries(attrs)) lines.push(`${yamlScalar(k)}: ${v === null ? 'null' : typeof v === 'string' ? yamlScalar(v) : String(v)}`);
  lines.push('---', '');
  return lines.join('\n');
}

/** A YAML scalar that reads back as the same string. */
function yamlScalar(s: string): string {
  return /^[\p{L}\p{N}_][\p{L}\p{N}_ .()-]*$/u.test(s) && !/^(true|false|null|yes|no|on|off|~)$/i.test(s) && !/^[\d.+-]/.test(s) && s.trim() === s
    ? s
    : JSON.stringify(s);
}

function parse(fileText: string, id: string, interviewers: readonly string[], file: string): Transcript {
  return parsePlainText(fileText, { id, source: `${file}#${id}`, format: 'txt', interviewers });
}

/**
 * The source as a transcript file. As written when it has speaker lines and nothing
 * coded before the first; otherwise the paragraphs that need it get a `Document:` label.
 */
export function writeSource(id: string, text: string, spans: Span[], attrs: Attributes, interviewers: readonly string[], file: string): Written {
  let plain = parse(frontMatter(id, [], {}) + text, id, interviewers, file);
  // A file qcode wrote before (exported, now imported again) has its `Document:` turns already.
  if (text.startsWith(LABEL) || text.includes(`\n${LABEL}`)) {
    const listed = [...new Set([...plain.turns.map((t) => t.speaker), DOCUMENT_SPEAKER])];
    plain = parse(frontMatter(id, listed, {}) + text, id, interviewers, file);
  }
  const speakers = [...new Set(plain.turns.map((t) => t.speaker))];
  const preamble = plain.preamble;
  const codedPreamble = preamble !== undefined && spans.some((s) => s.start < preamble.end);
  if (plain.turns.length > 0 && !codedPreamble) {
    const fileText = frontMatter(id, speakers, attrs) + text;
    return { fileText, body: text, t: parse(fileText, id, interviewers, file), kind: 'interview', map: (at) => at };
  }
  // Label each paragraph of the text before the first turn (all of it, for a document).
  const until = plain.turns.length > 0 ? [...text].slice(0, plain.turns[0]!.span.start).join('').lastIndexOf('\n') + 1 : text.length;
  const chars = [...text];
  // A label goes at the text's start and at each later paragraph no selection runs through,
  // so no selected text ever has a label inside it (an unlabelled paragraph continues the turn).
  const inside = (p: number): boolean => spans.some((sp) => sp.start < p && p < sp.end);
  const found = paragraphStarts(chars, plain.turns.length > 0 ? [...text.slice(0, until)].length : chars.length);
  const starts = [0, ...found.filter((p) => p > 0 && !inside(p))];
  let body = '';
  let k = 0;
  for (const p of starts) {
    body += chars.slice(k, p).join('') + LABEL;
    k = p;
  }
  body += chars.slice(k).join('');
  const fileText = frontMatter(id, [...speakers, DOCUMENT_SPEAKER], attrs) + body;
  const width = [...LABEL].length;
  const map = (at: number, side: 'start' | 'end'): number => at + width * countBefore(starts, at, side === 'start');
  return { fileText, body, t: parse(fileText, id, interviewers, file), kind: plain.turns.length > 0 ? 'interview' : 'document', map };
}

/** Code point offsets of the line on which each paragraph (a run of non-blank lines) starts, before `limit`. */
function paragraphStarts(chars: string[], limit: number): number[] {
  const out: number[] = [];
  let lineStart = 0;
  let inParagraph = false;
  for (let i = 0; i <= chars.length && lineStart < limit; i++) {
    if (i < chars.length && chars[i] !== '\n') continue;
    const blank = chars.slice(lineStart, i).join('').trim() === '';
    if (!blank && !inParagraph) out.push(lineStart);
    inParagraph = !blank;
    lineStart = i + 1;
  }
  return out;
}

/** How many of the sorted `xs` are before `at` (or at it, when `inclusive`). */
function countBefore(xs: number[], at: number, inclusive: boolean): number {
  let n = 0;
  for (const x of xs) if (x < at || (inclusive && x === at)) n++;
  return n;
}
