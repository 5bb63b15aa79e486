// `deid`: text that may identify a person, in the words, the speaker labels and the
// lines around them (an export's title, a footer), each with its place in the file,
// its document offsets, a kind and a confidence. Also the small helpers every report
// that prints transcript text uses: warn about an excerpt, or mask it.

import { detectIdentifiers, labelKind, maskText, nameWords, PLACEHOLDERS, replaceDetections, isGenericLabel, BOOKKEEPING_KEYS } from '../core/deid/index.js';
import type { Detection, IdentifierKind } from '../core/deid/index.js';
import { OffsetMap } from '../core/segment/offsets.js';
import type { Transcript, Warning } from '../core/types.js';
import { readConfig } from '../io/config.js';
import { readTextFile } from '../io/file.js';
import { openStudy } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';
import { readStudyTranscripts } from './transcripts.js';
import { appendAll } from '../core/lists.js';

export type FindingPlace = 'words' | 'speaker' | 'header';

export interface DeidFinding {
  transcript: string;
  /** The file it was read from. */
  source: string;
  /** 1-based line and column in that file. */
  line: number;
  col: number;
  /** Code-point offsets into the transcript's document text; null for a line outside it (a title, a footer). */
  start: number | null;
  end: number | null;
  kind: IdentifierKind;
  confidence: number;
  /** The words found, masked (`M•••• L••••`) unless the run asked to show them. */
  text: string;
  /** In a turn's words, in a speaker label, or on a line that is no one's words. */
  in: FindingPlace;
}

export interface DeidRunOptions extends StudyOptions {
  /** Print the words found instead of their masked shape. */
  show?: boolean;
  /** Terms accepted as not identifying, besides qcode.yaml `deid.allow`. */
  allow?: string[];
}

export interface DeidResult {
  findings: DeidFinding[];
  /** Transcripts read. */
  transcripts: number;
  shown: boolean;
  reads: string[];
  warnings: Warning[];
}

export async function runDeid(opts: DeidRunOptions, hooks: RunHooks = {}): Promise<DeidResult> {
  const warnings = new Warnings(hooks.onWarning);
  const study = await openStudy(opts, 'optional');
  const allow = [...(study.config.deid?.allow ?? []), ...(opts.allow ?? [])];
  const findings: DeidFinding[] = [];
  const sources = new SourceCache();
  let count = 0;
  for await (const t of readStudyTranscripts(study.inputs, study.reading, warnings, hooks)) {
    count++;
    const lines = await sources.lines(t);
    appendAll(findings, findInTranscript(t, lines, { allow, show: Boolean(opts.show) }));
  }
  return { findings, transcripts: count, shown: Boolean(opts.show), reads: study.reads, warnings: warnings.list };
}

/** Source files as lines, read once each (a CSV or JSON file may hold many transcripts). */
class SourceCache {
  private readonly cache = new Map<string, Promise<string[] | null>>();

  lines(t: Transcript): Promise<string[] | null> {
    if (t.format === 'docx') return Promise.resolve(null);
    let hit = this.cache.get(t.source);
    if (!hit) {
      hit = readTextFile(t.source).then((s) => s.split('\n'), () => null);
      this.cache.set(t.source, hit);
    }
    return hit;
  }
}

/** Every finding of one transcript: speaker labels first, then words and other lines in file order. */
export function findInTranscript(t: Transcript, sourceLines: string[] | null, opts: { allow: readonly string[]; show: boolean }): DeidFinding[] {
  const labels = labelSpans(t);
  const knownNames = [...new Set(t.turns.map((turn) => turn.speaker))].filter((l) => !isGenericLabel(l) && labelKind(l) === 'name');
  const map = new OffsetMap(t.text);
  const locate = new Locator(t, sourceLines);
  const shown = (s: string): string => (opts.show ? s : maskText(s));
  const out: DeidFinding[] = [];
  const seenLabels = new Set<string>();
  for (const l of labels) {
    if (seenLabels.has(l.speaker) || isGenericLabel(l.speaker)) continue;
    seenLabels.add(l.speaker);
    const kind = labelKind(l.speaker) ?? 'name';
    const place = locate.at(l.start, l.speaker, true);
    out.push({ transcript: t.id, source: t.source, ...place, start: map.toCodePoint(l.start), end: map.toCodePoint(l.end), kind, confidence: 0.9, text: shown(l.speaker), in: 'speaker' });
  }
  for (const d of detectIdentifiers(t.text, { allow: opts.allow, knownNames })) {
    if (labels.some((l) => l.start < d.end && d.start < l.end)) continue;
    const place = locate.at(d.start, d.text);
    out.push({ transcript: t.id, source: t.source, ...place, start: map.toCodePoint(d.start), end: map.toCodePoint(d.end), kind: d.kind, confidence: d.confidence, text: shown(d.text), in: 'words' });
  }
  for (const u of t.unread) {
    if (u.kind === 'preamble' && t.preamble) continue; // plain text keeps its preamble in the document text
    for (const d of detectIdentifiers(u.text, { allow: opts.allow, knownNames })) {
      const col = sourceLines?.[u.line - 1]?.indexOf(u.text) ?? -1;
      out.push({ transcript: t.id, source: t.source, line: u.line, col: Math.max(0, col) + 1 + [...u.text.slice(0, d.start)].length, start: null, end: null, kind: d.kind, confidence: d.confidence, text: shown(d.text), in: 'header' });
    }
  }
  for (const f of frontMatterValues(sourceLines)) {
    for (const d of valueFindings(f.key, f.value, opts.allow, knownNames)) {
      out.push({ transcript: t.id, source: t.source, line: f.line, col: f.col + [...f.value.slice(0, d.start)].length, start: null, end: null, kind: d.kind, confidence: d.confidence, text: shown(d.text), in: 'header' });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Keys that say what their value is: `city: Toledo` is a place whatever its words look like. */
const KEY_KINDS: [RegExp, IdentifierKind][] = [
  [/(?:^|_)(?:name|first|last|surname|participant_name)$/i, 'name'],
  [/(?:^|_)(?:city|town|county|neighbou?rhood|hometown)$/i, 'place'],
  [/(?:^|_)(?:address|street)$/i, 'address'],
  [/(?:^|_)(?:phone|mobile|cell)$/i, 'phone'],
  [/(?:^|_)(?:dob|birthday|birth_?date|date_of_birth)$/i, 'date'],
];

function valueFindings(key: string, value: string, allow: readonly string[], knownNames: readonly string[]): Detection[] {
  const found = detectIdentifiers(value, { allow, knownNames });
  const kind = KEY_KINDS.find(([re]) => re.test(key))?.[1];
  const plain = value.replace(/^["']|["']$/g, '').trim();
  if (!kind || plain === '' || isGenericLabel(plain) || /^\[.*\]$/.test(plain) || allow.some((a) => a.toLowerCase() === plain.toLowerCase())) return found;
  const start = value.indexOf(plain);
  return [{ start, end: start + plain.length, kind, confidence: 0.9, text: plain }];
}

/** Values of a plain-text transcript's front matter (`name: Maria Lopez` identifies as much as a turn does). */
function frontMatterValues(lines: string[] | null): { key: string; line: number; col: number; value: string }[] {
  if (!lines || !/^---[ \t]*$/.test(lines[0] ?? '')) return [];
  const out: { key: string; line: number; col: number; value: string }[] = [];
  for (let i = 1; i < lines.length && !/^---[ \t]*$/.test(lines[i] ?? ''); i++) {
    const m = /^(\s*[\w.-]+\s*:\s*)(.+)$/.exec(lines[i] ?? '');
    const key = m?.[1]!.replace(/[\s:]/g, '') ?? '';
    if (!m || BOOKKEEPING_KEYS.test(key)) continue;
    out.push({ key, line: i + 1, col: [...m[1]!].length + 1, value: m[2]! });
  }
  return out;
}

/** Where each turn's label sits in the document text (`LABEL: words` lines). */
export function labelSpans(t: Transcript): { speaker: string; start: number; end: number }[] {
  const map = new OffsetMap(t.text);
  const spans: { speaker: string; start: number; end: number }[] = [];
  for (const turn of t.turns) {
    const at = map.toUtf16(turn.span.start);
    const lineStart = t.text.lastIndexOf('\n', at - 1) + 1;
    const i = t.text.slice(lineStart, at).indexOf(turn.speaker);
    if (i >= 0) spans.push({ speaker: turn.speaker, start: lineStart + i, end: lineStart + i + turn.speaker.length });
  }
  return spans;
}

/**
 * A place in the file for a place in the document text. Plain text is the file less
 * its front matter, so lines count through; other exports are searched for the words
 * from the line of the turn that holds them.
 */
class Locator {
  private readonly turnStarts: { at: number; line: number; speaker: string }[];
  private readonly cursor = new Map<string, number>();

  constructor(private readonly t: Transcript, private readonly lines: string[] | null) {
    const map = new OffsetMap(t.text);
    this.turnStarts = t.turns.map((turn) => {
      const at = map.toUtf16(turn.span.start);
      return { at: t.text.lastIndexOf('\n', at - 1) + 1, line: turn.line ?? 1, speaker: turn.speaker };
    });
  }

  at(pos: number, words: string, isLabel = false): { line: number; col: number } {
    const turn = [...this.turnStarts].reverse().find((s) => s.at <= pos) ?? this.turnStarts[0];
    const lineStart = this.t.text.lastIndexOf('\n', pos - 1) + 1;
    const colInDoc = [...this.t.text.slice(lineStart, pos)].length + 1;
    if (!turn) return { line: 1, col: colInDoc };
    const newlines = countNewlines(this.t.text, Math.min(turn.at, pos), Math.max(turn.at, pos)) * (pos >= turn.at ? 1 : -1);
    if (this.t.layout === 'plain' && (this.t.format === 'txt' || this.t.format === 'md')) return { line: turn.line + newlines, col: colInDoc };
    return this.search(turn.line, words, isLabel ? '' : turn.speaker) ?? { line: turn.line, col: colInDoc };
  }

  /** The next place the words are written, from the turn's line on. */
  private search(fromLine: number, words: string, label: string): { line: number; col: number } | null {
    if (!this.lines) return null;
    const key = `${fromLine}\u0000${words}`;
    // Words are looked for after the label that opens their line ("Rashida Okoro: Okoro is …").
    const first = this.lines[fromLine - 1] ?? '';
    const labelAt = label === '' ? -1 : first.indexOf(label);
    const [startLine, startCol] = decode(this.cursor.get(key), fromLine, labelAt >= 0 && labelAt <= 4 ? labelAt + label.length : 0);
    for (let n = startLine; n <= Math.min(this.lines.length, fromLine + 60); n++) {
      const line = this.lines[n - 1] ?? '';
      const i = line.indexOf(words, n === startLine ? startCol : 0);
      if (i < 0) continue;
      this.cursor.set(key, n * 100000 + i + 1);
      return { line: n, col: [...line.slice(0, i)].length + 1 };
    }
    return null;
  }
}

function decode(v: number | undefined, fromLine: number, fromCol: number): [number, number] {
  return v === undefined ? [fromLine, fromCol] : [Math.floor(v / 100000), v % 100000];
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * For reports that print transcript text: one warning per excerpt that holds a likely
 * identifier (names, phones, addresses…), saying where and what kind, never the words.
 */
export function identifierWarnings(texts: readonly { text: string; where: string }[], allow: readonly string[] = []): Warning[] {
  const out: Warning[] = [];
  for (const { text, where } of texts) {
    const found = detectIdentifiers(text, { allow }).filter((d) => d.confidence >= 0.6);
    if (found.length === 0) continue;
    const kinds = [...new Set(found.map((d) => d.kind))].join(', ');
    out.push({ message: `${where}: this excerpt may identify someone (${kinds}); run qcode deid on the transcripts, or pass --redact to mask it` });
  }
  return out;
}

/** The text with likely identifiers replaced by typed placeholders ([NAME], [PHONE] …). */
export function maskIdentifiers(text: string, allow: readonly string[] = []): string {
  return replaceDetections(text, detectIdentifiers(text, { allow }).filter((d) => d.confidence >= 0.6));
}

export { nameWords, type Detection };

/** What a report that prints transcript text tells `guardQuotes`/`guardCodings`. */
export interface GuardOptions {
  /** `--redact`: replace likely identifiers in what is printed with [NAME], [PHONE] …. */
  redact?: boolean;
  /** The study config, for `deid.allow` (default ./qcode.yaml when it exists). */
  config?: string;
}

interface TurnLike {
  speaker: string;
  text: string;
  excerpt: { parts: { text: string }[] };
}

interface QuoteLike extends TurnLike {
  segment: string;
  evidence: { text: string }[];
  question?: TurnLike;
  context?: { before: TurnLike[]; after: TurnLike[] };
}

/**
 * For `quotes` and `report`: one warning naming the quotes that may identify someone
 * (where and what kind, never the words); with `redact`, the quotes' words and
 * speaker labels are masked in place before anything is printed.
 */
export async function guardQuotes(quotes: QuoteLike[], opts: GuardOptions): Promise<Warning | null> {
  const allow = await allowList(opts.config);
  const flagged: string[] = [];
  for (const q of quotes) {
    const kinds = new Set(detectIdentifiers(q.text, { allow }).filter((d) => d.confidence >= 0.6).map((d) => d.kind));
    if (!isGenericLabel(q.speaker)) kinds.add(labelKind(q.speaker) ?? 'name');
    if (kinds.size > 0) flagged.push(`${q.segment} (${[...kinds].join(', ')})`);
    if (!opts.redact) continue;
    for (const t of [q, ...(q.question ? [q.question] : []), ...(q.context?.before ?? []), ...(q.context?.after ?? [])]) maskTurn(t, allow);
    q.evidence.forEach((e) => (e.text = maskIdentifiers(e.text, allow)));
  }
  // A quote shown under a code and its parent is one quote.
  return flaggedWarning([...new Set(flagged)], 'quote', Boolean(opts.redact));
}

/** For `code`: the evidence words printed in the coded table, checked (and masked with `redact`) the same way. */
export async function guardCodings(codings: GuardedCoding[], opts: GuardOptions): Promise<Warning | null> {
  const guard = await CodingsGuard.open(opts);
  guard.look(codings);
  return guard.warning();
}

type GuardedCoding = { segment: string; evidence: { text?: string }[] };

/** guardCodings a transcript at a time, for codings that are never all in memory. */
export class CodingsGuard {
  private readonly flagged = new Set<string>();
  // Evidence repeats the same few matched words: each distinct text is looked at once.
  private readonly seen = new Map<string, Set<IdentifierKind>>();

  private constructor(private readonly allow: string[], private readonly redact: boolean) {}

  static async open(opts: GuardOptions): Promise<CodingsGuard> {
    return new CodingsGuard(await allowList(opts.config), Boolean(opts.redact));
  }

  /** Notes the codings whose evidence may identify someone; with `redact`, masks it in place. */
  look(codings: GuardedCoding[]): void {
    for (const c of codings) {
      const words = c.evidence.map((e) => e.text ?? '').join(' | ');
      let kinds = this.seen.get(words);
      if (!kinds) this.seen.set(words, (kinds = new Set(detectIdentifiers(words, { allow: this.allow }).filter((d) => d.confidence >= 0.6).map((d) => d.kind))));
      if (kinds.size > 0) this.flagged.add(`${c.segment} (${[...kinds].join(', ')})`);
      if (this.redact) c.evidence.forEach((e) => e.text !== undefined && (e.text = maskIdentifiers(e.text, this.allow)));
    }
  }

  warning(): Warning | null {
    return flaggedWarning([...this.flagged], 'coded segment', this.redact);
  }
}

function maskTurn(t: TurnLike, allow: readonly string[]): void {
  t.text = maskIdentifiers(t.text, allow);
  t.excerpt.parts.forEach((p) => (p.text = maskIdentifiers(p.text, allow)));
  if (!isGenericLabel(t.speaker)) t.speaker = PLACEHOLDERS[labelKind(t.speaker) ?? 'name'];
}

function flaggedWarning(flagged: string[], what: string, redacted: boolean): Warning | null {
  if (flagged.length === 0) return null;
  const shown = flagged.slice(0, 5).join('; ') + (flagged.length > 5 ? '; …' : '');
  const n = flagged.length === 1 ? `1 ${what}` : `${flagged.length} ${what}s`;
  return {
    message: redacted
      ? `${n} held likely identifiers, masked in this output (--redact): ${shown}`
      : `${n} may identify someone: ${shown}; pass --redact to mask them, and run qcode deid on the transcripts`,
  };
}

async function allowList(config: string | undefined): Promise<string[]> {
  return (await readConfig(config)).deid?.allow ?? [];
}
