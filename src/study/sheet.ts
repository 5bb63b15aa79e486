// `sheet`: a coding sheet of a study's eligible segments for a human coder, blind by
// default; with `prefill` the auto-coder's codes are filled in for review.

import { codebookRef } from '../core/aggregate/freq.js';
import { compareText, eligibleSegments } from '../core/code/pass.js';
import { flattenCodes } from '../core/codebook/model.js';
import { QcodeError } from '../core/errors.js';
import { sheetCodes, textHash, transcriptRows, type SheetModel, type SheetRow } from '../core/sheet/layout.js';
import type { Warning } from '../core/types.js';
import { VERSION } from '../version.js';
import { codeWithModel, passModel } from './learn.js';
import { openStudy } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';
import { readStudyTranscripts } from './transcripts.js';

const CELL_LIMIT = 32767;

export interface SheetRunOptions extends StudyOptions {
  /** The coder the sheet is for; the import takes it from the sheet. */
  coder?: string;
  /** Fill in the auto-coder's codes (a review sheet, not a blind one). */
  prefill?: boolean;
}

export interface SheetResult {
  model: SheetModel;
  reads: string[];
  warnings: Warning[];
}

export async function runSheet(opts: SheetRunOptions, hooks: RunHooks = {}): Promise<SheetResult> {
  const warnings = new Warnings(hooks.onWarning);
  const { codings: _c, ...studyOpts } = opts;
  const study = await openStudy(studyOpts, 'required');
  const codebook = study.codebook!;
  // A prefill is the team's default coding: the rules, and the model the codebook names.
  const learned = opts.prefill ? await passModel(study, {}, warnings) : null;
  // Each transcript's rows and fingerprint, not the transcript: its whole text and turns
  // would otherwise be held to the end.
  const read: { t: { id: string; sha256: string }; rows: SheetRow[] }[] = [];
  for await (const t of readStudyTranscripts(study.inputs, study.reading, warnings, hooks)) {
    const eligible = eligibleSegments(t, study.unit, study.speakers);
    const prefill = opts.prefill ? codeWithModel(study, learned, t, eligible).codings : [];
    read.push({ t: { id: t.id, sha256: textHash(t.text) }, rows: transcriptRows(t, eligible, prefill) });
  }
  read.sort((a, b) => compareText(a.t.id, b.t.id));
  const rows = read.flatMap((r) => r.rows);
  if (rows.length === 0) throw new QcodeError('no eligible segments to code in these transcripts');
  // Excel keeps at most 32,767 characters in a cell and cuts the rest when it saves.
  for (const r of rows) {
    if (r.text.length > CELL_LIMIT) warnings.add({ file: r.case, message: `segment ${r.segment} has ${r.text.length} characters, more than the ${CELL_LIMIT} a spreadsheet cell holds: its text may be cut when the sheet is saved (code it with --unit paragraph)` });
  }
  const codes = sheetCodes(codebook.book);
  const model: SheetModel = {
    codes, rows,
    codebook: flattenCodes(codebook.book.codes),
    about: {
      qcode: VERSION,
      codebook: codebookRef(codebook.book),
      unit: study.unit,
      coder: opts.coder ?? '',
      mode: opts.prefill ? 'prefill' : 'blind',
      codes: codes.map((c) => c.id),
      transcripts: read.map(({ t }) => t),
      segments: rows.map((r) => ({ id: r.segment, sha256: textHash(r.text) })),
    },
  };
  return { model, reads: study.reads, warnings: warnings.list };
}
