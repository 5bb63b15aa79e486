// every format but plain text is rendered as plain text (`LABEL: text`
// lines joined by LF, a turn's paragraphs separated by one blank line), so offsets
// always point into the text an export writes out.

import type { Attributes, Format, Layout, Span, Transcript, Turn, UnreadLine, Warning } from '../types.js';
import { checkTranscriptId } from './ids.js';
import { normaliseText } from './normalise.js';
import { OffsetMap } from './offsets.js';
import { roleOf } from './roles.js';
import { parseClock } from './time.js';

export interface TurnInput {
  speaker: string;
  text: string;
  /** Timestamp as written (a cue's start, a CSV `start` cell). */
  start?: string;
  /** Source time in seconds; when absent it is read from `start`. */
  time?: number;
  /** 1-based line in the source file where the turn begins, if the format has lines. */
  line?: number;
}

export interface FromTurnsOptions {
  source: string;
  format: Format;
  layout: Layout;
  interviewers: readonly string[];
  warnings?: Warning[];
  /** Source lines with text that the reader did not take as words. */
  unread?: UnreadLine[];
}

/** Paragraphs of one turn's text: maximal runs of non-blank lines, trimmed at both ends. */
export function paragraphsOf(text: string): string[] {
  const out: string[] = [];
  let run: string[] = [];
  for (const line of normaliseText(text).split('\n')) {
    if (line.trim() === '') {
      if (run.length) out.push(run.join('\n').trim());
      run = [];
    } else run.push(line);
  }
  if (run.length) out.push(run.join('\n').trim());
  return out;
}

/** A speaker label fit for one rendered line. */
function cleanLabel(speaker: string): string {
  return speaker.replace(/\s+/g, ' ').trim();
}

export function transcriptFromTurns(
  id: string,
  attributes: Attributes,
  turns: TurnInput[],
  opts: FromTurnsOptions,
): Transcript {
  checkTranscriptId(id, { file: opts.source });
  let text = '';
  const built: { speaker: string; span: Span; paragraphs: Span[]; input: TurnInput }[] = [];
  turns.forEach((input, i) => {
    if (i > 0) text += '\n';
    const speaker = cleanLabel(input.speaker);
    text += `${speaker}:`;
    const paragraphs: Span[] = [];
    paragraphsOf(input.text).forEach((p, k) => {
      text += k === 0 ? ' ' : '\n\n';
      paragraphs.push({ start: text.length, end: text.length + p.length });
      text += p;
    });
    const first = paragraphs[0];
    const last = paragraphs[paragraphs.length - 1];
    const span = first && last ? { start: first.start, end: last.end } : { start: text.length, end: text.length };
    built.push({ speaker, span, paragraphs, input });
  });

  const map = new OffsetMap(text);
  const cp = (s: Span): Span => ({ start: map.toCodePoint(s.start), end: map.toCodePoint(s.end) });
  return {
    id,
    source: opts.source,
    format: opts.format,
    layout: opts.layout,
    text,
    attributes,
    turns: built.map((b, i): Turn => {
      const turn: Turn = {
        index: i + 1,
        speaker: b.speaker,
        role: roleOf(b.speaker, opts.interviewers),
        span: cp(b.span),
        paragraphs: b.paragraphs.map(cp),
      };
      if (b.input.start !== undefined && b.input.start !== '') turn.timestamp = b.input.start;
      const time = b.input.time ?? (b.input.start !== undefined ? startTime(b.input.start) : undefined);
      if (time !== undefined) turn.time = time;
      else if (turn.timestamp !== undefined) unreadTime(opts, b.input, i + 1);
      if (b.input.line !== undefined) turn.line = b.input.line;
      return turn;
    }),
    unread: opts.unread ?? [],
    warnings: opts.warnings ?? [],
  };
}

/**
 * A turn's `start` as seconds: a clock time (`00:01:02`, `1:02.5`) or a plain number of
 * seconds (`62`, `62.5`), as exports of tables and JSON write it.
 */
function startTime(written: string): number | undefined {
  const clock = parseClock(written);
  if (clock !== undefined) return clock;
  const seconds = written.trim();
  return /^\d+(?:\.\d+)?$/.test(seconds) ? Math.round(Number(seconds) * 1000) / 1000 : undefined;
}

/** A `start` that is no time: the turn is read, and the researcher told its time was not. */
function unreadTime(opts: FromTurnsOptions, input: TurnInput, index: number): void {
  const message = `turn ${index}: start "${input.start}" is not a time (00:01:02, or a number of seconds); the turn is read without one`;
  (opts.warnings ??= []).push(input.line === undefined ? { file: opts.source, message } : { file: opts.source, line: input.line, col: 1, message });
}
