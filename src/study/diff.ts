// `codebook diff OLD NEW`: what changed between two versions of a codebook, and with
// transcripts, what the change does to the coding: both versions code the same
// segments, and each code's gains and losses are listed with their evidence.
// Either version may be `git:REV:PATH`, read through `git show`.

import { codebookRef, type CodebookRef } from '../core/aggregate/freq.js';
import { diffCodebooks, type CodebookDiff } from '../core/check/diff.js';
import { codebookEffect, type EffectRow, type SegmentText } from '../core/check/effect.js';
import { compileWithHints, type CompiledCodebook } from '../core/codebook/compile.js';
import { parseCodebook } from '../core/codebook/parse.js';
import { codeTranscript, eligibleSegments } from '../core/code/pass.js';
import { QcodeError } from '../core/errors.js';
import type { Coding, SegmentId, Unit, Warning } from '../core/types.js';
import { loadCodebook } from '../io/codebook-file.js';
import { readConfig } from '../io/config.js';
import { gitShow, parseGitSpec } from '../io/git.js';
import { VERSION } from '../version.js';
import { openStudy } from './open.js';
import { Warnings, type RunHooks, type StudyOptions } from './options.js';
import { readStudyTranscripts } from './transcripts.js';
import { appendAll } from '../core/lists.js';

export interface DiffRunOptions extends Omit<StudyOptions, 'inputs' | 'codings' | 'coder' | 'codebook'> {
  /** The old version: a file, or `git:REV:PATH`. */
  old: string;
  /** The new version: a file or `git:REV:PATH`; default the config's codebook. */
  new?: string;
  /** Transcripts to measure the effect on; default the config's. An empty list: no effect. */
  on?: string[];
  /** Where `git show` runs (default: the current folder). */
  cwd?: string;
}

export interface CodebookDiffReport extends Omit<CodebookDiff, 'mapping'> {
  qcode: string;
  old: CodebookRef & { source: string };
  new: CodebookRef & { source: string };
  /** The corpus the effect was measured on; null without transcripts. */
  corpus: { transcripts: number; segments: number; unit: Unit } | null;
  /** Per code (new codebook order, then removed codes); null without transcripts. */
  effect: EffectRow[] | null;
  notes: string[];
}

export interface DiffResult {
  report: CodebookDiffReport;
  /** Nothing changed: no code, no setting, no segment. */
  same: boolean;
  reads: string[];
  warnings: Warning[];
}

export async function runCodebookDiff(opts: DiffRunOptions, hooks: RunHooks = {}): Promise<DiffResult> {
  const warnings = new Warnings(hooks.onWarning);
  const config = await readConfig(opts.config);
  const newSpec = opts.new ?? config.codebook;
  if (!newSpec) throw new QcodeError('no new codebook: name it (qcode codebook diff OLD NEW), or run where a qcode.yaml names one');
  const [before, after] = await Promise.all([loadVersion(opts.old, opts.cwd), loadVersion(newSpec, opts.cwd)]);
  const { mapping, ...diff } = diffCodebooks(before.book, after.book);
  const notes: string[] = [];
  const inputs = opts.on ?? config.transcripts;
  const reads = [config.file, ...[opts.old, newSpec].filter((s) => parseGitSpec(s) === null)].filter((p): p is string => typeof p === 'string');
  let corpus: CodebookDiffReport['corpus'] = null;
  let effect: EffectRow[] | null = null;
  if (inputs.length === 0) {
    notes.push('no transcripts (pass --on FILES, or list them in qcode.yaml): the effect on the coding was not measured');
  } else {
    const measured = await measure(opts, inputs, before, after, { ...diff, mapping }, warnings, hooks, notes);
    corpus = measured.corpus;
    effect = measured.effect;
    reads.push(...measured.reads);
  }
  const report: CodebookDiffReport = {
    qcode: VERSION,
    old: { ...codebookRef(before.book), source: opts.old },
    new: { ...codebookRef(after.book), source: newSpec },
    ...diff, corpus, effect, notes,
  };
  const unchanged = Object.values(diff).every((list) => list.length === 0) && (effect ?? []).every((e) => e.gained.length === 0 && e.lost.length === 0);
  return { report, same: unchanged, reads: [...new Set(reads)], warnings: warnings.list };
}

/** A codebook file, or a version of one in git. */
async function loadVersion(spec: string, cwd: string | undefined): Promise<CompiledCodebook> {
  const git = parseGitSpec(spec);
  if (!git) return loadCodebook(spec);
  const book = parseCodebook(await gitShow(git, cwd), spec);
  return compileWithHints(book);
}

/** Both versions over the same eligible segments (the new version's unit and speakers). */
async function measure(
  opts: DiffRunOptions, inputs: string[], before: CompiledCodebook, after: CompiledCodebook, diff: CodebookDiff,
  warnings: Warnings, hooks: RunHooks, notes: string[],
) {
  // Transcripts are read as every command reads them (interviewers, attributes, format),
  // with the new version's interviewer labels when it is a file openStudy can load.
  const newFile = opts.new !== undefined && parseGitSpec(opts.new) === null ? opts.new : undefined;
  const study = await openStudy({ ...opts, inputs, ...(newFile ? { codebook: newFile } : {}) } as StudyOptions, 'optional', false);
  const unit: Unit = opts.unit ?? study.config.unit ?? after.book.unit;
  const speakers = after.book.speakers;
  if (before.book.unit !== after.book.unit && !opts.unit && !study.config.unit) notes.push(`the unit changed (${before.book.unit} → ${after.book.unit}): both versions were run on ${unit} segments`);
  if (JSON.stringify(before.book.speakers) !== JSON.stringify(speakers)) notes.push('which speakers are coded changed: both versions were run on the new version\'s speakers');
  const labels = opts.interviewers && opts.interviewers.length > 0 ? opts.interviewers : [...new Set([...(after.book.interviewers ?? []), ...study.reading.interviewers])];
  const reading = { ...study.reading, interviewers: labels };
  const eligible: SegmentId[] = [];
  const old: Coding[] = [];
  const now: Coding[] = [];
  const texts = new Map<SegmentId, SegmentText>();
  let transcripts = 0;
  const map = (code: string): string => diff.mapping[code] ?? code;
  for await (const t of readStudyTranscripts(inputs, reading, warnings, hooks)) {
    transcripts++;
    const segs = eligibleSegments(t, unit, speakers);
    const a = codeTranscript(before, t, { unit, speakers }, segs).codings;
    const b = codeTranscript(after, t, { unit, speakers }, segs).codings;
    const codesOf = (list: Coding[], rename: (c: string) => string): Map<SegmentId, string> => {
      const m = new Map<SegmentId, string[]>();
      for (const c of list) m.set(c.segment, [...(m.get(c.segment) ?? []), rename(c.code)]);
      return new Map([...m].map(([s, cs]) => [s, cs.sort().join(' ')]));
    };
    const was = codesOf(a, map);
    const is = codesOf(b, (c) => c);
    for (const s of segs) {
      eligible.push(s.id);
      // Only segments whose codes differ are quoted: the texts kept grow with the change, not the corpus.
      if ((was.get(s.id) ?? '') !== (is.get(s.id) ?? '')) texts.set(s.id, { speaker: s.speaker, text: s.text, start: s.start });
    }
    appendAll(old, a);
    appendAll(now, b);
  }
  const effect = codebookEffect({ before: before.book, after: after.book, diff, eligible, old, new: now, texts });
  const reads = study.reads.filter((r) => r !== study.config.file);
  return { corpus: { transcripts, segments: eligible.length, unit }, effect, reads };
}
