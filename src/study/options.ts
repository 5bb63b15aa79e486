// What a researcher (or a script) tells a study run. Every command and every library
// call takes these; nothing here is read from the process or the terminal.

import type { MergePolicy } from '../core/codebook/model.js';
import type { Unit, Warning } from '../core/types.js';

export interface StudyOptions {
  /** `qcode.yaml`; default `./qcode.yaml` when it exists. */
  config?: string;
  /** The codebook file; default the config's `codebook:`. */
  codebook?: string;
  /** Transcript files or folders; default the config's `transcripts:`. */
  inputs?: string[];
  /** A case-attribute sheet (CSV, first column `id`) laid over the transcripts' own. */
  attributes?: string;
  /** Interviewer labels; replaces the codebook's, the config's and the default list. */
  interviewers?: string[];
  /** Read every input as this format or tool layout instead of detecting it. */
  from?: string;
  /** Segment unit; default the config's, then the codebook's. */
  unit?: Unit;
  /** Report on saved or human codings (a codings CSV) instead of a fresh coding pass. */
  codings?: string;
  /** One coder of a multi-coder codings file (or the coder of a file without a coder column). */
  coder?: string;
  /** Threads for the coding pass; default: one less than the cores for a large corpus, else 1. */
  jobs?: number;
  /** A learned model (`qcode learn --out`) whose opinion joins the rules'; default the codebook's `model:`; false: none, the rules alone. */
  model?: string | false;
  /** How the model's codings and the rules' combine (see core/learn/apply.ts); default the codebook's `merge:`, else `rules`. */
  merge?: MergePolicy;
}

/** How a run tells its caller what is happening while it runs (all optional). */
export interface RunHooks {
  /** Each warning as it arises; every warning is also returned in the result. */
  onWarning?: (w: Warning) => void;
  /** Files read so far, of how many. */
  onProgress?: (p: { done: number; total: number; file: string }) => void;
}

/** Collects a run's warnings and passes each on as it arrives. */
export class Warnings {
  readonly list: Warning[] = [];
  constructor(private readonly hook?: (w: Warning) => void) {}

  add(w: Warning): void {
    this.list.push(w);
    this.hook?.(w);
  }
}
