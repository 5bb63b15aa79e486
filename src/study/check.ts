// `qcode check`: the CI gate a study's `qcode.yaml` describes. One coding pass feeds
// all three parts: the codebook's own examples (lint), agreement with the team's gold
// coding, and the frequency snapshot. `update` rewrites the snapshot from this pass.

import { existsSync } from 'node:fs';
import { computeAgreement } from '../core/agree/agree.js';
import type { AgreeCoding, AgreeInput, CodeDef } from '../core/agree/types.js';
import { codebookRef, frequencies } from '../core/aggregate/freq.js';
import { DEFAULT_THRESHOLDS, judgeAgreement, type Thresholds } from '../core/check/agreement.js';
import { checkReport, type CheckReport } from '../core/check/report.js';
import { compareSnapshot, parseSnapshot, snapshotOf, type Snapshot, type SnapshotComparison } from '../core/check/snapshot.js';
import type { CompiledCodebook } from '../core/codebook/compile.js';
import { lintCodebook } from '../core/codebook/lint.js';
import { flattenCodes } from '../core/codebook/model.js';
import type { CodedTranscript } from '../core/code/pass.js';
import { QcodeError } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import type { SegmentId, TranscriptId, Warning } from '../core/types.js';
import type { CheckConfig } from '../io/config.js';
import { readCodings } from '../io/codings.js';
import { readTextFile } from '../io/file.js';
import { writeAtomic } from '../io/output.js';
import { renderSnapshot } from '../render/check.js';
import { VERSION } from '../version.js';
import { codeStudy, unknownCodeWarning } from './code.js';
import { asAutoCoding } from './learn.js';
import { openStudy } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';

export interface CheckRunOptions extends Omit<StudyOptions, 'codings' | 'coder'> {
  /** Rewrite the snapshot from this pass (atomically) and report what changed. */
  update?: boolean;
}

export interface SnapshotUpdate {
  file: string;
  /** There was no snapshot before. */
  created: boolean;
  /** The old snapshot (an empty one when there was none) against the new one. */
  changes: SnapshotComparison;
}

export interface CheckResult {
  report: CheckReport;
  /** Set with `update`: the snapshot written and how it moved. */
  updated: SnapshotUpdate | null;
  /** Any part failed: the command exits 1. */
  failed: boolean;
  reads: string[];
  warnings: Warning[];
}

export async function runCheck(opts: CheckRunOptions, hooks: RunHooks = {}): Promise<CheckResult> {
  const warnings = new Warnings(hooks.onWarning);
  const study = await openStudy(opts, 'required');
  const codebook = study.codebook!;
  const check = study.config.check;
  if (opts.update && !check.snapshot) {
    throw new QcodeError('--update rewrites the snapshot, but qcode.yaml names none: add `snapshot: expected-freq.json` under `check:`', place(study.config.file));
  }
  const coded = await codeStudy(study, { ...opts }, warnings, hooks);
  const counted = coded.transcripts.map((t) => ({ ...t, codings: t.codings.map((c) => ({ ...c, evidence: [] })) }));
  const freq = frequencies(codebook.book, study.unit, counted);
  const current = snapshotOf(freq);
  const reads = [...study.reads];

  let agreement: CheckReport['agreement'] = null;
  // The gold coding is among the study's reads already (no --out may land on it).
  if (check.gold) {
    agreement = { file: check.gold, ...(await agreementWithGold(check, codebook, coded.transcripts, warnings, study.config.file)) };
  }

  let updated: SnapshotUpdate | null = null;
  let snapshot: CheckReport['snapshot'] = null;
  if (check.snapshot) {
    const before = await readSnapshot(check.snapshot, Boolean(opts.update));
    if (opts.update) {
      // The snapshot is the one file check may write: it is not an input of the pass.
      await writeAtomic(check.snapshot, renderSnapshot(current), reads);
      const old = before ?? { unit: current.unit, transcripts: 0, segments: 0, codes: [] };
      updated = { file: check.snapshot, created: before === null, changes: compareSnapshot(old, current, 0) };
    }
    reads.push(check.snapshot);
    snapshot = { file: check.snapshot, ...compareSnapshot(opts.update ? current : before!, current, check.tolerance ?? 0) };
  }

  const report = checkReport({
    version: VERSION,
    codebook: codebookRef(codebook.book),
    config: study.config.file,
    unit: study.unit,
    transcripts: freq.transcripts,
    segments: freq.segments,
    order: flattenCodes(codebook.book.codes).map((c) => c.id),
    lint: lintCodebook(codebook),
    agreement,
    snapshot,
  });
  return { report, updated, failed: !report.passed, reads, warnings: warnings.list };
}

async function readSnapshot(file: string, updating: boolean): Promise<Snapshot | null> {
  if (!existsSync(file)) {
    if (updating) return null;
    throw new QcodeError('the snapshot named by check.snapshot does not exist yet: run `qcode check --update` to write it from this coding pass', { file });
  }
  return parseSnapshot(await readTextFile(file), file);
}

/**
 * The pass (coder `auto`, every eligible segment) against the gold coder, who reviewed
 * every eligible segment of each transcript they coded: the same comparison as
 * `qcode agree --auto`, with each code's thresholds from the config.
 */
async function agreementWithGold(
  check: CheckConfig, codebook: CompiledCodebook, transcripts: CodedTranscript[], warnings: Warnings, configFile: string | null,
) {
  const gold = check.gold!;
  const codes = flattenCodes(codebook.book.codes);
  const known = new Set(codes.map((c) => c.id));
  const overrides = check.codes ?? {};
  for (const code of Object.keys(overrides)) {
    if (known.has(code)) continue;
    const guess = closest(code, [...known]);
    throw new QcodeError(`check.codes names "${code}", which is not a code of the codebook${guess ? ` (did you mean "${guess}"?)` : ''}`, place(configFile));
  }
  const rows = await readCodings(gold);
  const coders = [...new Set(rows.map((r) => r.coder))].filter((c) => c !== 'auto');
  if (coders.length !== 1) {
    throw new QcodeError(`the gold coding must hold one human coder; it holds ${coders.length === 0 ? 'none' : coders.join(', ')}`, { file: gold });
  }
  const goldCoder = coders[0]!;
  const eligible = new Map<TranscriptId, SegmentId[]>(transcripts.map((t) => [t.id, t.eligible]));
  const codings: AgreeCoding[] = [];
  for (const r of rows) {
    if (r.coder !== goldCoder) continue;
    if (!eligible.has(r.transcript)) {
      warnings.add({ ...r.place, message: `no transcript "${r.transcript}" among the study's transcripts; this gold coding is left out` });
      continue;
    }
    if (r.code !== '' && !known.has(r.code)) {
      warnings.add(unknownCodeWarning(r, codebook.book));
      codings.push({ ...r, code: '' }); // still a segment the gold coder reviewed
      continue;
    }
    codings.push(r);
  }
  // With a model, the coding of record (rules and model merged) is the one coder `auto`.
  for (const t of transcripts) for (const c of t.codings) codings.push(asAutoCoding(c));
  const input: AgreeInput = {
    codings,
    codes: codes.map((c): CodeDef => ({ id: c.id, parent: c.parent, label: c.label })),
    coders: [goldCoder, 'auto'],
    eligible,
    fullCoverage: ['auto'],
  };
  const report = computeAgreement(input, { version: VERSION, bootstrap: 0, disagreements: true, auto: { coder: 'auto', gold: goldCoder } });
  const global: Thresholds = {
    min_kappa: check.min_kappa ?? DEFAULT_THRESHOLDS.min_kappa,
    min_agreement: check.min_agreement ?? DEFAULT_THRESHOLDS.min_agreement,
  };
  return judgeAgreement(report, goldCoder, global, overrides);
}

function place(file: string | null) {
  return file ? { file } : {};
}
