// Reading a study's transcripts one at a time, so a corpus never has to fit in memory,
// with the checks that keep a finding honest: no transcript id twice, no transcript
// without a participant's words, no input that yields nothing, and a warning when a
// transcript names no interviewer (every turn would then be coded as a participant's).

import { isAbsolute, relative } from 'node:path';
import { QcodeError } from '../core/errors.js';
import { blankNotes } from '../core/segment/notes.js';
import { hasWords } from '../core/segment/tokenize.js';
import { OffsetMap } from '../core/segment/offsets.js';
import type { Transcript, Warning } from '../core/types.js';
import { closest } from '../core/suggest.js';
import { caseSheetIds, listInputs, readInput, type InputFile, type Inputs, type ReadOptions } from '../io/read.js';
import type { RunHooks, Warnings } from './options.js';

/** `listed`: the inputs' files when the caller has listed them already (listing walks every folder). */
export async function* readStudyTranscripts(
  inputs: string[], reading: Omit<ReadOptions, 'onWarning'>, warnings: Warnings, hooks: RunHooks = {}, listed?: Inputs,
): AsyncGenerator<Transcript> {
  const listing = listed ?? (await listInputs(inputs));
  listing.warnings.forEach((w) => warnings.add(w));
  const checks = new ArrivalChecks();
  let done = 0;
  hooks.onProgress?.({ done, total: listing.files.length, file: '' });
  // One file at a time, in input order: reads are synchronous (small files cost less that
  // way than through the thread pool), so reading ahead would overlap nothing.
  for (const file of listing.files) {
    const read = await readInput(file, reading);
    read.warnings.forEach((w) => warnings.add(w));
    for (const t of read.transcripts) {
      checks.arrived(file, t.id, t.source, notesOf(t));
      checkParticipantWords(t);
      t.warnings.forEach((w) => warnings.add(w));
      yield t;
    }
    done++;
    hooks.onProgress?.({ done, total: listing.files.length, file: file.path });
  }
  await checks.finish(inputs, listing.files, warnings, reading);
}

/**
 * What a run checks as its transcripts arrive, in input order, on one thread or from
 * workers alike: no transcript id twice, every input yielding a transcript, and the
 * notes worth one warning per run.
 */
export class ArrivalChecks {
  private readonly seen = new Map<string, string>();
  private readonly yielded = new Map<string, number>();
  private readonly notes = new RunNotes();

  /** One transcript of `file`; throws when an earlier transcript had its id. */
  arrived(file: InputFile, id: string, source: string, notes: TranscriptNotes): void {
    const earlier = this.seen.get(id);
    if (earlier) throw new QcodeError(`transcript id "${id}" is used twice: by ${earlier} and by ${source}`, { file: source });
    this.seen.set(id, source);
    this.notes.add(id, source, notes);
    this.yielded.set(file.path, (this.yielded.get(file.path) ?? 0) + 1);
  }

  async finish(inputs: string[], files: InputFile[], warnings: Warnings, reading: Omit<ReadOptions, 'onWarning'>): Promise<void> {
    checkEveryInputRead(inputs, files, this.yielded);
    this.notes.warn(warnings, reading.interviewers);
    if (reading.attributes !== undefined) {
      const missing = casesWithoutRow([...this.seen.keys()], await caseSheetIds(reading), reading.attributes);
      if (missing) warnings.add(missing);
    }
  }
}

/**
 * Transcripts read that the attribute sheet has no row for: every table split by an
 * attribute puts them under "(missing)", which a typo'd id in the sheet ("E5" for E05)
 * makes look like a finding. Rows that match no transcript are named beside them only
 * then: a run over some of the study's files leaves most rows unmatched, rightly.
 */
export function casesWithoutRow(read: string[], rows: string[], sheet: string): Warning | null {
  const have = new Set(rows);
  const missing = read.filter((id) => !have.has(id));
  if (missing.length === 0) return null;
  if (missing.length === read.length && read.length > 1) {
    return { file: sheet, message: `none of the ${read.length} transcripts read has a row in this sheet (is it their sheet?), so their attributes are missing from every table split by one` };
  }
  const seen = new Set(read);
  const unmatched = rows.filter((id) => !seen.has(id));
  // Only for the few named: a guess per missing id against every unmatched row would be
  // millions of comparisons on a large corpus whose sheet uses other ids.
  const likely = missing.slice(0, 5).flatMap((id) => {
    const row = closest(id.toLowerCase(), unmatched.map((r) => r.toLowerCase()));
    return row === undefined ? [] : [`is row "${unmatched.find((r) => r.toLowerCase() === row)}" meant for ${id}?`];
  });
  const which = missing.length === 1 ? `transcript "${missing[0]}" has` : `${missing.length} transcripts (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}) have`;
  return {
    file: sheet,
    message: `${which} no row in this sheet, so ${missing.length === 1 ? 'its' : 'their'} attributes are missing from every table split by one` +
      (likely.length > 0 ? ` (${likely.join('; ')})` : ''),
  };
}

export function lacksInterviewer(t: Transcript): boolean {
  return t.turns.length > 0 && t.turns.every((turn) => turn.role !== 'interviewer');
}

/** A transcript with no participant words would count as a case with nothing to code. */
export function checkParticipantWords(t: Transcript): void {
  const text = new OffsetMap(t.text);
  const speaks = t.turns.some((turn) => turn.role === 'participant' && hasWords(text.slice(turn.span.start, turn.span.end)));
  if (speaks) return;
  const labels = [...new Set(t.turns.map((turn) => turn.speaker))];
  const why =
    labels.length === 0
      ? 'no speaker turns were found in it (a turn starts with its speaker\'s label and a colon, "P03: …"; ' +
        'an export from Otter, Teams, Rev or NVivo can be named with --from)'
      : `every turn is an interviewer's (${labels.join(', ')}); if one of them is the participant, name the interviewers with --interviewers`;
  throw new QcodeError(`no participant words in transcript "${t.id}": ${why}`, { file: t.source });
}

/** Whether `path` is the input itself or lies in it (`.`, `./` and `a/../b` included). */
function isWithin(path: string, input: string): boolean {
  const rel = relative(input, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Every input named must give at least one transcript: a report of zero is not a finding. */
export function checkEveryInputRead(inputs: string[], files: InputFile[], yielded: Map<string, number>): void {
  for (const input of inputs) {
    const mine = files.filter((f) => isWithin(f.path, input));
    if (mine.some((f) => (yielded.get(f.path) ?? 0) > 0)) continue;
    const why = mine.length === 0 ? 'it holds no transcript files' : 'none of its files is a transcript (see the warnings above)';
    throw new QcodeError(`nothing was read from this input: ${why}`, { file: input });
  }
}

/** `transcript "T1"`, or `12 transcripts (T1, T2, T3, …)`: the ones a run-wide warning is about. */
function transcriptsNamed(list: readonly { id: string }[]): string {
  if (list.length === 1) return `transcript "${list[0]!.id}"`;
  return `${list.length} transcripts (${list.slice(0, 3).map((t) => t.id).join(', ')}${list.length > 3 ? ', …' : ''})`;
}

export function noInterviewerWarning(list: { id: string; source: string; speakers: string[] }[], interviewers: readonly string[]) {
  const first = list[0]!;
  const speakers = first.speakers.slice(0, 4).join(', ');
  const which = `${transcriptsNamed(list)} ${list.length === 1 ? 'has' : 'have'}`;
  const its = list.length === 1 ? 'its' : 'their';
  return {
    file: first.source,
    message:
      `${which} no interviewer among ${its} speakers (${speakers}), so every turn is coded as a participant's; ` +
      `interviewer labels now: ${interviewers.join(', ')}. Name them with --interviewers "Name,I" or \`interviewers:\` in qcode.yaml`,
  };
}

export function speakersOf(t: Transcript): { id: string; source: string; speakers: string[] } {
  return { id: t.id, source: t.source, speakers: [...new Set(t.turns.map((turn) => turn.speaker))] };
}

/** What one transcript tells the run's closing notes. */
export interface TranscriptNotes {
  /** Its speakers, when none of them is an interviewer. */
  lacking?: { id: string; source: string; speakers: string[] };
  /** Labels taken as speakers by the starts-two-lines rule. */
  guessed?: string[];
  /** A participant whose turns are mostly transcriber notes, beside two interviewer labels: an interpreter? */
  interpreted?: { id: string; source: string; participant: string; interviewers: string[]; example: string };
}

export function notesOf(t: Transcript): TranscriptNotes {
  const n: TranscriptNotes = {};
  if (lacksInterviewer(t)) n.lacking = speakersOf(t);
  if (t.guessedSpeakers && t.guessedSpeakers.length > 0) n.guessed = t.guessedSpeakers;
  const interpreted = interpretedParticipant(t);
  if (interpreted) n.interpreted = interpreted;
  return n;
}

/**
 * Through an interpreter, the participant's own turns are often only notes
 * (`[speaks in Spanish]`), which are not coded, and the answers are in the
 * interpreter's turns — which count as an interviewer's when the interpreter is
 * labelled `INT`. Noticed when a participant's turns are at least three and mostly
 * notes, and two labels are taken as interviewers.
 */
function interpretedParticipant(t: Transcript): TranscriptNotes['interpreted'] {
  const interviewers = [...new Set(t.turns.filter((x) => x.role === 'interviewer').map((x) => x.speaker))];
  if (interviewers.length < 2) return undefined;
  const text = new OffsetMap(t.text);
  const byLabel = new Map<string, { turns: number; notesOnly: number; example: string }>();
  for (const turn of t.turns) {
    if (turn.role !== 'participant') continue;
    const words = text.slice(turn.span.start, turn.span.end).trim();
    const c = byLabel.get(turn.speaker) ?? { turns: 0, notesOnly: 0, example: '' };
    c.turns++;
    if (words.includes('[') && !hasWords(blankNotes(words))) {
      c.notesOnly++;
      c.example ||= words.length > 40 ? `${words.slice(0, 39)}…` : words;
    }
    byLabel.set(turn.speaker, c);
  }
  for (const [participant, c] of byLabel) {
    if (c.turns >= 3 && c.notesOnly * 2 >= c.turns) return { id: t.id, source: t.source, participant, interviewers, example: c.example };
  }
  return undefined;
}

/**
 * Things worth one warning per run rather than one per transcript: on a corpus of a
 * thousand files, a thousand identical warnings hide the one that matters.
 */
export class RunNotes {
  private readonly lacking: { id: string; source: string; speakers: string[] }[] = [];
  private readonly guessed: { id: string; source: string; labels: string[] }[] = [];
  private readonly interpreted: NonNullable<TranscriptNotes['interpreted']>[] = [];

  add(id: string, source: string, n: TranscriptNotes): void {
    if (n.lacking) this.lacking.push(n.lacking);
    if (n.guessed) this.guessed.push({ id, source, labels: n.guessed });
    if (n.interpreted) this.interpreted.push(n.interpreted);
  }

  warn(warnings: Warnings, interviewers: readonly string[]): void {
    if (this.guessed.length > 0) warnings.add(guessedWarning(this.guessed));
    if (this.lacking.length > 0) warnings.add(noInterviewerWarning(this.lacking, interviewers));
    if (this.interpreted.length > 0) warnings.add(interpretedWarning(this.interpreted));
  }
}

function interpretedWarning(list: NonNullable<TranscriptNotes['interpreted']>[]) {
  const first = list[0]!;
  const which = transcriptsNamed(list);
  const [asked, other] = first.interviewers;
  return {
    file: first.source,
    message:
      `in ${which}, ${first.participant}'s turns are mostly transcriber notes ("${first.example}"), which are not coded, ` +
      `and ${asked} and ${other} are both interviewers: if ${other} is an interpreter, run with --interviewers ${asked} to code ${other}'s turns`,
  };
}

/** How to name a transcript's speakers for certain: a Word file has no front matter to list them in. */
function listThem(source: string): string {
  return /\.docx$/i.test(source)
    ? 'check them with qcode ingest (a Word file cannot list its speakers; saved as text, it can, under "speakers:" in front matter)'
    : 'list them under "speakers:" in the front matter to be sure no label is missed or mistaken';
}

function guessedWarning(list: { id: string; source: string; labels: string[] }[]) {
  const first = list[0]!;
  const labels = [...new Set(list.flatMap((g) => g.labels))];
  const shown = labels.slice(0, 6).map((l) => `"${l}"`).join(', ') + (labels.length > 6 ? ', …' : '');
  const which = transcriptsNamed(list);
  return {
    file: first.source,
    message: `speakers of ${which} were recognised because each label starts at least two lines: ${shown}; ${listThem(first.source)}`,
  };
}
