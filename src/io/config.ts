import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { yamlMessage } from '../core/yaml-message.js';
import { QcodeError } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import { readTextFile } from './file.js';

/** `qcode.yaml` (SPEC §7), with paths resolved against the folder it lives in. */
export interface StudyConfig {
  file: string | null;
  codebook?: string;
  transcripts: string[];
  attributes?: string;
  interviewers?: string[];
  check: {
    gold?: string;
    min_kappa?: number;
    min_agreement?: number;
    snapshot?: string;
  };
}

const KEYS = ['codebook', 'transcripts', 'attributes', 'interviewers', 'check', 'name', 'unit'];
export const DEFAULT_CONFIG = 'qcode.yaml';

/** Reads the named config, or `./qcode.yaml` when it exists; an empty config otherwise. */
export async function readConfig(path: string | undefined): Promise<StudyConfig> {
  const file = path ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null);
  if (!file) return { file: null, transcripts: [], check: {} };
  const text = await readTextFile(file);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const at = (node: Node | null | undefined): { file: string; line?: number; col?: number } => {
    if (!node?.range) return { file };
    return { file, ...lines.linePos(node.range[0]) };
  };
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    throw new QcodeError(`syntax error: ${yamlMessage(first.message)}`, pos ? { file, line: pos.line, col: pos.col } : { file });
  }
  const root = doc.contents;
  if (root === null) return { file, transcripts: [], check: {} };
  if (!isMap(root)) throw new QcodeError('qcode.yaml must be a mapping', at(root));
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!KEYS.includes(key)) {
      const guess = closest(key, KEYS);
      throw new QcodeError(`unknown key "${key}" in qcode.yaml${guess ? ` (did you mean "${guess}"?)` : ''}`, at(pair.key as Node));
    }
  }
  const base = dirname(file);
  const resolve = (p: string): string => (isAbsolute(p) ? p : relativeToCwd(join(base, p)));
  const str = (node: unknown, what: string): string => {
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    throw new QcodeError(`${what} must be a path`, at(node as Node));
  };
  const get = (k: string): Node | undefined => root.get(k, true) as Node | undefined;
  const config: StudyConfig = { file, transcripts: [], check: {} };
  const codebook = get('codebook');
  if (codebook) config.codebook = resolve(str(codebook, 'codebook'));
  const transcripts = get('transcripts');
  if (transcripts) {
    const items = isSeq(transcripts) ? (transcripts.items as Node[]) : [transcripts];
    config.transcripts = items.map((n) => resolve(str(n, 'each entry of transcripts')));
  }
  const attributes = get('attributes');
  if (attributes) config.attributes = resolve(str(attributes, 'attributes'));
  const interviewers = get('interviewers');
  if (interviewers) {
    if (!isSeq(interviewers)) throw new QcodeError('interviewers must be a list of speaker labels', at(interviewers));
    config.interviewers = (interviewers.items as Node[]).map((n) => str(n, 'an interviewer label'));
  }
  const check = get('check');
  if (check) {
    if (!isMap(check)) throw new QcodeError('check must be a mapping', at(check));
    const c = check.toJSON() as Record<string, unknown>;
    if (typeof c.gold === 'string') config.check.gold = resolve(c.gold);
    if (typeof c.snapshot === 'string') config.check.snapshot = resolve(c.snapshot);
    if (typeof c.min_kappa === 'number') config.check.min_kappa = c.min_kappa;
    if (typeof c.min_agreement === 'number') config.check.min_agreement = c.min_agreement;
  }
  return config;
}

/** Paths in messages and reports read best relative to where the researcher stands. */
function relativeToCwd(p: string): string {
  const r = relative(process.cwd(), p);
  return r === '' ? '.' : r;
}
