// What every line-based export layout shares: the source lines after any front matter,
// a builder that joins consecutive pieces of one speaker into one turn, and the driver
// that walks the lines with a layout's own reading of each line.

import { QcodeError } from '../../errors.js';
import type { Attributes, Format, Layout, Transcript, UnreadKind, UnreadLine, Warning } from '../../types.js';
import { transcriptFromTurns, type TurnInput } from '../fromturns.js';
import { splitFrontMatter } from '../frontmatter.js';
import { checkTranscriptId } from '../ids.js';
import { normaliseText } from '../normalise.js';

export interface LayoutOptions {
  /** Transcript id when front matter has none; readers pass the file name without extension. */
  id?: string;
  source: string;
  format: Format;
  interviewers: readonly string[];
}

export interface SourceLine {
  /** 1-based line in the source file. */
  number: number;
  /** The line without surrounding blanks. */
  text: string;
}

export interface Source {
  id: string;
  attributes: Attributes;
  /** Front matter `speakers:`, if given: such labels are always speakers. */
  speakers?: string[];
  lines: SourceLine[];
}

/** Split off front matter and number the lines of the rest. */
export function openSource(raw: string, opts: LayoutOptions): Source {
  const file = opts.source;
  const fm = splitFrontMatter(normaliseText(raw), file);
  const id = fm.id ?? opts.id;
  if (id === undefined) throw new QcodeError('transcript has no id: add "id:" to its front matter', { file, line: 1, col: 1 });
  checkTranscriptId(id, { file, line: 1, col: 1 });
  const lines = fm.body.split('\n').map((text, i) => ({ number: fm.lineOffset + 1 + i, text: text.trim() }));
  const source: Source = { id, attributes: fm.attributes, lines };
  if (fm.speakers) source.speakers = fm.speakers;
  return source;
}

/** A layout's reading of one non-blank line. */
export type LineReading =
  | { kind: 'turn'; speaker: string; start?: string; time?: number; words?: string }
  | { kind: 'time'; start: string }
  | { kind: 'unread'; as: UnreadKind }
  | { kind: 'words' };

/** Collects turns; a piece by the speaker of the turn before joins it as a new paragraph. */
export function turnBuilder() {
  const turns: TurnInput[] = [];
  let paragraphOpen = false;
  const current = (): TurnInput | undefined => turns[turns.length - 1];
  return {
    turns,
    start(speaker: string, line: number, start?: string, time?: number): void {
      paragraphOpen = false;
      if (current()?.speaker === speaker) return;
      const turn: TurnInput = { speaker, text: '', line };
      if (start !== undefined) turn.start = start;
      if (time !== undefined) turn.time = time;
      turns.push(turn);
    },
    /** Adds words to the open turn; false when no turn has started yet. */
    words(text: string): boolean {
      const turn = current();
      if (!turn) return false;
      turn.text += turn.text === '' ? text : paragraphOpen ? `\n${text}` : `\n\n${text}`;
      paragraphOpen = true;
      return true;
    },
    endParagraph(): void {
      paragraphOpen = false;
    },
  };
}

export interface LayoutSpec {
  layout: Layout;
  /** How lines before the first turn are filed: an export's header, or a preamble. */
  beforeFirst: UnreadKind;
  /** Reads one non-blank line; may keep state, as lines come in order. */
  read: (line: SourceLine) => LineReading;
}

function preambleWarning(unread: UnreadLine[], file: string, turns: number): Warning | undefined {
  const pre = unread.filter((u) => u.kind === 'preamble');
  const first = pre[0];
  const last = pre[pre.length - 1];
  if (!first || !last) return undefined;
  const where = first.line === last.line ? `line ${first.line}` : `lines ${first.line}-${last.line}`;
  const message =
    turns === 0
      ? 'no speaker lines found; the whole text is kept as preamble and not coded'
      : `text before the first speaker line (${where}) is kept as preamble and not coded`;
  return { file, line: first.line, col: 1, message };
}

/** Walk the lines with a layout's reading and render the turns as plain text. */
export function parseLines(src: Source, spec: LayoutSpec, opts: LayoutOptions, warnings: Warning[] = []): Transcript {
  const b = turnBuilder();
  const unread: UnreadLine[] = [];
  let pending: string | undefined;
  for (const line of src.lines) {
    if (line.text === '') {
      b.endParagraph();
      continue;
    }
    const r = spec.read(line);
    if (r.kind === 'time') {
      pending = r.start;
      b.endParagraph();
    } else if (r.kind === 'unread') unread.push({ line: line.number, kind: r.as, text: line.text });
    else if (r.kind === 'turn') {
      b.start(r.speaker, line.number, r.start ?? pending, r.time);
      pending = undefined;
      if (r.words) b.words(r.words);
    } else if (!b.words(line.text)) unread.push({ line: line.number, kind: spec.beforeFirst, text: line.text });
  }
  const pre = preambleWarning(unread, opts.source, b.turns.length);
  if (pre) warnings.unshift(pre);
  else if (b.turns.length === 0) warnings.push({ file: opts.source, message: 'no speaker lines found; nothing in this file is coded' });
  return transcriptFromTurns(src.id, src.attributes, b.turns, { source: opts.source, format: opts.format, layout: spec.layout, interviewers: opts.interviewers, warnings, unread });
}
