// A coding sheet: one row per eligible segment, one 0/1 column per leaf code. The
// same columns whatever the file (xlsx or csv), so a sheet and its import agree on
// what each column means. Pure: values in, values out.

import { createHash } from 'node:crypto';
import { flattenCodes, type Code, type Codebook } from '../codebook/model.js';
import { OffsetMap } from '../segment/offsets.js';
import type { CodeId, Coding, Segment, SegmentId, Transcript, TranscriptId, Unit } from '../types.js';

/** The columns before the codes, in order; `memo` follows the codes. */
export const FIXED_COLUMNS = ['case', 'segment', 'speaker', 'time', 'question', 'text'] as const;
export type FixedColumn = (typeof FIXED_COLUMNS)[number];
export const MEMO_COLUMN = 'memo';

/** A leaf code as a column: its id heads the column; its group is the code it sits under. */
export interface SheetCode {
  id: CodeId;
  label: string;
  /** The parent's id (the column group), or the code itself for a top-level leaf. */
  group: CodeId;
  groupLabel: string;
  /** `#RRGGBB`: the group's colour from the codebook, else one of a fixed palette. */
  color: string;
}

export interface SheetRow {
  case: TranscriptId;
  segment: SegmentId;
  speaker: string;
  /** Source time in seconds, when the transcript gives one. */
  time?: number;
  /** The interviewer's words just before the segment's turn ('' when none). */
  question: string;
  text: string;
  /** Codes filled in before the coder starts (only with --prefill: the auto-coder's). */
  prefilled: CodeId[];
}

/** What a sheet was made from, so its import can tell when the study has moved on. */
export interface SheetAbout {
  qcode: string;
  codebook: { name: string; version: string; sha256: string };
  unit: Unit;
  coder: string;
  /** `blind`: nothing filled in; `prefill`: the auto-coder's codes filled in for review. */
  mode: 'blind' | 'prefill';
  codes: CodeId[];
  transcripts: { id: TranscriptId; sha256: string }[];
  /** Every row's segment, in sheet order, with a hash of its text. */
  segments: { id: SegmentId; sha256: string }[];
}

export interface SheetModel {
  about: SheetAbout;
  codes: SheetCode[];
  rows: SheetRow[];
  /** Every code of the codebook, parents too, for the Codebook sheet. */
  codebook: Code[];
}

// Light fills a coder can read black text on; used in order for groups without a colour.
const PALETTE = ['#DCE6F1', '#E2EFDA', '#FCE4D6', '#EDE1F5', '#FFF2CC', '#DDEBF7', '#F8CBAD', '#D9D9D9'];

/** The leaf codes in codebook order, each with its group and the group's colour. */
export function sheetCodes(book: Codebook): SheetCode[] {
  const all = flattenCodes(book.codes);
  const byId = new Map(all.map((c) => [c.id, c]));
  const groupColor = new Map<CodeId, string>();
  const out: SheetCode[] = [];
  for (const c of all) {
    if (c.children.length > 0) continue;
    const group = c.parent ? byId.get(c.parent)! : c;
    if (!groupColor.has(group.id)) groupColor.set(group.id, colorOf(group, byId) ?? PALETTE[groupColor.size % PALETTE.length]!);
    out.push({ id: c.id, label: c.label, group: group.id, groupLabel: group.label, color: groupColor.get(group.id)! });
  }
  return out;
}

/** A code's own colour, else its nearest ancestor's, as `#RRGGBB`. */
function colorOf(code: Code, byId: Map<CodeId, Code>): string | undefined {
  for (let c: Code | undefined = code; c; c = c.parent ? byId.get(c.parent) : undefined) {
    const hex = normaliseColor(c.color);
    if (hex) return hex;
  }
  return undefined;
}

function normaliseColor(color: string | undefined): string | undefined {
  const m = color?.trim().match(/^#?([0-9a-f]{6}|[0-9a-f]{3})$/i);
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return `#${hex.toUpperCase()}`;
}

/** The rows of one transcript: its eligible segments, each with the question before it. */
export function transcriptRows(t: Transcript, eligible: Segment[], prefill: Coding[] = []): SheetRow[] {
  const map = new OffsetMap(t.text);
  const suggested = new Map<SegmentId, CodeId[]>();
  for (const c of prefill) suggested.set(c.segment, [...(suggested.get(c.segment) ?? []), c.code]);
  return eligible.map((s) => {
    const row: SheetRow = { case: t.id, segment: s.id, speaker: s.speaker, question: questionBefore(t, s.turn, map), text: s.text, prefilled: suggested.get(s.id) ?? [] };
    if (s.time !== undefined) row.time = s.time;
    return row;
  });
}

/** The last interviewer turn before turn `index`, if it comes after the participant's previous turn. */
export function questionBefore(t: Transcript, index: number, map = new OffsetMap(t.text)): string {
  const at = t.turns.findIndex((turn) => turn.index === index);
  for (let i = at - 1; i >= 0; i--) {
    const turn = t.turns[i]!;
    if (turn.role === 'interviewer') return map.slice(turn.span.start, turn.span.end);
    if (turn.span.end > turn.span.start) return '';
  }
  return '';
}

/**
 * A short, stable fingerprint of a text (16 hex digits of its SHA-256), blind to what
 * spreadsheets do to a cell on their own: line ends, outer spaces, Unicode normal form.
 */
export function textHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n').trim().normalize('NFC')).digest('hex').slice(0, 16);
}

/** The header of the Coding sheet (and of the CSV sheet). */
export function sheetHeader(codes: readonly SheetCode[]): string[] {
  return [...FIXED_COLUMNS, ...codes.map((c) => c.id), MEMO_COLUMN];
}

/** `0:12:31` / `12:31` for a source time in seconds. */
export function clockText(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A0-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `Coding!F12` for a zero-based column and a 1-based sheet row. */
export function cellName(sheet: string, column: number, row: number): string {
  return `${/^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet}'`}!${columnLetter(column)}${row}`;
}
