// `review`: the auto-coder's suggestions, one at a time, for a human to accept or
// reject. This opens a review (the suggestions, and the decisions already saved in
// the output file, so a review resumes where it stopped) and saves it; the terminal
// loop is the CLI's.

import { extname } from 'node:path';
import { compareText, eligibleSegments } from '../core/code/pass.js';
import { flattenCodes, type Code } from '../core/codebook/model.js';
import { QcodeError } from '../core/errors.js';
import { questionBefore } from '../core/sheet/layout.js';
import { highlightsOf, savedDecisions, startReview, type ReviewItem, type ReviewState } from '../core/sheet/review.js';
import { closest } from '../core/suggest.js';
import type { CodeId, Warning } from '../core/types.js';
import { checkOutputPath, writeAtomic } from '../io/output.js';
import { readReviewFile } from '../io/sheet-review.js';
import { reviewCsv } from '../render/sheet.js';
import { codeWithModel, passModel } from './learn.js';
import { openStudy } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';
import { readStudyTranscripts } from './transcripts.js';

export interface ReviewRunOptions extends Omit<StudyOptions, 'codings'> {
  /** Codes to review (each with the codes under it); none: every code. */
  codes: string[];
  coder: string;
  /** The codings file written, and read again to resume. */
  out: string;
}

export interface ReviewSession {
  state: ReviewState;
  /** Every code of the codebook by id (definitions for the screen, ids for "add a code"). */
  codes: Map<CodeId, Code>;
  coder: string;
  out: string;
  reads: string[];
  warnings: Warning[];
}

export async function openReview(opts: ReviewRunOptions, hooks: RunHooks = {}): Promise<ReviewSession> {
  if (!opts.coder || opts.coder.trim() === '') throw new QcodeError('review needs --coder NAME: the decisions are saved as that coder\'s codings');
  if (extname(opts.out).toLowerCase() !== '.csv') throw new QcodeError(`--out ${opts.out}: a review is saved as a codings .csv file (it is also where the review resumes)`);
  const warnings = new Warnings(hooks.onWarning);
  const study = await openStudy(opts, 'required');
  const book = study.codebook!.book;
  const all = flattenCodes(book.codes);
  const chosen = chosenCodes(opts.codes, all);
  // Checked before any work: the review's own file is read back on purpose, so it is no input here.
  await checkOutputPath(opts.out, study.reads);
  const saved = await readReviewFile(opts.out, opts.coder);
  // The suggestions are the team's default coding: the rules, and the model the codebook names.
  const model = await passModel(study, {}, warnings);
  const items: ReviewItem[] = [];
  const transcripts = [];
  for await (const t of readStudyTranscripts(study.inputs, study.reading, warnings, hooks)) transcripts.push(t);
  transcripts.sort((a, b) => compareText(a.id, b.id));
  for (const t of transcripts) {
    const eligible = eligibleSegments(t, study.unit, study.speakers);
    const segments = new Map(eligible.map((s) => [s.id, s]));
    for (const c of codeWithModel(study, model, t, eligible).codings) {
      if (chosen && !chosen.has(c.code)) continue;
      const s = segments.get(c.segment)!;
      const item: ReviewItem = {
        transcript: t.id, segment: s.id, speaker: s.speaker, question: questionBefore(t, s.turn), text: s.text, code: c.code,
        highlights: highlightsOf(c.evidence, s.start, s.text),
      };
      if (s.time !== undefined) item.time = s.time;
      items.push(item);
    }
  }
  if (items.length === 0) throw new QcodeError(`the auto-coder suggests ${opts.codes.length > 0 ? `none of ${opts.codes.join(', ')}` : 'no code'} in these transcripts: nothing to review`);
  return {
    state: startReview(items, saved),
    codes: new Map(all.map((c) => [c.id, c])),
    coder: opts.coder, out: opts.out, reads: study.reads, warnings: warnings.list,
  };
}

/** The codes asked for and every code under them; undefined for all. */
function chosenCodes(asked: string[], all: Code[]): Set<CodeId> | undefined {
  if (asked.length === 0) return undefined;
  const ids = all.map((c) => c.id);
  const out = new Set<CodeId>();
  for (const a of asked) {
    if (!ids.includes(a)) {
      const near = closest(a, ids);
      throw new QcodeError(`no code "${a}" in the codebook${near ? ` (did you mean ${near}?)` : ''}`);
    }
    for (const id of ids) if (id === a || id.startsWith(`${a}.`)) out.add(id);
  }
  return out;
}

/** Writes every decision (those of other codes kept as they were), whole, over the review's file. */
export async function saveReview(session: ReviewSession, state: ReviewState): Promise<void> {
  await writeAtomic(session.out, reviewCsv(savedDecisions(state), session.coder), session.reads);
}
