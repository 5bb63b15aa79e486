// A redacted copy of a transcript file, written in its own format: the file's lines
// are rewritten where they hold identifiers, and nothing else moves. Speaker labels
// that are names become pseudonyms where they stand as labels (and in front matter
// `speakers:`), so turns and roles read the same; other identifying words become
// typed placeholders ([NAME], [PHONE] …). Lines that are a format's scaffolding
// (WebVTT timings and cue numbers) are left as they are.

import { detectIdentifiers } from './detect.js';
import { BOOKKEEPING_KEYS, PLACEHOLDERS, type IdentifierKind } from './types.js';

export interface RedactContext {
  /** `vtt` and `srt` have scaffolding lines; other formats are words throughout. */
  format: string;
  /** Speaker label → pseudonym, for labels that identify someone. */
  pseudonyms: ReadonlyMap<string, string>;
  /** Identifying words found in the transcripts' text, replaced wherever they are left. */
  found: readonly { text: string; kind: IdentifierKind }[];
  allow: readonly string[];
  knownNames: readonly string[];
  /**
   * The file's transcript ids, left as written where they stand as a value of their own (a
   * CSV row's cell, a JSON transcript's `"id"`): the study's keys, which a case-number
   * pattern would otherwise make every copy's `[ID]`. The same word in running text is
   * redacted as any other.
   */
  keep?: readonly string[];
}

/** One replacement, for the key file a researcher may ask for. */
export interface Replacement {
  line: number;
  original: string;
  replacement: string;
  kind: IdentifierKind | 'speaker';
}

interface Span {
  start: number;
  end: number;
  text: string;
  original: string;
  kind: IdentifierKind | 'speaker';
}

const SCAFFOLD: Record<string, RegExp> = {
  vtt: /^(?:WEBVTT\b.*|.*-->.*|\d+|[0-9a-f]{8}-[0-9a-f-]{27,})$/i,
  srt: /^(?:\d+|.*-->.*)$/,
};

/** What may stand before a label on its line: timestamps, markup, a table's cells before it. */
const BEFORE_LABEL = /^[\s\[\]\d:.,;()#*<>v\t"'|-]*$/;
/** qcode's JSON transcripts name the speaker in a field. */
const JSON_SPEAKER = /"speaker"\s*:\s*"$/;

export function redactSource(text: string, ctx: RedactContext): { text: string; replacements: Replacement[] } {
  const lines = text.split('\n');
  const frontMatterEnd = frontMatterLines(lines);
  const labels = [...ctx.pseudonyms.keys()].sort((a, b) => b.length - a.length);
  const leftovers = [...new Map(ctx.found.filter((f) => f.text.length >= 3).map((f) => [f.text, f])).values()].sort((a, b) => b.text.length - a.text.length);
  const scaffold = SCAFFOLD[ctx.format];
  const replacements: Replacement[] = [];
  const out = lines.map((line, i) => {
    const body = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (body.trim() === '' || scaffold?.test(body.trim()) || (frontMatterEnd > 0 && (i === 0 || i === frontMatterEnd))) return line;
    const frontMatter = i < frontMatterEnd;
    const spans = labelSpans(body, labels, ctx.pseudonyms, frontMatter);
    // The study's bookkeeping in front matter (its id, when and where) stays as written, as
    // deid leaves it: `id: T000001` is the study's key, not a case number.
    const bookkeeping = frontMatter && BOOKKEEPING_KEYS.test(frontMatterKey(body) ?? '');
    const kept = (ctx.keep ?? []).flatMap((k) => wordHits(body, k).filter((h) => standsAlone(body, h.start, h.end)));
    const taken = (start: number, end: number): boolean => overlaps(spans, start, end) || overlaps(kept, start, end);
    // What the transcript pass found (with its context) first, then what this line shows on its own.
    for (const f of bookkeeping ? [] : leftovers) spans.push(...wordHits(body, f.text).filter((s) => !taken(s.start, s.end)).map((s) => ({ ...s, text: PLACEHOLDERS[f.kind], original: f.text, kind: f.kind })));
    for (const d of bookkeeping ? [] : detectIdentifiers(body, { allow: ctx.allow, knownNames: ctx.knownNames })) {
      if (d.confidence < 0.5 || taken(d.start, d.end)) continue;
      spans.push({ start: d.start, end: d.end, text: PLACEHOLDERS[d.kind], original: d.text, kind: d.kind });
    }
    if (spans.length === 0) return line;
    spans.sort((a, b) => a.start - b.start);
    let rewritten = '';
    let at = 0;
    for (const s of spans) {
      rewritten += body.slice(at, s.start) + s.text;
      at = s.end;
      replacements.push({ line: i + 1, original: s.original, replacement: s.text, kind: s.kind });
    }
    rewritten += body.slice(at);
    return (frontMatter && !bookkeeping ? stillYaml(body, rewritten) : rewritten) + (line.endsWith('\r') ? '\r' : '');
  });
  return { text: out.join('\n'), replacements };
}

/** Whether line[start, end) is a value of its own: a whole cell or a whole quoted string, not words in a sentence. */
function standsAlone(line: string, start: number, end: number): boolean {
  return VALUE_EDGE.test(line[start - 1] ?? '') && VALUE_EDGE.test(line[end] ?? '');
}
/** What stands beside a value of its own: the line's edge, a quote, a cell separator. */
const VALUE_EDGE = /^(?:|"|,|;|\t)$/;

/** The key of a front matter line (`city: Toledo`), or null. */
function frontMatterKey(line: string): string | null {
  return /^\s*([\w.-]+)\s*:/.exec(line)?.[1] ?? null;
}

/**
 * A rewritten front matter line that YAML reads as the text it shows. A value that now
 * starts with a placeholder (`city: [PLACE]`) would be read as a list, so it is quoted
 * whole; in a value that was a list already (`aliases: [Rosa, Ana]`) each placeholder is
 * quoted as an item of its own.
 */
function stillYaml(original: string, line: string): string {
  const m = /^(\s*[\w.-]+\s*:\s*)(\[.*)$/.exec(line);
  if (!m) return line;
  const wasList = /^\s*[\w.-]+\s*:\s*\[/.test(original);
  if (wasList) return m[1] + m[2]!.replace(PLACEHOLDER_TEXT, (p) => JSON.stringify(p));
  return `${m[1]}${JSON.stringify(m[2]!.trimEnd())}`;
}

/** Any placeholder redact writes. */
const PLACEHOLDER_TEXT = new RegExp(Object.values(PLACEHOLDERS).map((p) => p.replace(/[[\]]/g, '\\$&')).join('|'), 'g');
/** Index of the closing `---` of front matter, or 0 when there is none. */
function frontMatterLines(lines: string[]): number {
  if (!/^---[ \t]*\r?$/.test(lines[0] ?? '')) return 0;
  const close = lines.findIndex((l, i) => i > 0 && /^---[ \t]*\r?$/.test(l));
  return close > 0 ? close : 0;
}

/** A speaker's label where it stands as a label (or anywhere in front matter). */
function labelSpans(line: string, labels: readonly string[], pseudonyms: ReadonlyMap<string, string>, anywhere: boolean): Span[] {
  const spans: Span[] = [];
  for (const label of labels) {
    for (const hit of wordHits(line, label)) {
      if (overlaps(spans, hit.start, hit.end)) continue;
      const lead = line.slice(0, hit.start);
      if (!anywhere && !BEFORE_LABEL.test(lead) && !JSON_SPEAKER.test(lead)) continue;
      spans.push({ ...hit, text: pseudonyms.get(label)!, original: label, kind: 'speaker' });
    }
  }
  return spans;
}

/** Whole-word occurrences of `words` in `line`. */
function wordHits(line: string, words: string): { start: number; end: number }[] {
  const hits: { start: number; end: number }[] = [];
  for (let i = line.indexOf(words); i >= 0; i = line.indexOf(words, i + 1)) {
    const end = i + words.length;
    if (isEdge(line, i - 1, words[0]) && isEdge(line, end, words[words.length - 1])) hits.push({ start: i, end });
  }
  return hits;
}

/** A word's edge: a letter or digit touching a letter or digit would be inside another word. */
function isEdge(s: string, i: number, neighbour: string | undefined): boolean {
  const c = s[i];
  if (c === undefined) return true;
  const word = /[\p{L}\p{N}_]/u;
  return !(word.test(c) && neighbour !== undefined && word.test(neighbour));
}

const overlaps = (spans: readonly { start: number; end: number }[], start: number, end: number): boolean => spans.some((s) => s.start < end && start < s.end);
