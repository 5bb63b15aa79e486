// The About record of a coding sheet as rows of cells (a hidden sheet in the
// workbook), and back. One key per row in column A, so a spreadsheet program that
// re-saves the workbook cannot scramble it; and a check of the record against the
// study as it is now, saying what changed.

import type { CodeId, SegmentId, TranscriptId, Unit, Warning } from '../types.js';
import { UNITS } from '../types.js';
import { cellText, type CellValue } from './marks.js';
import type { SheetAbout } from './layout.js';

export const ABOUT_TITLE = 'qcode coding sheet: qcode import sheet reads this record; do not edit it';

export function aboutRows(a: SheetAbout): CellValue[][] {
  return [
    [ABOUT_TITLE],
    ['qcode', a.qcode],
    ['codebook', a.codebook.name],
    ['codebook version', a.codebook.version],
    ['codebook sha256', a.codebook.sha256],
    ['unit', a.unit],
    ['coder', a.coder],
    ['mode', a.mode],
    ...a.codes.map((c) => ['code', c]),
    ...a.transcripts.map((t) => ['transcript', t.id, t.sha256]),
    ...a.segments.map((s) => ['segment', s.id, s.sha256]),
  ];
}

/** The record, or null when the rows are not one (an About sheet from elsewhere, or emptied). */
export function parseAbout(rows: CellValue[][]): SheetAbout | null {
  const one = new Map<string, string>();
  const codes: CodeId[] = [];
  const transcripts: { id: TranscriptId; sha256: string }[] = [];
  const segments: { id: SegmentId; sha256: string }[] = [];
  for (const r of rows) {
    const [key, a, b] = r.map((c) => cellText(c ?? null).trim());
    if (key === 'code' && a) codes.push(a);
    else if (key === 'transcript' && a) transcripts.push({ id: a, sha256: b ?? '' });
    else if (key === 'segment' && a) segments.push({ id: a, sha256: b ?? '' });
    else if (key) one.set(key, a ?? '');
  }
  if (!one.has('qcode') || codes.length === 0 || segments.length === 0) return null;
  const unit = one.get('unit') as Unit;
  return {
    qcode: one.get('qcode')!,
    codebook: { name: one.get('codebook') ?? '', version: one.get('codebook version') ?? '', sha256: one.get('codebook sha256') ?? '' },
    unit: UNITS.includes(unit) ? unit : 'turn',
    coder: one.get('coder') ?? '',
    mode: one.get('mode') === 'prefill' ? 'prefill' : 'blind',
    codes, transcripts, segments,
  };
}

/** The study as it is now, as far as the import could read it. */
export interface StudyNow {
  codebook?: { name: string; version: string; sha256: string; codes: CodeId[] };
  unit?: Unit;
  /** Transcript id → its hash and its segments' text hashes (only when transcripts were read). */
  transcripts?: Map<TranscriptId, { sha256: string; segments: Map<SegmentId, string> }>;
}

/** What changed between the sheet's study and the study now, one warning per change. */
export function studyDrift(about: SheetAbout, now: StudyNow, file: string): Warning[] {
  const out: Warning[] = [];
  const warn = (message: string): void => void out.push({ file, message });
  const book = now.codebook;
  if (book && book.sha256 !== about.codebook.sha256) {
    const added = book.codes.filter((c) => !about.codes.includes(c));
    const removed = about.codes.filter((c) => !book.codes.includes(c));
    const codes = [added.length > 0 ? `codes added since: ${added.join(', ')}` : '', removed.length > 0 ? `codes no longer in it: ${removed.join(', ')}` : '']
      .filter((s) => s !== '')
      .join('; ');
    warn(
      `the codebook changed since this sheet was made: ${about.codebook.name} ${about.codebook.version} (sha256 ${about.codebook.sha256.slice(0, 12)}) → ` +
        `${book.name} ${book.version} (sha256 ${book.sha256.slice(0, 12)}); ${codes || 'the same codes, with changed definitions or rules'}`,
    );
  }
  if (now.unit && now.unit !== about.unit) warn(`this sheet's rows are ${about.unit}s, but the study now codes ${now.unit}s: its segment ids are not the study's`);
  if (!now.transcripts) return out;
  const bySheet = new Map<TranscriptId, SegmentId[]>();
  for (const s of about.segments) {
    const t = s.id.slice(0, s.id.lastIndexOf(':'));
    bySheet.set(t, [...(bySheet.get(t) ?? []), s.id]);
  }
  const sheetText = new Map(about.segments.map((s) => [s.id, s.sha256]));
  for (const t of about.transcripts) {
    const current = now.transcripts.get(t.id);
    if (!current) {
      warn(`transcript ${t.id} is in this sheet but no longer among the study's transcripts`);
      continue;
    }
    if (current.sha256 === t.sha256) continue;
    const ids = bySheet.get(t.id) ?? [];
    const gone = ids.filter((id) => !current.segments.has(id));
    const differ = ids.filter((id) => current.segments.has(id) && current.segments.get(id) !== sheetText.get(id));
    const added = [...current.segments.keys()].filter((id) => !sheetText.has(id));
    const parts = [
      gone.length > 0 ? `segments gone: ${list(gone)}` : '',
      differ.length > 0 ? `segments whose text changed: ${list(differ)}` : '',
      added.length > 0 ? `segments not in the sheet: ${list(added)}` : '',
    ].filter((s) => s !== '');
    warn(`transcript ${t.id} changed since this sheet was made${parts.length > 0 ? `: ${parts.join('; ')}` : ' (its segments read the same)'}`);
  }
  return out;
}

function list(ids: string[]): string {
  return ids.length > 6 ? `${ids.slice(0, 6).join(', ')}, … (${ids.length} in all)` : ids.join(', ');
}
