import { createHash } from 'node:crypto';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { QcodeError, throwAll } from '../errors.js';
import { yamlMessage } from '../yaml-message.js';
import { UNITS, type CodeId, type Place, type Unit } from '../types.js';
import { MERGE_POLICIES, type Code, type Codebook, type MergePolicy, type NearClause, type RegexSource, type Rule, type SpeakerScope, type Term } from './model.js';
import { checkRegex } from './regex.js';
import { isSupportedLanguage, SUPPORTED_LANGUAGES } from './stem.js';
import { parseTerm } from './terms.js';
import { closest } from '../suggest.js';

const TOP_KEYS = ['name', 'version', 'language', 'unit', 'speakers', 'interviewers', 'model', 'merge', 'codes', 'description', 'memo', 'authors'];
const CODE_KEYS = ['id', 'label', 'definition', 'include', 'exclude', 'color', 'memo', 'examples', 'counterexamples', 'match', 'not_prompt', 'children'];
const RULE_KEYS = ['prompt', 'any', 'all', 'near', 'within', 'regex', 'not'];
const EXAMPLE_KEYS = ['q', 'a'];
const ID = /^[a-z][a-z0-9_-]*$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;
export const DEFAULT_WITHIN = 5;

const NONE_CHECKED: ReadonlySet<string> = new Set();

/** Collects every mistake with its place, so a researcher sees them all in one run. */
class Ctx {
  readonly errors: QcodeError[] = [];
  private readonly lines = new LineCounter();
  constructor(readonly file: string, readonly checked: ReadonlySet<string>) {}

  get counter(): LineCounter {
    return this.lines;
  }

  at(node: Node | Pair | null | undefined): Place {
    const range = node && 'range' in node ? node.range : node && 'key' in node ? (node.key as Node | null)?.range : undefined;
    if (!range) return { file: this.file };
    const { line, col } = this.lines.linePos(range[0]);
    return { file: this.file, line, col };
  }

  error(node: Node | Pair | null | undefined, message: string): void {
    this.errors.push(new QcodeError(message, this.at(node)));
  }
}

/**
 * Parses and validates a codebook (YAML, or JSON, which YAML reads with positions).
 * `checkedRegexes`: pattern sources this build has validated already (a shipped
 * codebook's, see loadCodebook), which need no second check.
 */
export function parseCodebook(text: string, file: string, checkedRegexes: ReadonlySet<string> = NONE_CHECKED): Codebook {
  const ctx = new Ctx(file, checkedRegexes);
  const doc = parseDocument(text, { lineCounter: ctx.counter, uniqueKeys: true });
  for (const e of doc.errors) {
    const pos = e.linePos?.[0];
    const where = pos ? { file, line: pos.line, col: pos.col } : { file };
    ctx.errors.push(new QcodeError(`syntax error: ${yamlMessage(e.message)}`, where));
  }
  throwAll(ctx.errors);
  const root = doc.contents;
  if (!isMap(root)) {
    throw new QcodeError('a codebook must be a mapping with a `codes:` list', ctx.at(root));
  }
  const book = readTop(root, ctx);
  throwAll(ctx.errors);
  return { ...book, source: file, sha256: createHash('sha256').update(text).digest('hex') };
}

type Top = Omit<Codebook, 'source' | 'sha256'>;

function readTop(map: YAMLMap, ctx: Ctx): Top {
  checkKeys(map, TOP_KEYS, 'codebook', ctx);
  const language = optString(map, 'language', ctx) ?? 'en';
  if (!isSupportedLanguage(language)) {
    ctx.error(map.get('language', true) as Node, `language "${language}" has no stemmer; use one of ${SUPPORTED_LANGUAGES.join(', ')}`);
  }
  const unit = optString(map, 'unit', ctx) ?? 'turn';
  if (!UNITS.includes(unit as Unit)) {
    ctx.error(map.get('unit', true) as Node, `unit must be turn, paragraph or sentence, not "${unit}"`);
  }
  const codesNode = map.get('codes', true) as Node | undefined;
  if (!codesNode) ctx.error(map, 'the codebook has no `codes:` list');
  const interviewers = optStringList(map, 'interviewers', ctx);
  const model = optString(map, 'model', ctx);
  const merge = optString(map, 'merge', ctx);
  if (merge !== undefined && !MERGE_POLICIES.includes(merge as MergePolicy)) {
    ctx.error(map.get('merge', true) as Node, `merge must be ${MERGE_POLICIES.join(', ')}, not "${merge}"`);
  } else if (merge !== undefined && !model) {
    ctx.error(map.get('merge', true) as Node, '`merge` says how a model combines with the rules: name the model too (model: FILE)');
  }
  return {
    name: optString(map, 'name', ctx) ?? 'Untitled codebook',
    version: optScalarText(map, 'version', ctx) ?? '0.0.0',
    language,
    unit: unit as Unit,
    speakers: readSpeakers(map, ctx),
    ...(interviewers ? { interviewers } : {}),
    ...(model ? { model } : {}),
    ...(merge && model ? { merge: merge as MergePolicy } : {}),
    codes: codesNode ? readCodes(codesNode, null, 0, ctx) : [],
  };
}

function readSpeakers(map: YAMLMap, ctx: Ctx): SpeakerScope {
  const node = map.get('speakers', true) as Node | undefined;
  if (!node) return 'participant';
  if (isScalar(node) && (node.value === 'participant' || node.value === 'all')) return node.value;
  if (isSeq(node)) return optStringList(map, 'speakers', ctx) ?? [];
  ctx.error(node, 'speakers must be participant, all, or a list of speaker labels');
  return 'participant';
}

function readCodes(node: Node, parent: CodeId | null, depth: number, ctx: Ctx): Code[] {
  if (!isSeq(node)) {
    ctx.error(node, `${parent ? `children of ${parent}` : 'codes'} must be a list of codes`);
    return [];
  }
  const seen = new Map<string, Place>();
  const codes: Code[] = [];
  for (const item of node.items as Node[]) {
    const code = readCode(item, parent, depth, ctx);
    if (!code) continue;
    const earlier = seen.get(code.key);
    if (earlier) {
      ctx.error(item, `duplicate code id "${code.id}" (first defined at line ${earlier.line})`);
      continue;
    }
    seen.set(code.key, code.place);
    codes.push(code);
  }
  return codes;
}

function readCode(node: Node, parent: CodeId | null, depth: number, ctx: Ctx): Code | null {
  if (!isMap(node)) {
    ctx.error(node, 'a code must be a mapping with at least `id` and `label`');
    return null;
  }
  checkKeys(node, CODE_KEYS, 'code', ctx);
  const key = optScalarText(node, 'id', ctx);
  const label = optString(node, 'label', ctx);
  const where = key ? `code "${parent ? `${parent}.${key}` : key}"` : 'a code';
  if (key === undefined) ctx.error(node, `${where} has no id`);
  else if (!ID.test(key)) {
    ctx.error(node.get('id', true) as Node, `code id "${key}" must be lower-case letters, digits, _ or -, starting with a letter`);
  }
  if (label === undefined || label.trim() === '') ctx.error(node, `${where} has no label`);
  const color = optString(node, 'color', ctx);
  if (color !== undefined && !COLOR.test(color)) {
    ctx.error(node.get('color', true) as Node, `color "${color}" must be #rrggbb`);
  }
  const id = parent ? `${parent}.${key ?? '?'}` : key ?? '?';
  const childrenNode = node.get('children', true) as Node | undefined;
  const matchNode = node.get('match', true) as Node | undefined;
  const text = (k: string): { [k: string]: string } => {
    const v = optString(node, k, ctx);
    return v === undefined ? {} : { [k]: v };
  };
  return {
    id,
    key: key ?? '?',
    label: label ?? '',
    ...text('definition'),
    ...text('include'),
    ...text('exclude'),
    ...(color !== undefined ? { color } : {}),
    ...text('memo'),
    ...examplesOf(readExamples(node, 'examples', ctx)),
    ...counterexamplesOf(readExamples(node, 'counterexamples', ctx)),
    rules: matchNode ? readRules(matchNode, id, ctx) : [],
    ...notPromptOf(readQuestionTerms(node, 'not_prompt', ctx)),
    children: childrenNode ? readCodes(childrenNode, id, depth + 1, ctx) : [],
    parent,
    depth,
    place: ctx.at(node),
  };
}

function readRules(node: Node, code: string, ctx: Ctx): Rule[] {
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  const rules: Rule[] = [];
  for (const item of items) {
    const rule = readRule(item, code, ctx);
    if (rule) rules.push(rule);
  }
  return rules;
}

function readRule(node: Node, code: string, ctx: Ctx): Rule | null {
  if (!isMap(node)) {
    ctx.error(node, `a rule of "${code}" must be a mapping of any/all/near/regex/not`);
    return null;
  }
  checkKeys(node, RULE_KEYS, 'rule', ctx);
  const rule: Rule = { place: ctx.at(node) };
  const prompt = readQuestionTerms(node, 'prompt', ctx);
  if (prompt) rule.prompt = prompt;
  for (const k of ['any', 'all', 'not'] as const) {
    const terms = readTermList(node, k, ctx);
    if (terms) rule[k] = terms;
  }
  const near = readNear(node, ctx);
  if (near) rule.near = near;
  const regex = readRegexes(node, ctx);
  if (regex) rule.regex = regex;
  const positive = ['prompt', 'any', 'all', 'near', 'regex'].some((k) => node.has(k));
  if (!positive) {
    const what = rule.not ? 'has only `not`: it would code every segment without those terms' : 'is empty';
    ctx.error(node, `a rule of "${code}" ${what}; give it any, all, near or regex`);
    return null;
  }
  return rule;
}

const QUESTION_KEY_EXAMPLE: Record<'prompt' | 'not_prompt', string> = {
  prompt: 'prompt: [how many times, leave]',
  not_prompt: 'not_prompt: [ideal program, if you could design]',
};

/** A list of terms looked for in the interviewer turn before the segment (`prompt`, a code's `not_prompt`). */
function readQuestionTerms(map: YAMLMap, key: 'prompt' | 'not_prompt', ctx: Ctx): Term[] | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (!node) return undefined;
  if (isMap(node)) {
    ctx.error(node, `\`${key}\` must be a list of terms, looked for in the interviewer turn before the segment: ${QUESTION_KEY_EXAMPLE[key]}`);
    return undefined;
  }
  return termsOf(node, key, ctx);
}

const notPromptOf = (terms: Term[] | undefined): Pick<Code, 'notPrompt'> => (terms && terms.length > 0 ? { notPrompt: terms } : {});

interface Examples {
  texts: string[];
  /** Null when no entry has a question, so a codebook without any reads as before. */
  questions: Array<string | null> | null;
}

const examplesOf = (e: Examples): Pick<Code, 'examples' | 'exampleQuestions'> =>
  (e.questions ? { examples: e.texts, exampleQuestions: e.questions } : { examples: e.texts });
const counterexamplesOf = (e: Examples): Pick<Code, 'counterexamples' | 'counterexampleQuestions'> =>
  (e.questions ? { counterexamples: e.texts, counterexampleQuestions: e.questions } : { counterexamples: e.texts });

/**
 * `examples:`/`counterexamples:` entries are texts, or `{q: question, a: answer}` when the
 * answer means something only with the interviewer's question before it ("Six." after
 * "How many times did you leave?"). Questions are kept beside the texts, so every reader
 * of `examples` still sees the answers.
 */
function readExamples(map: YAMLMap, key: 'examples' | 'counterexamples', ctx: Ctx): Examples {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return { texts: [], questions: null };
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  const texts: string[] = [];
  const questions: Array<string | null> = [];
  for (const item of items) {
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
      texts.push(String(item.value));
      questions.push(null);
    } else if (isMap(item) && item.has('q')) {
      checkKeys(item, EXAMPLE_KEYS, 'example', ctx);
      const q = optScalarText(item, 'q', ctx);
      const a = optScalarText(item, 'a', ctx);
      if (q === undefined || a === undefined) {
        ctx.error(item, `an entry of \`${key}\` with a question needs both \`q:\` (the interviewer's question) and \`a:\` (the answer)`);
        continue;
      }
      texts.push(a);
      questions.push(q);
    } else ctx.error(item, `each entry of \`${key}\` must be text`);
  }
  return { texts, questions: questions.some((q) => q !== null) ? questions : null };
}

function readTermList(map: YAMLMap, key: string, ctx: Ctx): Term[] | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (!node) return undefined;
  return termsOf(node, key, ctx);
}

function termsOf(node: Node, key: string, ctx: Ctx): Term[] {
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  if (items.length === 0) ctx.error(node, `\`${key}\` has no terms`);
  const terms: Term[] = [];
  for (const item of items) {
    if (!isScalar(item) || typeof item.value === 'object' || item.value === null) {
      ctx.error(item, `a term in \`${key}\` must be a word or phrase`);
      continue;
    }
    const term = parseTerm(String(item.value), ctx.at(item));
    if (term) terms.push(term);
    else ctx.error(item, `empty term in \`${key}\`: "${String(item.value)}" has no letters or digits`);
  }
  return terms;
}

function readNear(map: YAMLMap, ctx: Ctx): NearClause | undefined {
  const node = map.get('near', true) as Node | undefined;
  const withinNode = map.get('within', true) as Node | undefined;
  if (!node) {
    if (withinNode) ctx.error(withinNode, '`within` only makes sense with `near`');
    return undefined;
  }
  if (!isSeq(node) || node.items.length !== 2 || !(node.items as Node[]).every((i) => isSeq(i))) {
    ctx.error(node, '`near` must be two lists of terms: near: [[a, b], [c, d]]');
    return undefined;
  }
  const [l, r] = node.items as Node[];
  let within = DEFAULT_WITHIN;
  if (withinNode) {
    const v = isScalar(withinNode) ? withinNode.value : undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 1000) {
      ctx.error(withinNode, '`within` must be a whole number of tokens from 1 to 1000');
    } else within = v;
  }
  return { left: termsOf(l as Node, 'near', ctx), right: termsOf(r as Node, 'near', ctx), within };
}

function readRegexes(map: YAMLMap, ctx: Ctx): RegexSource[] | undefined {
  const node = map.get('regex', true) as Node | undefined;
  if (!node) return undefined;
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  if (items.length === 0) ctx.error(node, '`regex` has no patterns');
  const out: RegexSource[] = [];
  for (const item of items) {
    if (!isScalar(item) || typeof item.value !== 'string' || item.value === '') {
      ctx.error(item, 'a regex must be a non-empty string');
      continue;
    }
    const problem = ctx.checked.has(item.value) ? null : checkRegex(item.value);
    if (problem) ctx.error(item, `invalid regex /${item.value}/: ${problem}`);
    else out.push({ source: item.value, place: ctx.at(item) });
  }
  return out;
}

function checkKeys(map: YAMLMap, allowed: string[], what: string, ctx: Ctx): void {
  for (const pair of map.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : '';
    if (allowed.includes(k)) continue;
    const guess = closest(k, allowed);
    ctx.error(pair.key as Node, `unknown ${what} key "${k}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
  }
}

function optScalarText(map: YAMLMap, key: string, ctx: Ctx): string | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return undefined;
  if (isScalar(node) && ['string', 'number'].includes(typeof node.value)) return String(node.value);
  ctx.error(node, `\`${key}\` must be text`);
  return undefined;
}

function optString(map: YAMLMap, key: string, ctx: Ctx): string | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return undefined;
  if (isScalar(node) && typeof node.value === 'string') return node.value;
  if (isScalar(node) && node.value === null) return undefined;
  ctx.error(node, `\`${key}\` must be text`);
  return undefined;
}

function optStringList(map: YAMLMap, key: string, ctx: Ctx): string[] | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return undefined;
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  const out: string[] = [];
  for (const item of items) {
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) out.push(String(item.value));
    else ctx.error(item, `each entry of \`${key}\` must be text`);
  }
  return out;
}
