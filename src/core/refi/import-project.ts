// A REFI-QDA project as a qcode study: each text source becomes a transcript file, each
// user's codings a codings CSV with the exact selection as start/end (code points into
// the written document text) and the turn that holds it as the segment.
//
// A source with speaker lines (`LABEL: text`) is written as it is. A source with none
// (survey answers, field notes, a document) is written as a document of paragraphs, each
// paragraph a turn of the speaker `Document`, so every paragraph is a segment that
// `qcode freq` and `qcode agree` count. Text before the first speaker line that someone
// coded is made into `Document` turns too, so no coded passage is left outside a segment.

import { segmentTranscript } from '../segment/segment.js';
import type { Attributes, AttributeValue, Coding, Segment, Warning } from '../types.js';
import { guidKey, importCodebook, type CodebookDoc } from './codebook.js';
import type { RefiProject, RefiTextSource } from './model.js';
import { idFromName } from './names.js';
import { SETTINGS_PREFIX } from './export-project.js';
import { ConventionVote, PositionMaps, type OffsetConvention } from './offsets.js';
import { DOCUMENT_SPEAKER, writeSource, type Span } from './source-text.js';

export { DOCUMENT_SPEAKER };

export interface ImportedTranscript {
  id: string;
  /** File name to write it under (without folder). */
  file: string;
  /** The whole file: front matter and document text. */
  fileText: string;
  /** How the source was written: as an interview, or as a document of paragraphs. */
  kind: 'interview' | 'document';
  selections: number;
}

export interface ImportedProject {
  codebook: CodebookDoc;
  comments: string[];
  transcripts: ImportedTranscript[];
  /** Coder name → their codings, in transcript then segment order. */
  codings: Map<string, Coding[]>;
  convention: OffsetConvention;
  /** What was assumed about offsets, in words. */
  assumed: string;
  warnings: Warning[];
}

export interface ProjectTexts {
  /** Source GUID → its text (decoded, BOM dropped, line ends as stored), or undefined when missing. */
  text(source: RefiTextSource): string | undefined;
}


/** Builds the study from the project and its source texts. */
export function importProject(p: RefiProject, texts: ProjectTexts, opts: { file: string; interviewers: readonly string[]; name: string }): ImportedProject {
  const warnings: Warning[] = [];
  const warn = (message: string): void => void warnings.push({ file: opts.file, message });
  const book = importCodebook(p.codebook, { name: opts.name, file: opts.file });
  warnings.push(...book.warnings);
  applySettings(book.doc, p.description);
  reportSkipped(p, warn);
  const users = userNames(p);
  const loaded = p.sources.map((s) => ({ s, raw: texts.text(s) }));
  for (const { s, raw } of loaded) if (raw === undefined) warn(`source "${s.name ?? s.guid}" has no plain text in the project (${s.plainTextPath ?? 'no plainTextPath'}): its ${s.selections.length} selection(s) are left out`);
  const withText = loaded.filter((x): x is { s: RefiTextSource; raw: string } => x.raw !== undefined);
  // Each source's maps are made for the vote and let go, then made again as it is written.
  const vote = new ConventionVote(p.origin);
  for (const { s, raw } of withText) vote.add(new PositionMaps(raw), s.selections.filter((sel) => sel.end >= 0));
  const choice = vote.choice();
  const attributes = attributesBySource(p);
  const ids = new Set<string>();
  const codings = new Map<string, Coding[]>();
  const transcripts: ImportedTranscript[] = [];
  const counts = { interviewerTurns: 0, folders: 0, unknownCodes: 0, outside: 0 };
  for (const { s, raw } of withText) {
    const maps = new PositionMaps(raw);
    const id = uniqueId(s.name?.trim() || s.guid, ids);
    const spans = s.selections.map((sel) => {
      const a = sel.end < 0 ? 0 : maps.toPoint(sel.start, choice.convention);
      const b = sel.end < 0 ? maps.length : maps.toPoint(sel.end, choice.convention);
      return a === null || b === null || b < a ? null : { start: a, end: b };
    });
    const bad = spans.filter((x) => x === null).length;
    if (bad > 0) warn(`source "${id}": ${bad} selection(s) lie outside its text (or end before they start) and are left out`);
    const normalised = maps.normalised;
    const written = writeSource(id, normalised, spans.filter((x): x is Span => x !== null), attributes.get(guidKey(s.guid)) ?? {}, opts.interviewers, opts.file);
    if (written.t.text !== written.body) warn(`source "${id}": qcode reads its text differently from how it was written (timestamps at line ends?); offsets of its codings may be off`);
    const segments = segmentTranscript(written.t, 'turn');
    if (!segments.some((seg) => seg.role === 'participant')) {
      warn(`source "${id}": every turn is an interviewer's (${[...new Set(segments.map((seg) => seg.speaker))].join(', ') || 'no turns'}), so qcode will not read it as an interview; if one of them is the participant, import again with --interviewers naming only the interviewers`);
    }
    const bodyChars = [...written.body];
    transcripts.push({ id, file: `${fileName(id)}.txt`, fileText: written.fileText, kind: written.kind, selections: s.selections.length });
    s.selections.forEach((sel, k) => {
      const span = spans[k];
      if (!span) return;
      const at = { start: written.map(span.start, 'start'), end: written.map(span.end, 'end') };
      const seg = containing(segments, at);
      if (!seg) {
        counts.outside += sel.codings.length;
        return;
      }
      if (seg.role === 'interviewer') counts.interviewerTurns++;
      const text = bodyChars.slice(at.start, at.end).join('');
      for (const c of sel.codings) {
        const code = book.idOfGuid.get(guidKey(c.code));
        if (!code) {
          counts.unknownCodes++;
          continue;
        }
        if (book.folders.has(code)) counts.folders++;
        const coder = users.get(guidKey(c.user ?? sel.user ?? '')) ?? 'unknown';
        const row: Coding = { transcript: id, segment: seg.id, speaker: seg.speaker, code, coder, start: at.start, end: at.end, evidence: text ? [{ start: at.start, end: at.end, term: '', text }] : [] };
        const list = codings.get(coder) ?? [];
        list.push(row);
        codings.set(coder, list);
      }
    });
  }
  if (counts.unknownCodes > 0) warn(`${counts.unknownCodes} coding(s) point at a code that is not in the project's codebook and are left out`);
  if (counts.outside > 0) warn(`${counts.outside} coding(s) cover no text of any turn and are left out`);
  if (counts.folders > 0) warn(`${counts.folders} coding(s) use a code the project marks as not codable (a folder); they are kept`);
  if (counts.interviewerTurns > 0) {
    book.doc.speakers = 'all';
    warn(`${counts.interviewerTurns} selection(s) lie in interviewers' turns: the codebook says \`speakers: all\` so that those turns are segments too`);
  }
  if (!users.size && p.users.length === 0) warn('the project lists no users: codings are given to the coder "unknown"');
  for (const list of codings.values()) list.sort((a, b) => (a.transcript < b.transcript ? -1 : a.transcript > b.transcript ? 1 : (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
  return { codebook: book.doc, comments: book.comments, transcripts, codings, convention: choice.convention, assumed: choice.reason, warnings };
}

/** Codebook settings a project qcode wrote keeps in its description (name, version, language, unit, speakers, interviewers). */
function applySettings(doc: CodebookDoc, description: string | undefined): void {
  const line = description?.split('\n').find((l) => l.startsWith(SETTINGS_PREFIX));
  if (!line) return;
  try {
    const s = JSON.parse(line.slice(SETTINGS_PREFIX.length)) as Record<string, unknown>;
    const target = doc as unknown as Record<string, unknown>;
    for (const k of ['name', 'version', 'language', 'unit', 'speakers', 'interviewers']) if (s[k] !== undefined) target[k] = s[k];
  } catch {
    // Not ours after all: the defaults stand.
  }
}

function reportSkipped(p: RefiProject, warn: (m: string) => void): void {
  const words: Record<string, string> = { PictureSource: 'picture source', PDFSource: 'PDF source', AudioSource: 'audio source', VideoSource: 'video source', notes: 'note', links: 'link', graphs: 'graph' };
  const parts = Object.entries(p.skipped).map(([k, n]) => `${n} ${words[k] ?? k}(s)`);
  if (parts.length > 0) warn(`qcode reads text sources only: ${parts.join(', ')} in the project are not imported`);
}

/** User GUID → a coder name: the user's name, made unique; `user-<guid>` when it has none. */
function userNames(p: RefiProject): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const u of p.users) {
    const base = (u.name ?? '').trim().replace(/[\r\n,]+/g, ' ') || `user-${guidKey(u.guid).slice(0, 8).toLowerCase()}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
    taken.add(name);
    out.set(guidKey(u.guid), name);
  }
  return out;
}

/** Source GUID → its case attributes: variables of the case(s) it belongs to, then its own. */
function attributesBySource(p: RefiProject): Map<string, Attributes> {
  const names = new Map(p.variables.map((v) => [guidKey(v.guid), v.name]));
  const out = new Map<string, Attributes>();
  const put = (source: string, values: RefiProject['cases'][number]['values']): void => {
    const attrs = out.get(guidKey(source)) ?? {};
    for (const v of values) {
      const name = names.get(guidKey(v.variable));
      if (name && name !== 'id' && name !== 'speakers') attrs[name] = v.value as AttributeValue;
    }
    out.set(guidKey(source), attrs);
  };
  for (const c of p.cases) for (const s of c.sources) put(s, c.values);
  for (const s of p.sources) put(s.guid, s.values);
  return out;
}

/** A transcript id from a source name: no colon or line break; unique. */
function uniqueId(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\r\n]+/g, ' ').replace(/\s+/g, ' ').trim() || 'source';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base} (${n})`;
  taken.add(id);
  return id;
}

/** A file name for a transcript id: safe on every system, readable. */
function fileName(id: string): string {
  return id.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/^\.+/, '_').slice(0, 120) || idFromName(id);
}

/** The turn that holds most of the span; the nearest one when it overlaps none. */
function containing(segments: Segment[], span: Span): Segment | undefined {
  let best: Segment | undefined;
  let bestOverlap = 0;
  for (const s of segments) {
    const overlap = Math.min(s.end, span.end) - Math.max(s.start, span.start);
    if (overlap > bestOverlap) {
      best = s;
      bestOverlap = overlap;
    }
  }
  if (best) return best;
  let bestGap = Infinity;
  for (const s of segments) {
    const g = Math.max(0, s.start - span.end, span.start - s.end);
    if (g < bestGap) {
      best = s;
      bestGap = g;
    }
  }
  return best;
}
