// the plain-text transcript format (.txt, .md, and .docx once its text
// is extracted). All scanning is done in UTF-16 indices; spans are converted to code
// points once at the end.

import { QcodeError } from '../errors.js';
import type { Format, Layout, Span, Transcript, Turn, UnreadLine, Warning } from '../types.js';
import { splitFrontMatter } from './frontmatter.js';
import { matchLabel, type LabelMatch } from './labels.js';
import { normaliseText } from './normalise.js';
import { OffsetMap } from './offsets.js';
import { isInterviewer, labelKey, roleOf } from './roles.js';
import { checkTranscriptId } from './ids.js';
import { parseClock } from './time.js';

export interface PlainTextOptions {
  /** Transcript id when front matter has none; readers pass the file name without extension. */
  id?: string;
  /** The path the text came from, as given; used in places and `Transcript.source`. */
  source: string;
  format: Format;
  /** Default `plain`; a tool's layout that keeps the plain-text grammar names itself. */
  layout?: Layout;
  interviewers: readonly string[];
}

interface Line {
  start: number;
  end: number;
  /** 1-based line number in the source file. */
  number: number;
  label: LabelMatch | null;
}

interface OpenTurn {
  speaker: string;
  line: number;
  timestamp?: string;
  /** Seconds, when known without a timestamp (the first turn of a stamped file starts at 0). */
  time?: number;
  /** Where the utterance begins, used as the (empty) span of a turn with no text. */
  at: number;
  paragraphs: Span[];
}

function splitLines(body: string, firstLine: number): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let number = firstLine;
  for (;;) {
    const nl = body.indexOf('\n', start);
    const end = nl < 0 ? body.length : nl;
    lines.push({ start, end, number, label: matchLabel(body.slice(start, end)) });
    if (nl < 0) break;
    start = nl + 1;
    number++;
  }
  return lines;
}

/** `\s` by code unit, without a regex per character (this runs for every character of a line's ends). */
function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

/** [first, last+1) of the non-blank part of body[start, end), or null if blank. */
function trimmed(body: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isBlank(body.charCodeAt(s))) s++;
  while (e > s && isBlank(body.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}

/**
 * Decides which `Word:` labels are speakers: those declared in front matter
 * `speakers:`, interviewer labels, and otherwise labels that start at least two lines.
 * `guessed` lists the labels taken by that last rule, so the reader can say it guessed.
 */
export function speakerTest(
  labels: readonly string[],
  declared: string[] | undefined,
  interviewers: readonly string[],
): { isSpeaker: (label: string) => boolean; guessed: string[] } {
  if (declared && declared.length > 0) {
    const keys = new Set(declared.map(labelKey));
    return { isSpeaker: (label) => keys.has(labelKey(label)) || isInterviewer(label, interviewers), guessed: [] };
  }
  const starts = new Map<string, number>();
  for (const label of labels) starts.set(label, (starts.get(label) ?? 0) + 1);
  const guessed = [...starts].filter(([label, n]) => n >= 2 && !isInterviewer(label, interviewers)).map(([label]) => label);
  return { isSpeaker: (label) => (starts.get(label) ?? 0) >= 2 || isInterviewer(label, interviewers), guessed };
}

/** f4transkript/MAXQDA stamps (`#00:00:06-8#`), written where a paragraph ends. */
const END_STAMP = /[ \t]*#(\d{1,2}:\d{2}:\d{2}(?:-\d)?)#/g;

/**
 * The body without its f4/MAXQDA stamps (so they are never part of a turn's words) and
 * the stamps by 0-based line. Line breaks are kept, so line numbers do not move.
 */
function stripEndStamps(body: string): { body: string; stamps: Map<number, string> } {
  const stamps = new Map<number, string>();
  if (!body.includes('#')) return { body, stamps };
  const lines = body.split('\n').map((line, i) =>
    line.replace(END_STAMP, (whole, clock: string, at: number) => {
      // NVivo's `#00:00:07#` in front of a label is a start time, read with the label.
      if (line.slice(0, at).trim() === '' && !clock.includes('-')) return whole;
      stamps.set(i, clock);
      return '';
    }),
  );
  return { body: lines.join('\n'), stamps };
}

/**
 * An end stamp closes the paragraph before it, so a turn starts at the last stamp
 * written above its label line (the recording's start for the first turn).
 */
function timeFromEndStamps(turns: OpenTurn[], stamps: Map<number, string>, firstLine: number): void {
  const ordered = [...stamps].sort((a, b) => a[0] - b[0]);
  let k = 0;
  let last: string | undefined;
  for (const turn of turns) {
    while (k < ordered.length && (ordered[k] as [number, string])[0] + firstLine < turn.line) last = (ordered[k++] as [number, string])[1];
    if (turn.timestamp !== undefined) continue;
    if (last !== undefined) turn.timestamp = last;
    else turn.time = 0;
  }
}

/** Read a plain-text transcript; `text` may still carry a BOM or CR line ends. */
export function parsePlainText(text: string, opts: PlainTextOptions): Transcript {
  const file = opts.source;
  const fm = splitFrontMatter(normaliseText(text), file);
  const { body, stamps } = stripEndStamps(fm.body);
  const id = fm.id ?? opts.id;
  if (id === undefined) {
    throw new QcodeError('transcript has no id: add "id:" to its front matter', { file, line: 1, col: 1 });
  }
  checkTranscriptId(id, { file, line: 1, col: 1 });

  const lines = splitLines(body, fm.lineOffset + 1);
  const labels = lines.flatMap((l) => (l.label ? [l.label.label] : []));
  const { isSpeaker, guessed } = speakerTest(labels, fm.speakers, opts.interviewers);
  const warnings: Warning[] = [];
  const raw: OpenTurn[] = [];
  let turn: OpenTurn | undefined;
  let paragraphOpen = false;
  let preamble: Span | undefined;
  let preambleLines: [number, number] | undefined;
  const unread: UnreadLine[] = [];

  for (const line of lines) {
    let contentStart = line.start;
    if (line.label && isSpeaker(line.label.label)) {
      turn = { speaker: line.label.label, line: line.number, at: line.start + line.label.textStart, paragraphs: [] };
      if (line.label.timestamp !== undefined) turn.timestamp = line.label.timestamp;
      raw.push(turn);
      paragraphOpen = false;
      contentStart = turn.at;
    } else if (line.label && turn) {
      warnings.push({
        file,
        line: line.number,
        col: 1,
        message: fm.speakers?.length
          ? `"${line.label.label}:" is not in the front matter "speakers" list, so this line is read as ordinary text`
          : `"${line.label.label}:" starts only one line, so it is not taken as a speaker and this line is read as ordinary text`,
      });
    }

    const content = trimmed(body, contentStart, line.end);
    if (!content) {
      paragraphOpen = false;
      continue;
    }
    if (!turn) {
      preamble = preamble ? { start: preamble.start, end: content.end } : content;
      preambleLines = [preambleLines?.[0] ?? line.number, line.number];
      unread.push({ line: line.number, kind: 'preamble', text: body.slice(content.start, content.end) });
      continue;
    }
    const last = turn.paragraphs[turn.paragraphs.length - 1];
    if (paragraphOpen && last) last.end = content.end;
    else turn.paragraphs.push(content);
    paragraphOpen = true;
  }

  if (preamble && preambleLines) {
    const [from, to] = preambleLines;
    warnings.unshift({
      file,
      line: from,
      col: 1,
      message:
        raw.length === 0
          ? 'no speaker lines found ("LABEL: text", with a label that starts at least two lines or is listed in front matter "speakers"); the whole text is kept as preamble and not coded'
          : `text before the first speaker line (${from === to ? `line ${from}` : `lines ${from}-${to}`}) is kept as preamble and not coded`,
    });
  }

  if (stamps.size > 0) timeFromEndStamps(raw, stamps, fm.lineOffset + 1);

  const map = new OffsetMap(body);
  const cp = (s: Span): Span => ({ start: map.toCodePoint(s.start), end: map.toCodePoint(s.end) });
  const turns: Turn[] = raw.map((t, i) => {
    const first = t.paragraphs[0];
    const last = t.paragraphs[t.paragraphs.length - 1];
    const span = first && last ? { start: first.start, end: last.end } : { start: t.at, end: t.at };
    const out: Turn = {
      index: i + 1,
      speaker: t.speaker,
      role: roleOf(t.speaker, opts.interviewers),
      span: cp(span),
      paragraphs: t.paragraphs.map(cp),
      line: t.line,
    };
    if (t.timestamp !== undefined) {
      out.timestamp = t.timestamp;
      const time = parseClock(t.timestamp);
      if (time !== undefined) out.time = time;
    }
    if (t.time !== undefined) out.time = t.time;
    return out;
  });

  const transcript: Transcript = {
    id,
    source: opts.source,
    format: opts.format,
    layout: opts.layout ?? 'plain',
    text: body,
    attributes: fm.attributes,
    turns,
    unread,
    warnings,
  };
  if (preamble) transcript.preamble = cp(preamble);
  const guesses = guessed.filter((g) => raw.some((t) => t.speaker === g));
  if (guesses.length > 0) transcript.guessedSpeakers = guesses;
  return transcript;
}
