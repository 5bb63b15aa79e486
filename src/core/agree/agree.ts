// `qcode agree`: the whole reliability report from plain values (no I/O).

import { QcodeError } from '../errors.js';
import type { CodeId } from '../types.js';
import { autoScores } from './auto.js';
import { landisKoch } from './bands.js';
import { bootstrapAlpha, DEFAULT_REPLICATES, DEFAULT_SEED } from './bootstrap.js';
import { categoryTable, childrenOf, codeTree, coderOrder, presenceTables, reviewedSets } from './data.js';
import { disagreementsOf } from './disagreements.js';
import { alphaUnits, coefficients, pairableUnits, twoByTwo, type PairStats, type Ratings, type Stat, type Value } from './stats.js';
import { appendAll } from '../lists.js';
import {
  CHANCE_CORRECTED,
  STAT_NAMES,
  type AgreeInput,
  type AgreeOptions,
  type AgreeReport,
  type CodeReport,
  type Coefficients,
  type Failure,
  type MeanOverCodes,
  type PairReport,
  type Pooled,
  type StatName,
} from './types.js';

const PRESENCE_VALUES: readonly Value[] = ['1', '0'];

function noteOf(name: string, s: Stat): string | null {
  if (!s.note) return null;
  return s.note.startsWith(name) ? s.note : `${name}${s.value === null ? ' undefined' : ''}: ${s.note}`;
}

function pairReport(p: PairStats, coders: readonly string[], ratings: Ratings, presence: boolean): PairReport {
  const out: PairReport = {
    coders: [coders[p.i] as string, coders[p.j] as string],
    units: p.units,
    percent_agreement: p.percent_agreement.value,
    cohen_kappa: p.cohen_kappa.value,
    scott_pi: p.scott_pi.value,
  } as PairReport;
  if (presence) Object.assign(out, twoByTwo(ratings, p.i, p.j));
  const notes: string[] = [];
  for (const [name, s] of [
    ['percent_agreement', p.percent_agreement],
    ['cohen_kappa', p.cohen_kappa],
    ['scott_pi', p.scott_pi],
  ] as const) {
    const n = noteOf(name, s);
    if (n && !notes.includes(n)) notes.push(n);
  }
  out.notes = notes;
  return out;
}

interface Computed {
  coefficients: Coefficients;
  pairs: PairReport[];
  alpha_ci: CodeReport['alpha_ci'];
  notes: string[];
}

function compute(ratings: Ratings, coders: readonly string[], categories: readonly Value[], presence: boolean, opts: AgreeOptions): Computed {
  const cs = coefficients(ratings, coders, categories);
  const notes: string[] = [];
  if (cs.units === 0) notes.push('no segment has values from two or more coders, so no agreement can be measured');
  const stats: Record<StatName, Stat> = {
    percent_agreement: cs.percent_agreement,
    cohen_kappa: cs.cohen_kappa,
    scott_pi: cs.scott_pi,
    fleiss_kappa: cs.fleiss_kappa,
    krippendorff_alpha: cs.krippendorff_alpha,
    gwet_ac1: cs.gwet_ac1,
  };
  for (const name of STAT_NAMES) {
    const n = noteOf(name, stats[name]);
    if (n && !notes.includes(n)) notes.push(n);
  }
  const boot = bootstrapAlpha(alphaUnits(ratings), opts.bootstrap ?? DEFAULT_REPLICATES, opts.seed ?? DEFAULT_SEED);
  if (boot.note && cs.units > 0) notes.push(boot.note);
  return {
    coefficients: {
      units: cs.units,
      percent_agreement: cs.percent_agreement.value,
      cohen_kappa: cs.cohen_kappa.value,
      scott_pi: cs.scott_pi.value,
      fleiss_kappa: cs.fleiss_kappa.value,
      krippendorff_alpha: cs.krippendorff_alpha.value,
      gwet_ac1: cs.gwet_ac1.value,
    },
    pairs: cs.pairs.map((p) => pairReport(p, coders, ratings, presence)),
    alpha_ci: boot.ci,
    notes,
  };
}

function supportOf(ratings: Ratings, presence: boolean): number {
  if (!presence) return pairableUnits(ratings).length;
  let n = 0;
  for (const row of ratings) {
    let given = 0;
    let applied = false;
    for (const v of row) {
      if (v === null) continue;
      given++;
      if (v === '1') applied = true;
    }
    if (given >= 2 && applied) n++;
  }
  return n;
}

function codeReport(
  code: CodeId,
  ratings: Ratings,
  coders: readonly string[],
  categories: readonly Value[],
  presence: boolean,
  opts: AgreeOptions,
  meta: { label?: string; inCodebook: boolean; haveCodebook: boolean },
): CodeReport {
  const c = compute(ratings, coders, categories, presence, opts);
  const bands: CodeReport['bands'] = {};
  for (const name of CHANCE_CORRECTED) bands[name] = landisKoch(c.coefficients[name]);
  const report: CodeReport = {
    code,
    ...(meta.label !== undefined ? { label: meta.label } : {}),
    in_codebook: meta.inCodebook,
    units: c.coefficients.units,
    support: supportOf(ratings, presence),
    percent_agreement: c.coefficients.percent_agreement,
    cohen_kappa: c.coefficients.cohen_kappa,
    scott_pi: c.coefficients.scott_pi,
    fleiss_kappa: c.coefficients.fleiss_kappa,
    krippendorff_alpha: c.coefficients.krippendorff_alpha,
    gwet_ac1: c.coefficients.gwet_ac1,
    alpha_ci: c.alpha_ci,
    pairs: c.pairs,
    bands,
    below: [],
    notes: c.notes,
  };
  if (presence && report.units > 0 && report.support === 0) {
    report.notes.unshift('no coder applied this code to a segment reviewed by two or more coders');
  }
  if (!meta.inCodebook && meta.haveCodebook) report.notes.push('this code is in the codings but not in the codebook');
  return report;
}

function meanOverCodes(codes: readonly CodeReport[]): MeanOverCodes {
  const out = { codes: {} as Record<StatName, number>, notes: [] as string[] } as MeanOverCodes;
  for (const name of STAT_NAMES) {
    const vals = codes.map((c) => c[name]).filter((v): v is number => v !== null);
    out[name] = vals.length === 0 ? null : vals.reduce((a, b) => a + b, 0) / vals.length;
    out.codes[name] = vals.length;
    if (vals.length === 0) out.notes.push(`${name} undefined: no code has a defined ${name}`);
  }
  return out;
}

function checkThresholds(codes: CodeReport[], opts: AgreeOptions, notes: string[]): Failure[] {
  const failures: Failure[] = [];
  const checks: [StatName, number | undefined][] = [
    ['cohen_kappa', opts.minKappa],
    ['krippendorff_alpha', opts.minAlpha],
  ];
  for (const code of codes) {
    if (code.support === 0) continue;
    for (const [stat, threshold] of checks) {
      if (threshold === undefined) continue;
      const value = code[stat];
      if (value === null) {
        notes.push(`${code.code}: ${stat} is undefined, so the threshold ${threshold} could not be checked`);
        continue;
      }
      if (value < threshold) {
        code.below.push(stat);
        failures.push({ code: code.code, statistic: stat, value, threshold });
      }
    }
  }
  return failures;
}

/**
 * Inter-coder reliability per code and overall. `presence` (default): per code,
 * 1/0 on every reviewed segment; `category`: per segment, which child of
 * `opts.parent` each coder applied.
 */
export function computeAgreement(input: AgreeInput, opts: AgreeOptions = {}): AgreeReport {
  const scheme = opts.scheme ?? (opts.parent !== undefined ? 'category' : 'presence');
  if (scheme === 'category' && !opts.parent) throw new QcodeError('the category scheme needs --parent CODE');
  const coders = coderOrder(input);
  if (coders.length < 2) {
    throw new QcodeError(
      `agreement needs at least two coders; found ${coders.length === 0 ? 'none' : coders.join(', ')} (give one codings file per coder, or a coder column)`,
    );
  }
  if (opts.auto) {
    for (const c of [opts.auto.coder, opts.auto.gold]) {
      if (!coders.includes(c)) throw new QcodeError(`--auto: no codings from coder "${c}"`);
    }
  }
  const tree = codeTree(input.codes ?? [], input.codings);
  const notes: string[] = [];
  const presence = scheme === 'presence';
  const codes: CodeReport[] = [];
  let pooledRatings: Ratings = [];
  let pooledCategories: readonly Value[] = PRESENCE_VALUES;
  const disagreements: AgreeReport['disagreements'] = [];
  const leaves: CodeReport[] = [];
  const reviewed = reviewedSets(input, coders);
  for (const c of coders) {
    if ((reviewed.get(c)?.size ?? 0) === 0) notes.push(`coder ${c} reviewed no segment`);
  }
  if ((input.codes ?? []).length > 0) {
    const extra = tree.order.filter((c) => !tree.inCodebook.has(c));
    if (extra.length > 0) notes.push(`codes in the codings but not in the codebook (reported at the end): ${extra.join(', ')}`);
  }

  if (presence) {
    const { segments, byCode } = presenceTables(input.codings, tree, coders, reviewed);
    for (const code of tree.order) {
      const ratings = byCode.get(code) as Ratings;
      const label = tree.labels.get(code);
      const report = codeReport(code, ratings, coders, PRESENCE_VALUES, true, opts, {
        ...(label !== undefined ? { label } : {}),
        inCodebook: tree.inCodebook.has(code),
        haveCodebook: (input.codes ?? []).length > 0,
      });
      if (opts.auto) {
        const a = autoScores(ratings, coders.indexOf(opts.auto.coder), coders.indexOf(opts.auto.gold), opts.auto.gold);
        report.precision = a.scores.precision;
        report.recall = a.scores.recall;
        report.f1 = a.scores.f1;
        report.auto = a.scores;
        report.notes.push(...a.notes);
      }
      codes.push(report);
      // A parent's ratings are derived from its children's: pooling both would count
      // the same decisions twice, so overall figures are over the leaf codes.
      if (childrenOf(tree, code).length === 0) {
        // Appended, not concatenated: a copy per leaf code grew with the square of the codes.
        appendAll(pooledRatings, ratings);
        leaves.push(report);
      }
      if (opts.disagreements) disagreements.push(disagreementsOf(code, segments, ratings, coders, input.segments, true));
    }
  } else {
    const parent = opts.parent as CodeId;
    const { table, categories, notes: catNotes } = categoryTable(input.codings, tree, coders, parent);
    const label = tree.labels.get(parent);
    const report = codeReport(parent, table.ratings, coders, categories, false, opts, {
      ...(label !== undefined ? { label } : {}),
      inCodebook: tree.inCodebook.has(parent),
      haveCodebook: (input.codes ?? []).length > 0,
    });
    report.categories = categories;
    report.notes.push(...catNotes);
    if (opts.auto) report.notes.push('precision, recall and F1 are reported for the presence scheme only');
    codes.push(report);
    leaves.push(report);
    pooledRatings = table.ratings;
    pooledCategories = categories;
    if (opts.disagreements) disagreements.push(disagreementsOf(parent, table.segments, table.ratings, coders, input.segments, false));
  }

  if (codes.length === 0) notes.push('no codes: give a codebook (--codebook) or codings with codes');
  const pooledC = compute(pooledRatings, coders, pooledCategories, presence, opts);
  const pooled: Pooled = { ...pooledC.coefficients, alpha_ci: pooledC.alpha_ci, pairs: pooledC.pairs, notes: pooledC.notes };
  if (presence) pooled.notes.unshift('pooled: every (segment, code) pair is one unit, so the pairwise 2×2 tables are the per-code tables summed');
  const mean = meanOverCodes(leaves);
  if (presence && leaves.length < codes.length) {
    const note = `over the ${leaves.length} leaf codes: a parent's ratings are derived from its children's and would count them twice`;
    pooled.notes.push(`pooled ${note}`);
    mean.notes.push(`mean ${note}`);
  }
  const failures = checkThresholds(codes, opts, notes);
  if (opts.disagreements && !input.segments) notes.push('disagreements: speaker and text need transcript inputs');

  const report: AgreeReport = {
    qcode: opts.version ?? 'unknown',
    scheme,
    ...(scheme === 'category' ? { parent: opts.parent as CodeId } : {}),
    coders,
    codes,
    overall: { pooled, mean },
    failures,
    notes,
  };
  if (opts.minKappa !== undefined || opts.minAlpha !== undefined) {
    report.thresholds = {
      ...(opts.minKappa !== undefined ? { min_kappa: opts.minKappa } : {}),
      ...(opts.minAlpha !== undefined ? { min_alpha: opts.minAlpha } : {}),
    };
  }
  if (opts.disagreements) report.disagreements = disagreements;
  return report;
}

