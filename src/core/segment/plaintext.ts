// SPEC §2.1: the plain-text transcript format (.txt, .md, and .docx once its text
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

/** [first, last+1) of the non-blank part of body[start, end), or null if blank. */
function trimmed(body: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(body[s] as string)) s++;
  while (e > s && /\s/.test(body[e - 1] as string)) e--;
  return s < e ? { start: s, end: e } : null;
}

/** Decides which `Word:` labels are speakers (SPEC §2.1). */
function speakerTest(lines: Line[], declared: string[] | undefined, interviewers: readonly string[]) {
  if (declared && declared.length > 0) {
    const keys = new Set(declared.map(labelKey));
    return (label: string) => keys.has(labelKey(label)) || isInterviewer(label, interviewers);
  }
  const starts = new Map<string, number>();
  for (const l of lines) if (l.label) starts.set(l.label.label, (starts.get(l.label.label) ?? 0) + 1);
  return (label: string) => (starts.get(label) ?? 0) >= 2 || isInterviewer(label, interviewers);
}

/** Read a plain-text transcript; `text` may still carry a BOM or CR line ends. */
export function parsePlainText(text: string, opts: PlainTextOptions): Transcript {
  const file = opts.source;
  const fm = splitFrontMatter(normaliseText(text), file);
  const body = fm.body;
  const id = fm.id ?? opts.id;
  if (id === undefined) {
    throw new QcodeError('transcript has no id: add "id:" to its front matter', { file, line: 1, col: 1 });
  }
  checkTranscriptId(id, { file, line: 1, col: 1 });

  const lines = splitLines(body, fm.lineOffset + 1);
  const isSpeaker = speakerTest(lines, fm.speakers, opts.interviewers);
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
  return transcript;
}
