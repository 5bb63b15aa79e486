// A qcode study as a REFI-QDA project: users (one per coder, `auto` included),
// the codebook, case attributes as variables and cases, and each transcript's document
// text as a text source whose selections carry the codings. Offsets are written in
// UTF-16 code units of the LF text, end exclusive: what NVivo reads (measured on its
// own exports), and the same as characters for any text without emoji or other
// characters beyond U+FFFF.

import type { Codebook } from '../codebook/model.js';
import { flattenCodes } from '../codebook/model.js';
import { OffsetMap } from '../segment/offsets.js';
import type { AttributeValue, Coding, Transcript, Warning } from '../types.js';
import { codeGuid, exportCodebook } from './codebook.js';
import type { RefiCase, RefiProject, RefiSelection, RefiTextSource, RefiValue, RefiVariable, RefiVariableType } from './model.js';
import { uuidV5 } from './uuid.js';

export interface ExportInput {
  name: string;
  origin: string;
  book: Codebook;
  transcripts: Transcript[];
  /** Every coder's codings; `auto` codings are exported as their evidence spans. */
  codings: Coding[];
}

export interface ExportedProject {
  project: RefiProject;
  /** Path in the zip → the source's text. */
  files: Map<string, string>;
  warnings: Warning[];
}

export const AUTO_CODER = 'auto';

/** The codebook settings a project has no element for, as one line of the project's description. */
export const SETTINGS_PREFIX = 'qcode codebook:';

function settingsLine(book: Codebook): string {
  const s: Record<string, unknown> = { name: book.name, version: book.version, language: book.language, unit: book.unit, speakers: book.speakers };
  if (book.interviewers?.length) s.interviewers = book.interviewers;
  return `${SETTINGS_PREFIX} ${JSON.stringify(s)}`;
}

export function exportProject(input: ExportInput): ExportedProject {
  const { codebook, warnings } = exportCodebook(input.book, input.origin);
  const known = new Set(flattenCodes(input.book.codes).map((c) => c.id));
  const coders = [...new Set(input.codings.map((c) => c.coder))].sort();
  const userGuid = new Map(coders.map((c) => [c, uuidV5(`user:${c}`)]));
  const { variables, typeOf } = variablesOf(input.transcripts);
  const byTranscript = new Map<string, Coding[]>();
  let unknown = 0;
  for (const c of input.codings) {
    if (!known.has(c.code)) {
      unknown++;
      continue;
    }
    const list = byTranscript.get(c.transcript) ?? [];
    list.push(c);
    byTranscript.set(c.transcript, list);
  }
  if (unknown > 0) warnings.push({ message: `${unknown} coding(s) use a code that is not in the codebook "${input.book.name}" and are not exported` });
  const files = new Map<string, string>();
  const sources: RefiTextSource[] = [];
  const cases: RefiCase[] = [];
  const ids = new Set(input.transcripts.map((t) => t.id));
  for (const id of byTranscript.keys()) if (!ids.has(id)) warnings.push({ message: `codings name the transcript "${id}", which is not among the inputs: they are not exported` });
  for (const t of [...input.transcripts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const guid = uuidV5(`source:${t.id}`);
    files.set(`sources/${guid}.txt`, t.text);
    const source: RefiTextSource = { guid, name: t.id, plainTextPath: `internal://${guid}.txt`, selections: selectionsOf(t, byTranscript.get(t.id) ?? [], userGuid), values: [] };
    sources.push(source);
    const values = valuesOf(t.attributes, variables, typeOf);
    if (values.length > 0) cases.push({ guid: uuidV5(`case:${t.id}`), name: t.id, values, sources: [guid] });
  }
  const project: RefiProject = {
    name: input.name,
    origin: input.origin,
    users: coders.map((c) => ({ guid: userGuid.get(c)!, name: c })),
    codebook,
    variables,
    cases,
    sources,
    skipped: {},
    description: settingsLine(input.book),
  };
  return { project, files, warnings: warnings.filter((w) => !w.message.includes("codebook's settings")) };
}

/** One selection per span and coder, holding each code that coder gave the span. */
function selectionsOf(t: Transcript, codings: Coding[], userGuid: Map<string, string>): RefiSelection[] {
  const map = new OffsetMap(t.text);
  const byKey = new Map<string, RefiSelection>();
  for (const c of codings) {
    const spans = c.coder === AUTO_CODER && c.evidence.length > 0 ? c.evidence : c.start !== null && c.end !== null ? [{ start: c.start, end: c.end }] : [];
    const user = userGuid.get(c.coder)!;
    for (const sp of spans) {
      const start = map.toUtf16(sp.start);
      const end = map.toUtf16(sp.end);
      const key = `${start}:${end}:${c.coder}`;
      let sel = byKey.get(key);
      if (!sel) {
        sel = { guid: uuidV5(`selection:${t.id}:${key}`), start, end, user, codings: [] };
        byKey.set(key, sel);
      }
      const code = codeGuid(c.code);
      if (!sel.codings.some((x) => x.code === code)) sel.codings.push({ guid: uuidV5(`coding:${sel.guid}:${c.code}`), code, user });
    }
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end || (a.user! < b.user! ? -1 : a.user! > b.user! ? 1 : 0));
}

/** One variable per case attribute, typed by its values: Integer, Float, Boolean or Text. */
function variablesOf(transcripts: Transcript[]): { variables: RefiVariable[]; typeOf: Map<string, RefiVariableType> } {
  const seen = new Map<string, AttributeValue[]>();
  for (const t of transcripts) {
    for (const [k, v] of Object.entries(t.attributes)) {
      if (v === null || v === '') continue;
      seen.set(k, [...(seen.get(k) ?? []), v]);
    }
  }
  const typeOf = new Map<string, RefiVariableType>();
  const variables = [...seen.keys()].sort().map((name) => {
    const values = seen.get(name)!;
    const type: RefiVariableType = values.every((v) => typeof v === 'number' && Number.isInteger(v)) ? 'Integer'
      : values.every((v) => typeof v === 'number') ? 'Float'
        : values.every((v) => typeof v === 'boolean') ? 'Boolean' : 'Text';
    typeOf.set(name, type);
    return { guid: uuidV5(`variable:${name}`), name, type };
  });
  return { variables, typeOf };
}

function valuesOf(attrs: Record<string, AttributeValue>, variables: RefiVariable[], typeOf: Map<string, RefiVariableType>): RefiValue[] {
  const out: RefiValue[] = [];
  for (const v of variables) {
    const value = attrs[v.name];
    if (value === undefined || value === null || value === '') continue;
    out.push({ variable: v.guid, value: typeOf.get(v.name) === 'Text' ? String(value) : value, type: typeOf.get(v.name)! });
  }
  return out;
}
