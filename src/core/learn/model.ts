// A learned model as a value: per leaf code a bias, a decision threshold and the weights
// of the features that matter most. Its file is JSON with sorted keys and rounded
// numbers, so the same training data gives the same bytes (a team can commit it and see
// in a diff what changed).

import { QcodeError } from '../errors.js';
import { UNITS, type CodeId, type Unit } from '../types.js';
import type { WordGroupsFile } from './groups.js';

export const MODEL_FORMAT = 'qcode-model/1';

export interface CodeModel {
  bias: number;
  /** The model codes a segment when its probability reaches this. */
  threshold: number;
  /** The probability at which the model's coding is added to the rules' under `vote`; absent: never. */
  confident?: number;
  /** Segments and codebook examples the code was learned from. */
  positives: number;
  /** Feature → weight, only the strongest ones (see `--top`). */
  weights: Record<string, number>;
}

export interface LearnedModel {
  format: typeof MODEL_FORMAT;
  /** The codebook's name, so a model meets the codebook it was trained for. */
  codebook: string;
  language: string;
  /** The segment unit it learned from: a model of whole turns reads sentences less well. */
  unit: Unit;
  trained: { transcripts: number; segments: number; examples: number };
  codes: Record<CodeId, CodeModel>;
  /** The word groups its `g:` features are read with (absent: a model learned without them). */
  groups?: WordGroupsFile;
}

/** Rounded to 4 places, -0 as 0: enough for a probability, and the same on every machine. */
export function round4(x: number): number {
  const r = Math.round(x * 1e4) / 1e4;
  return r === 0 ? 0 : r;
}

/** JSON with every object's keys in code-unit order, one-space indent (one weight a line, so a diff reads), final newline. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 1)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

/** A model file's text as a model, or an error naming what is wrong with it. */
export function parseModel(text: string, file: string): LearnedModel {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new QcodeError(`not a qcode model: the file is not JSON (${(e as Error).message})`, { file });
  }
  const m = raw as Partial<LearnedModel> | null;
  if (!m || typeof m !== 'object' || m.format !== MODEL_FORMAT) {
    throw new QcodeError(`not a qcode model: expected "format": "${MODEL_FORMAT}" (write one with qcode learn --out FILE)`, { file });
  }
  if (!m.codes || typeof m.codes !== 'object') throw new QcodeError('a qcode model needs "codes"', { file });
  for (const [code, c] of Object.entries(m.codes)) {
    const ok = c && typeof c.bias === 'number' && typeof c.threshold === 'number' && c.weights && typeof c.weights === 'object'
      && Object.values(c.weights).every((w) => typeof w === 'number' && Number.isFinite(w));
    if (!ok) throw new QcodeError(`the model of code "${code}" needs a numeric bias, threshold and weights`, { file });
  }
  const groups = m.groups;
  if (groups !== undefined && (!groups || typeof groups !== 'object' || !Object.values(groups).every((w) => typeof w === 'string'))) {
    throw new QcodeError('a model\'s "groups" must map each group\'s name to its words, one space apart', { file });
  }
  const unit = UNITS.includes(m.unit as Unit) ? (m.unit as Unit) : 'turn';
  return {
    format: MODEL_FORMAT, codebook: String(m.codebook ?? ''), language: String(m.language ?? 'en'), unit,
    trained: m.trained ?? { transcripts: 0, segments: 0, examples: 0 }, codes: m.codes, ...(groups ? { groups } : {}),
  };
}
