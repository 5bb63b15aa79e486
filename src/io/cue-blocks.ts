// The block structure shared by WebVTT and SubRip: an optional cue id line, a timing
// line, then the cue's text up to a blank line. As in the WebVTT parser, a timing line
// also ends the cue before it, so a missing blank line never glues a timing line (or
// the next cue's number) into the text. Unlike a browser, text that belongs to no cue
// is kept: joined to the cue before it, or listed as unread.

import { QcodeError } from '../core/errors.js';
import type { UnreadLine, Warning } from '../core/types.js';
import { isToolCueId } from './captions.js';
import { isTimingAttempt, isTimingLine, readTiming, type Timing } from './cue-timing.js';

export interface RawCue {
  id?: string;
  /** 1-based line of the timing line. */
  timingLine: number;
  timing: Timing;
  /** The cue's text lines as written. */
  lines: string[];
  /** The 1-based line of each text line, when they are not the lines right after the timing. */
  lineNos?: number[];
}

/** The 1-based source line of a cue's k-th text line. */
export function lineOfCue(cue: RawCue, k: number): number {
  return cue.lineNos?.[k] ?? cue.timingLine + 1 + k;
}

export interface CueScan {
  cues: RawCue[];
  unread: UnreadLine[];
  warnings: Warning[];
  errors: QcodeError[];
}

export interface ScanRules {
  format: 'vtt' | 'srt';
  /** Whether a line ends a block (WebVTT: only an empty line; SubRip: any blank line). */
  isBlank(line: string): boolean;
  /** Whether a block that is not a cue is a comment/style block (read as unread `note`). */
  isNoteBlock?(first: string): boolean;
}

const EXPECTED = { vtt: '00:00:01.000 --> 00:00:04.000', srt: '00:00:01,000 --> 00:00:04,000' };
/** Loose timings are each located up to this many; past it one summary warning counts the rest. */
const LOOSE_WARNINGS = 10;

class Scanner {
  readonly out: CueScan = { cues: [], unread: [], warnings: [], errors: [] };
  private looseCount = 0;

  constructor(
    private readonly lines: string[],
    private readonly file: string,
    private readonly rules: ScanRules,
  ) {}

  run(from: number): CueScan {
    let i = from;
    while (i < this.lines.length) i = this.rules.isBlank(this.lines[i] as string) ? i + 1 : this.block(i);
    if (this.looseCount > LOOSE_WARNINGS) {
      this.warn(undefined, `${this.looseCount - LOOSE_WARNINGS} more cue timing lines are not well-formed (expected ${EXPECTED[this.rules.format]}) and were read as best they could be`);
    }
    return this.out;
  }

  private warn(line: number | undefined, message: string): void {
    this.out.warnings.push(line === undefined ? { file: this.file, message } : { file: this.file, line, col: 1, message });
  }

  private filled(i: number): boolean {
    return i < this.lines.length && !this.rules.isBlank(this.lines[i] as string);
  }

  /** One block starting at non-blank line i; returns the index after it. */
  private block(i: number): number {
    const line = this.lines[i] as string;
    if (isTimingAttempt(line)) return this.cue(i);
    if (this.filled(i + 1) && isTimingAttempt(this.lines[i + 1] as string)) return this.cue(i + 1, line);
    return this.other(i);
  }

  /** Lines from i up to a blank line or a timing line; a tool's cue id just before the timing stays with its cue. */
  private textRun(i: number): number {
    let j = i;
    while (this.filled(j) && !this.startsCue(j, i)) j++;
    if (j > i + 1 && j < this.lines.length && !this.rules.isBlank(this.lines[j] as string) && isToolCueId(this.lines[j - 1] as string)) {
      this.warn(j, 'no blank line before this cue; its cue id is not read as text');
      return j - 1;
    }
    return j;
  }

  /** Whether line j (inside a run that began at `from`) is a timing line, or a broken one under a cue number. */
  private startsCue(j: number, from: number): boolean {
    const line = this.lines[j] as string;
    if (isTimingLine(line)) return true;
    return j > from && isToolCueId(this.lines[j - 1] as string) && isTimingAttempt(line);
  }

  private cue(t: number, id?: string): number {
    const end = this.textRun(t + 1);
    const lines = this.lines.slice(t + 1, end);
    const read = readTiming(this.lines[t] as string, this.rules.format);
    if (read.kind === 'bad') return this.badTiming(t, lines, end);
    if (read.kind === 'loose' && ++this.looseCount <= LOOSE_WARNINGS) {
      this.warn(t + 1, `cue timing "${clip(this.lines[t] as string)}" is not well-formed (expected ${EXPECTED[this.rules.format]}); read as starting at ${read.timing.start}`);
    }
    const cue: RawCue = { timingLine: t + 1, timing: read.timing, lines };
    if (id !== undefined) cue.id = id;
    this.out.cues.push(cue);
    return end;
  }

  private badTiming(t: number, lines: string[], end: number): number {
    const place = { file: this.file, line: t + 1, col: 1 };
    const shown = clip(this.lines[t] as string);
    if (lines.some((l) => l.trim() !== '')) {
      this.out.errors.push(new QcodeError(`malformed cue timing "${shown}" (expected ${EXPECTED[this.rules.format]}); its cue's words cannot be placed`, place));
    } else {
      this.out.unread.push({ line: t + 1, kind: 'dropped', text: (this.lines[t] as string).trim() });
      this.warn(t + 1, `"${shown}" is not a cue timing and has no text under it; it is skipped`);
    }
    return end;
  }

  /** A block with no timing line: a comment, or words that lost their cue. */
  private other(i: number): number {
    const end = this.textRun(i);
    const first = this.lines[i] as string;
    if (this.rules.isNoteBlock?.(first)) {
      for (let k = i; k < end; k++) this.note(k, k === i);
      return end;
    }
    if (end === i + 1 && isToolCueId(first)) {
      // A cue number cut off from its timing by a blank line: listed, never glued to words.
      this.warn(i + 1, 'a cue id without a timing line under it is skipped');
      this.unread(i, 'dropped');
      return end;
    }
    const previous = this.out.cues[this.out.cues.length - 1];
    if (previous) {
      this.warn(i + 1, 'a block without a timing line is joined to the cue before it');
      previous.lineNos ??= previous.lines.map((_, k) => lineOfCue(previous, k));
      for (let k = i; k < end; k++) {
        previous.lines.push(this.lines[k] as string);
        previous.lineNos.push(k + 1);
      }
      return end;
    }
    this.warn(i + 1, 'text before the first cue timing line is not read as anybody\'s words');
    for (let k = i; k < end; k++) this.unread(k, 'dropped');
    return end;
  }

  private note(k: number, first: boolean): void {
    const text = (this.lines[k] as string).trim();
    if (first && /^(NOTE|STYLE|REGION)$/.test(text)) return; // the keyword alone is furniture
    this.unread(k, 'note');
  }

  private unread(k: number, kind: UnreadLine['kind']): void {
    const text = (this.lines[k] as string).trim();
    if (text !== '') this.out.unread.push({ line: k + 1, kind, text });
  }
}

/** A line short enough to quote in a message. */
export function clip(line: string): string {
  const t = line.trim();
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}

export function scanCues(lines: string[], from: number, file: string, rules: ScanRules): CueScan {
  return new Scanner(lines, file, rules).run(from);
}
