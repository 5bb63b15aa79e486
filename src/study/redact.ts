// `redact`: copies of the transcripts with identifying text replaced, each written in
// its own format into a folder that holds no input. Speaker labels that are names
// become pseudonyms (Participant 1, Interviewer) shared by every file of the run, so
// turns, roles and agreement still line up. Each copy is read back before it is
// written: it must give the same turns, or it is not written at all.

import { basename, relative } from 'node:path';
import { detectIdentifiers, isGenericLabel, labelKind, type IdentifierKind } from '../core/deid/index.js';
import { redactSource, type Replacement } from '../core/deid/redact.js';
import { QcodeError } from '../core/errors.js';
import type { Format, Transcript, Warning } from '../core/types.js';
import { readTextFile } from '../io/file.js';
import { listInputs, parseTranscriptText, readTranscripts, type InputFile } from '../io/read.js';
import { checkKeyPath, copyPath, prepareOutDir, stageCopy, writeKey } from '../io/redact-write.js';
import type { StagedOutput } from '../io/output.js';
import { findInTranscript } from './deid.js';
import { openStudy } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';
import { appendAll } from '../core/lists.js';

export interface RedactRunOptions extends StudyOptions {
  /** The folder the copies go to; it may hold no input and lie inside none. */
  outDir: string;
  /** Also write the key from pseudonyms and placeholders to the words they replace (0600, outside outDir). */
  key?: string;
  allow?: string[];
}

export interface RedactedFile {
  source: string;
  copy: string;
  transcripts: number;
  /** Identifying words replaced by placeholders. */
  replaced: number;
  /** Speaker labels replaced by pseudonyms. */
  speakers: number;
  /** Likely identifiers a second look still finds in the copy (0 is the goal). */
  left: number;
}

export interface RedactResult {
  files: RedactedFile[];
  outDir: string;
  key: string | null;
  /** The pseudonyms' interviewer labels, for reading the copies back with their roles. */
  interviewers: string[];
  reads: string[];
  warnings: Warning[];
}

interface ReadFile {
  file: InputFile;
  transcripts: Transcript[];
}

export async function runRedact(opts: RedactRunOptions, hooks: RunHooks = {}): Promise<RedactResult> {
  const warnings = new Warnings(hooks.onWarning);
  const study = await openStudy(opts, 'optional');
  const allow = [...(study.config.deid?.allow ?? []), ...(opts.allow ?? [])];
  const listing = await listInputs(study.inputs);
  listing.warnings.forEach((w) => warnings.add(w));
  if (opts.key) await checkKeyPath(opts.key, opts.outDir, study.reads);
  await prepareOutDir(opts.outDir, study.inputs, listing.files.map((f) => f.path));
  const read: ReadFile[] = [];
  for (const file of listing.files) {
    read.push({ file, transcripts: await readTranscripts(file, { ...study.reading, onWarning: (w) => warnings.add(w) }) });
  }
  const speakers = pseudonymsFor(read.flatMap((r) => r.transcripts));
  const knownNames = [...speakers.map.keys()].filter((l) => labelKind(l) === 'name');
  const interviewers = [...study.reading.interviewers, ...speakers.interviewers];
  const files: RedactedFile[] = [];
  const keyRows: { copy: string; line: number; original: string; replacement: string }[] = [];
  const copies = new Set<string>();
  // Every copy is written beside its place and put there only once all are written and read
  // back: a file refused half-way leaves --out-dir as it was, not half redacted.
  const staged: StagedOutput[] = [];
  try {
    for (const r of read) {
      if (r.transcripts.length === 0) continue;
      if (r.file.format === 'docx') {
        warnings.add({ file: r.file.path, message: 'not redacted: Word files are not rewritten yet; save it as .txt and run qcode redact on that' });
        continue;
      }
      const copy = copyPath(opts.outDir, relativeName(r.file.path, study.inputs));
      if (copies.has(copy)) throw new QcodeError(`two inputs would be copied to ${copy}: redact them in separate runs or rename one`, { file: r.file.path });
      copies.add(copy);
      const source = await readTextFile(r.file.path);
      // What deid reports (words, headers, front matter values), each replaced wherever it is written.
      const lines = source.split('\n');
      const found = r.transcripts.flatMap((t) => findInTranscript(t, lines, { allow, show: true }).filter((f) => f.confidence >= 0.5));
      const keep = r.transcripts.map((t) => t.id);
      const { text, replacements } = redactSource(source, { format: r.file.format, pseudonyms: speakers.map, found, allow, knownNames, keep });
      const left = checkCopy(r, text, copy, interviewers, allow, speakers.map);
      staged.push(await stageCopy(copy, text, study.reads));
      if (left > 0) warnings.add({ file: copy, message: `${left} likely identifier${left === 1 ? '' : 's'} still found in the copy: run qcode deid on it and add what is missed by hand` });
      files.push({
        source: r.file.path, copy, transcripts: r.transcripts.length, left,
        replaced: replacements.filter((x) => x.kind !== 'speaker').length,
        speakers: replacements.filter((x) => x.kind === 'speaker').length,
      });
      appendAll(keyRows, replacements.map((x: Replacement) => ({ copy, line: x.line, original: x.original, replacement: x.replacement })));
    }
  } catch (e) {
    for (const s of staged) await s.discard();
    throw e;
  }
  for (const s of staged) await s.commit();
  if (opts.key) await writeKey(opts.key, keyText(speakers.map, keyRows), opts.outDir, [...study.reads, ...files.map((f) => f.copy)]);
  return { files, outDir: opts.outDir, key: opts.key ?? null, interviewers: speakers.interviewers, reads: study.reads, warnings: warnings.list };
}

/** A copy's name: its path inside the input folder it was found in, or its file name. */
function relativeName(path: string, inputs: readonly string[]): string {
  const folder = inputs.find((i) => i !== path && path.startsWith(i.endsWith('/') ? i : `${i}/`));
  return folder ? relative(folder, path) : basename(path);
}

/**
 * Labels that identify someone, with their pseudonyms in order of first appearance:
 * `Participant 1, 2 …`; interviewers `Interviewer` when the run has one (a label every
 * run reads as an interviewer's), else `Interviewer 1, 2 …`.
 */
export function pseudonymsFor(transcripts: readonly Transcript[]): { map: Map<string, string>; interviewers: string[] } {
  const participants: string[] = [];
  const interviewers: string[] = [];
  for (const t of transcripts) {
    for (const turn of t.turns) {
      if (isGenericLabel(turn.speaker) || participants.includes(turn.speaker) || interviewers.includes(turn.speaker)) continue;
      (turn.role === 'interviewer' ? interviewers : participants).push(turn.speaker);
    }
  }
  const map = new Map<string, string>();
  name(participants, () => 'Participant', map, true);
  const people = new Set(interviewers.map(person));
  name(interviewers, () => 'Interviewer', map, people.size > 1);
  return { map, interviewers: [...new Set(interviewers.map((l) => map.get(l)!))] };
}

/** One pseudonym per person: "Dana Reyes" and "Dana Reyes (she/her)" are the same speaker. */
function name(labels: string[], stem: () => string, map: Map<string, string>, numbered: boolean): void {
  const byPerson = new Map<string, string>();
  for (const l of labels) {
    const key = person(l);
    if (!byPerson.has(key)) byPerson.set(key, numbered ? `${stem()} ${byPerson.size + 1}` : stem());
    map.set(l, byPerson.get(key)!);
  }
}

const person = (label: string): string => label.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

/** The copy read back: the same turns with the same roles, or it is not written; returns what a second look still finds. */
function checkCopy(r: ReadFile, text: string, copy: string, interviewers: string[], allow: readonly string[], pseudonyms: ReadonlyMap<string, string>): number {
  const original = r.transcripts[0]!;
  if (r.transcripts.length !== 1) return 0;
  let again: Transcript;
  try {
    const from = isTextFormatLayout(original.format) ? original.layout : original.format;
    again = parseTranscriptText(text, { id: original.id, interviewers, from, source: copy });
  } catch (e) {
    throw new QcodeError(`the redacted copy could not be read back (${e instanceof Error ? e.message : String(e)}); no copy was written (--out-dir is as it was)`, { file: r.file.path });
  }
  const same = again.turns.length === original.turns.length && again.turns.every((t, i) => t.role === original.turns[i]!.role);
  if (!same) {
    throw new QcodeError(`the redacted copy reads back with different turns (${again.turns.length} instead of ${original.turns.length}); no copy was written (--out-dir is as it was)`, { file: r.file.path });
  }
  const labels = new Set(pseudonyms.values());
  return detectIdentifiers(again.text, { allow: [...allow, ...labels] }).filter((d) => d.confidence >= 0.6).length;
}

function keyText(speakers: ReadonlyMap<string, string>, rows: { copy: string; line: number; original: string; replacement: string }[]): string {
  const key = {
    warning: 'This key re-identifies the redacted transcripts. Store it apart from the data (as your IRB protocol requires), never beside the copies.',
    speakers: [...speakers].map(([original, pseudonym]) => ({ original, pseudonym })),
    replacements: rows,
  };
  return `${JSON.stringify(key, null, 2)}\n`;
}

/** Text files are read back by their layout (Otter, Teams …); the rest by their format. */
const isTextFormatLayout = (f: Format): boolean => f === 'txt' || f === 'md';

export type { IdentifierKind };
