// The values `qcode agree` works on and the report it produces (issue: inter-coder
// reliability). Keys of the report are snake_case: they are the JSON document.

import type { Coding, CodeId, Place, SegmentId, TranscriptId } from '../types.js';
import type { AlphaInterval } from './bootstrap.js';

/** A coding as read from a file; `code === ''` marks a segment reviewed and left uncoded. */
export type AgreeCoding = Coding & { place?: Place };

/** One codebook node, in codebook order. */
export interface CodeDef {
  id: CodeId;
  parent: CodeId | null;
  label?: string;
}

export interface SegmentInfo {
  transcript: TranscriptId;
  speaker: string;
  text: string;
}

export interface AgreeInput {
  codings: AgreeCoding[];
  /** The codebook's codes in order (descendants follow from `parent`); empty without a codebook. */
  codes?: CodeDef[];
  /** Coder order (e.g. file order); coders not listed follow in natural name order. */
  coders?: string[];
  /**
   * With transcript inputs: the eligible (codable) segments of each transcript, in
   * order. Every eligible segment of a transcript a coder's rows touch counts as
   * reviewed by that coder.
   */
  eligible?: ReadonlyMap<TranscriptId, readonly SegmentId[]>;
  /** Coders that reviewed every eligible segment of every transcript (the rule engine, `auto`). */
  fullCoverage?: readonly string[];
  /** Speaker and text per segment, for `--disagreements`. */
  segments?: ReadonlyMap<SegmentId, SegmentInfo>;
}

export type Scheme = 'presence' | 'category';

export interface AgreeOptions {
  scheme?: Scheme;
  /** Required for `category`: the code whose children are the categories. */
  parent?: CodeId;
  /** Bootstrap resamples for alpha_ci (default 1000; 0 turns it off). */
  bootstrap?: number;
  seed?: number;
  minKappa?: number;
  minAlpha?: number;
  disagreements?: boolean;
  /** Compare coder `auto` (the coding pass) with a human coder: adds precision/recall/F1. */
  auto?: { coder: string; gold: string };
  /** Written into the report as `qcode`. */
  version?: string;
}

export interface PairReport {
  coders: [string, string];
  units: number;
  percent_agreement: number | null;
  cohen_kappa: number | null;
  scott_pi: number | null;
  /** presence only: the 2×2 table of the pair over the units both reviewed. */
  both?: number;
  only_first?: number;
  only_second?: number;
  neither?: number;
  notes: string[];
}

export interface Coefficients {
  units: number;
  percent_agreement: number | null;
  cohen_kappa: number | null;
  scott_pi: number | null;
  fleiss_kappa: number | null;
  krippendorff_alpha: number | null;
  gwet_ac1: number | null;
}

export type StatName = 'percent_agreement' | 'cohen_kappa' | 'scott_pi' | 'fleiss_kappa' | 'krippendorff_alpha' | 'gwet_ac1';
export const STAT_NAMES: readonly StatName[] = ['percent_agreement', 'cohen_kappa', 'scott_pi', 'fleiss_kappa', 'krippendorff_alpha', 'gwet_ac1'];
export const CHANCE_CORRECTED: readonly StatName[] = ['cohen_kappa', 'scott_pi', 'fleiss_kappa', 'krippendorff_alpha', 'gwet_ac1'];

export interface AutoScores {
  gold: string;
  true_positive: number;
  false_positive: number;
  false_negative: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface CodeReport extends Coefficients {
  code: CodeId;
  label?: string;
  /** False for a code found in the codings but not in the codebook. */
  in_codebook: boolean;
  /** Pairable units where at least one coder applied the code (category: all pairable units). */
  support: number;
  alpha_ci: AlphaInterval | null;
  pairs: PairReport[];
  /** Landis & Koch (1977) band of each chance-corrected coefficient. */
  bands: Partial<Record<StatName, string | null>>;
  /** Coefficients under a --min-kappa / --min-alpha threshold. */
  below: StatName[];
  /** category: the child codes that are the categories, in order. */
  categories?: CodeId[];
  precision?: number | null;
  recall?: number | null;
  f1?: number | null;
  auto?: AutoScores;
  notes: string[];
}

export interface Pooled extends Coefficients {
  alpha_ci: AlphaInterval | null;
  pairs: PairReport[];
  notes: string[];
}

export interface MeanOverCodes extends Omit<Coefficients, 'units'> {
  /** How many codes each mean is over (codes where the coefficient is defined). */
  codes: Record<StatName, number>;
  notes: string[];
}

export interface Disagreement {
  segment: SegmentId;
  transcript: TranscriptId;
  speaker: string | null;
  text: string | null;
  /** Each coder's value: presence 1/0, category the child code; null = no value. */
  values: Record<string, string | number | null>;
}

export interface Failure {
  code: CodeId;
  statistic: StatName;
  value: number;
  threshold: number;
}

export interface AgreeReport {
  qcode: string;
  scheme: Scheme;
  parent?: CodeId;
  coders: string[];
  codes: CodeReport[];
  overall: { pooled: Pooled; mean: MeanOverCodes };
  thresholds?: { min_kappa?: number; min_alpha?: number };
  failures: Failure[];
  disagreements?: { code: CodeId; segments: Disagreement[] }[];
  notes: string[];
}
