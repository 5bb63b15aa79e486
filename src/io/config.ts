// `qcode.yaml`: the study's config, read whole and validated whole. Every key is either
// honoured or rejected with its place and a did-you-mean, so a typo never silently
// changes what a run does. Paths resolve against the folder the config lives in.

import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { LineCounter, Node, YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq, newLineCounter, parseDocument } from '../core/yaml-lib.js';
import { QcodeError, throwAll } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import { UNITS, type Place, type Unit } from '../core/types.js';
import { yamlMessage } from '../core/yaml-message.js';
import { readTextFile } from './file.js';

/** Thresholds of `qcode check`, globally or for one code. */
export interface CheckThresholds {
  min_kappa?: number;
  min_agreement?: number;
}

export interface CheckConfig extends CheckThresholds {
  /** Human codings the coding pass is compared with. */
  gold?: string;
  /** The frequency report the pass must still give. */
  snapshot?: string;
  /** How far a snapshot count may move before the check fails (0: not at all). */
  tolerance?: number;
  /** Per-code thresholds that override the global ones. */
  codes?: Record<string, CheckThresholds>;
}

export interface StudyConfig {
  file: string | null;
  /** A name for the study, shown in report titles. */
  name?: string;
  codebook?: string;
  transcripts: string[];
  attributes?: string;
  interviewers?: string[];
  unit?: Unit;
  check: CheckConfig;
  /** `qcode deid`: terms accepted as not identifying (a program's name, a public figure). */
  deid?: DeidConfig;
}

export interface DeidConfig {
  allow: string[];
}

export const DEFAULT_CONFIG = 'qcode.yaml';
const KEYS = ['name', 'codebook', 'transcripts', 'attributes', 'interviewers', 'unit', 'check', 'deid'];
const DEID_KEYS = ['allow'];
const CHECK_KEYS = ['gold', 'snapshot', 'min_kappa', 'min_agreement', 'tolerance', 'codes'];
const THRESHOLD_KEYS = ['min_kappa', 'min_agreement'];

/** Reads the named config, or `./qcode.yaml` when it exists; an empty config otherwise. */
export async function readConfig(path: string | undefined): Promise<StudyConfig> {
  const file = path ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null);
  if (!file) return { file: null, transcripts: [], check: {} };
  return parseConfig(await readTextFile(file), file);
}

/** The config in `text`, read from `file` (paths in it are relative to that file's folder). */
export function parseConfig(text: string, file: string): StudyConfig {
  const lines = newLineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    throw new QcodeError(`syntax error: ${yamlMessage(first.message)}`, pos ? { file, line: pos.line, col: pos.col } : { file });
  }
  const reader = new ConfigReader(file, lines);
  const config = reader.read(doc.contents);
  throwAll(reader.errors);
  return config;
}

class ConfigReader {
  readonly errors: QcodeError[] = [];
  private readonly base: string;

  constructor(private readonly file: string, private readonly lines: LineCounter) {
    this.base = dirname(file);
  }

  read(root: unknown): StudyConfig {
    const config: StudyConfig = { file: this.file, transcripts: [], check: {} };
    if (root === null || root === undefined) return config;
    if (!isMap(root)) throw new QcodeError('qcode.yaml must be a mapping of keys (codebook:, transcripts:, …)', this.at(root));
    this.checkKeys(root, KEYS, 'qcode.yaml');
    const get = (k: string): unknown => root.get(k, true);
    this.optional(get('name'), (n) => (config.name = this.string(n, 'name')));
    this.optional(get('codebook'), (n) => (config.codebook = this.path(n, 'codebook')));
    this.optional(get('attributes'), (n) => (config.attributes = this.path(n, 'attributes')));
    this.optional(get('transcripts'), (n) => (config.transcripts = this.list(n, 'transcripts').map((i) => this.path(i, 'each entry of transcripts'))));
    this.optional(get('interviewers'), (n) => (config.interviewers = this.list(n, 'interviewers').map((i) => this.string(i, 'an interviewer label'))));
    this.optional(get('unit'), (n) => (config.unit = this.unit(n)));
    this.optional(get('check'), (n) => (config.check = this.check(n)));
    this.optional(get('deid'), (n) => (config.deid = this.deid(n)));
    return config;
  }

  private deid(node: unknown): DeidConfig {
    if (!isMap(node)) return this.fail('deid must be a mapping (allow: [terms])', node);
    this.checkKeys(node, DEID_KEYS, 'deid');
    const deid: DeidConfig = { allow: [] };
    this.optional(node.get('allow', true), (n) => (deid.allow = this.list(n, 'deid.allow').map((i) => this.term(i))));
    return deid;
  }

  /** An allowed term may be a word or a number (`988`, `2019`). */
  private term(node: unknown): string {
    if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'string') && String(node.value).trim() !== '') return String(node.value);
    throw new QcodeError('each entry of deid.allow must be a word or phrase', this.at(node));
  }

  private check(node: unknown): CheckConfig {
    if (!isMap(node)) return this.fail('check must be a mapping (gold:, min_kappa:, …)', node);
    this.checkKeys(node, CHECK_KEYS, 'check');
    const check: CheckConfig = { ...this.thresholds(node) };
    this.optional(node.get('gold', true), (n) => (check.gold = this.path(n, 'check.gold')));
    this.optional(node.get('snapshot', true), (n) => (check.snapshot = this.path(n, 'check.snapshot')));
    this.optional(node.get('tolerance', true), (n) => (check.tolerance = this.number(n, 'check.tolerance', 0, Infinity)));
    this.optional(node.get('codes', true), (n) => (check.codes = this.perCode(n)));
    return check;
  }

  private perCode(node: unknown): Record<string, CheckThresholds> {
    if (!isMap(node)) return this.fail('check.codes must map code ids to thresholds ({ barrier.children: { min_kappa: 0.5 } })', node);
    const out: Record<string, CheckThresholds> = {};
    for (const pair of node.items) {
      const code = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!isMap(pair.value)) {
        this.errors.push(new QcodeError(`check.codes.${code} must be a mapping (min_kappa:, min_agreement:)`, this.at(pair.value ?? pair.key)));
        continue;
      }
      this.checkKeys(pair.value, THRESHOLD_KEYS, `check.codes.${code}`);
      out[code] = this.thresholds(pair.value);
    }
    return out;
  }

  private thresholds(node: YAMLMap): CheckThresholds {
    const t: CheckThresholds = {};
    this.optional(node.get('min_kappa', true), (n) => (t.min_kappa = this.number(n, 'min_kappa', -1, 1)));
    this.optional(node.get('min_agreement', true), (n) => (t.min_agreement = this.number(n, 'min_agreement', 0, 1)));
    return t;
  }

  private checkKeys(map: YAMLMap, allowed: string[], where: string): void {
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (allowed.includes(key)) continue;
      const guess = closest(key, allowed);
      const hint = guess ? ` (did you mean "${guess}"?)` : `; known keys: ${allowed.join(', ')}`;
      this.errors.push(new QcodeError(`unknown key "${key}" in ${where}${hint}`, this.at(pair.key)));
    }
  }

  private optional(node: unknown, use: (n: unknown) => unknown): void {
    if (node === undefined) return;
    try {
      use(node);
    } catch (e) {
      if (e instanceof QcodeError) this.errors.push(e);
      else throw e;
    }
  }

  private string(node: unknown, what: string): string {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value;
    throw new QcodeError(`${what} must be text`, this.at(node));
  }

  private path(node: unknown, what: string): string {
    const p = this.string(node, `${what} (a path)`);
    return isAbsolute(p) ? p : relativeToCwd(join(this.base, p));
  }

  private list(node: unknown, what: string): unknown[] {
    if (isSeq(node)) return node.items;
    if (isScalar(node)) return [node];
    throw new QcodeError(`${what} must be a list`, this.at(node));
  }

  private number(node: unknown, what: string, min: number, max: number): number {
    if (isScalar(node) && typeof node.value === 'number' && node.value >= min && node.value <= max) return node.value;
    const range = Number.isFinite(max) ? `from ${min} to ${max}` : `of at least ${min}`;
    throw new QcodeError(`${what} must be a number ${range}`, this.at(node));
  }

  private unit(node: unknown): Unit {
    const u = this.string(node, 'unit');
    if ((UNITS as readonly string[]).includes(u)) return u as Unit;
    throw new QcodeError(`unit must be one of ${UNITS.join(', ')}, not "${u}"`, this.at(node));
  }

  /** Thrown inside `optional`, which records it and reads on. */
  private fail(message: string, node: unknown): never {
    throw new QcodeError(message, this.at(node));
  }

  private at(node: unknown): Place {
    const range = (node as Node | null | undefined)?.range;
    return range ? { file: this.file, ...this.lines.linePos(range[0]) } : { file: this.file };
  }
}

/** Paths in messages and reports read best relative to where the researcher stands. */
function relativeToCwd(p: string): string {
  const r = relative(process.cwd(), p);
  return r === '' ? '.' : r;
}
