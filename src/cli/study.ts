import type { CompiledCodebook } from '../core/codebook/compile.js';
import type { Codebook } from '../core/codebook/model.js';
import { codeTranscript, compareText, eligibleSegments, type CodedTranscript } from '../core/code/pass.js';
import { QcodeError } from '../core/errors.js';
import { DEFAULT_INTERVIEWERS } from '../core/segment/roles.js';
import type { Transcript, Unit } from '../core/types.js';
import { loadCodebook } from '../io/codebook-file.js';
import { readConfig, type StudyConfig } from '../io/config.js';
import { readCodings } from '../io/codings.js';
import { listInputs, readTranscripts } from '../io/read.js';
import type { CommonOptions } from './options.js';
import type { Ui } from './ui.js';

/** What a data command works from: the config, the codebook and the inputs it names. */
export interface Study {
  config: StudyConfig;
  codebook: CompiledCodebook;
  unit: Unit;
  inputs: string[];
}

export async function openStudy(inputs: string[], opts: CommonOptions): Promise<Study> {
  const config = await readConfig(opts.config);
  const path = opts.codebook ?? config.codebook;
  if (!path) {
    throw new QcodeError('no codebook: pass --codebook FILE, or run where a qcode.yaml names one');
  }
  const codebook = await loadCodebook(path);
  const named = inputs.length > 0 ? inputs : config.transcripts;
  if (named.length === 0) {
    throw new QcodeError('no transcripts: name files or folders, or list them under `transcripts:` in qcode.yaml');
  }
  return { config, codebook, inputs: named, unit: opts.unit ?? codebook.book.unit };
}

/** SPEC §2.1: the codebook's and the config's interviewer labels, else the defaults. */
function interviewersOf(book: Codebook | undefined, config: StudyConfig): string[] {
  const listed = [...(book?.interviewers ?? []), ...(config.interviewers ?? [])];
  return listed.length > 0 ? listed : [...DEFAULT_INTERVIEWERS];
}

/** How to read a study's transcripts: interviewer labels and the attribute sheet. */
export function readingOptions(book: Codebook | undefined, config: StudyConfig, opts: { attributes?: string }): { interviewers: string[]; attributes?: string } {
  const attributes = opts.attributes ?? config.attributes;
  return { interviewers: interviewersOf(book, config), ...(attributes ? { attributes } : {}) };
}

/**
 * Reads inputs one file at a time (a corpus never has to fit in memory), with
 * attributes layered by the reader: the transcript's own, its folder's `cases.csv`,
 * then `--attributes`.
 */
export async function* readStudy(
  inputs: string[], opts: { interviewers: string[]; attributes?: string }, ui: Ui,
): AsyncGenerator<Transcript> {
  const listing = await listInputs(inputs);
  listing.warnings.forEach((w) => ui.warn(w));
  const seen = new Map<string, string>();
  const progress = await ui.progress(listing.files.length, 'reading');
  try {
    for (const file of listing.files) {
      const read = await readTranscripts(file, { ...opts, onWarning: (w) => ui.warn(w) });
      for (const t of read) {
        const earlier = seen.get(t.id);
        if (earlier) throw new QcodeError(`transcript id "${t.id}" is used twice: by ${earlier} and by ${t.source}`, { file: t.source });
        seen.set(t.id, t.source);
        t.warnings.forEach((w) => ui.warn(w));
        yield t;
      }
      progress.tick(file.path);
    }
  } finally {
    progress.done();
  }
}

/**
 * The codings of the whole study, transcripts in id order (SPEC §5): a fresh coding
 * pass, or with `--codings FILE` saved or human codings laid on the same segments
 * (the transcripts still say which segments were eligible, for the percentages).
 */
export async function codeStudy(study: Study, opts: CommonOptions, ui: Ui): Promise<CodedTranscript[]> {
  const saved = opts.codings ? await savedCodings(opts.codings) : undefined;
  const coded: CodedTranscript[] = [];
  const pass = { unit: study.unit, speakers: study.codebook.book.speakers };
  const read = readStudy(study.inputs, readingOptions(study.codebook.book, study.config, opts), ui);
  for await (const t of read) {
    if (!saved) {
      coded.push(codeTranscript(study.codebook, t, pass));
      continue;
    }
    const eligible = eligibleSegments(t, pass.unit, pass.speakers);
    const order = new Map(eligible.map((s, i) => [s.id, i]));
    const byId = new Map(eligible.map((s) => [s.id, s]));
    const mine = (saved.get(t.id) ?? []).flatMap((c) => {
      const seg = byId.get(c.segment);
      if (seg) return [{ ...c, speaker: c.speaker || seg.speaker, start: c.start ?? seg.start, end: c.end ?? seg.end }];
      ui.warn({ ...c.place, message: `segment ${c.segment} is not an eligible ${pass.unit} segment of ${t.id}; its coding is left out` });
      return [];
    });
    saved.delete(t.id);
    mine.sort((a, b) => order.get(a.segment)! - order.get(b.segment)! || compareText(a.code, b.code));
    coded.push({ id: t.id, source: t.source, attributes: t.attributes, eligible: eligible.map((s) => s.id), codings: mine });
  }
  for (const [id, rows] of saved ?? []) ui.warn({ ...rows[0]!.place, message: `no transcript "${id}" among the inputs; its codings are left out` });
  return coded.sort((a, b) => compareText(a.id, b.id));
}

/** Codings with a code, grouped by transcript; reviewed-but-uncoded rows carry none. */
async function savedCodings(path: string): Promise<Map<string, Awaited<ReturnType<typeof readCodings>>>> {
  const byTranscript = new Map<string, Awaited<ReturnType<typeof readCodings>>>();
  for (const c of await readCodings(path)) {
    const list = byTranscript.get(c.transcript) ?? [];
    if (c.code !== '') list.push(c);
    byTranscript.set(c.transcript, list);
  }
  return byTranscript;
}
