// qcode codebook ⇄ REFI-QDA codebook. Export keeps everything: what has no REFI-QDA
// element travels folded into <Description> (core/refi/description.ts). Import builds a
// codebook that parses and lints: ids made from names, ATLAS.ti `Parent::Child` names
// made into a tree, and a warning for everything that cannot come along.

import type { Code, Codebook, Rule } from '../codebook/model.js';
import type { Warning } from '../types.js';
import { foldDescription, unfoldDescription, type FoldedCode } from './description.js';
import type { RefiCode, RefiCodebook, RefiSet } from './model.js';
import { idFromName, SiblingIds } from './names.js';
import { uuidV5 } from './uuid.js';

const ID = /^[a-z][a-z0-9_-]*$/;

/** GUID of a code: a UUID v5 of its dotted path, so re-exports diff cleanly. */
export function codeGuid(path: string): string {
  return uuidV5(`code:${path}`);
}

/** A rule as written in a codebook file, for the folded `qcode:` line. */
export function ruleToPlain(r: Rule): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (r.prompt) o.prompt = r.prompt.map((t) => t.raw);
  if (r.any) o.any = r.any.map((t) => t.raw);
  if (r.all) o.all = r.all.map((t) => t.raw);
  if (r.near) {
    o.near = [r.near.left.map((t) => t.raw), r.near.right.map((t) => t.raw)];
    o.within = r.near.within;
  }
  if (r.regex) o.regex = r.regex.map((x) => x.source);
  if (r.not) o.not = r.not.map((t) => t.raw);
  return o;
}

function exportCode(c: Code): RefiCode {
  const folded: FoldedCode = { examples: c.examples, counterexamples: c.counterexamples };
  if (c.definition) folded.definition = c.definition;
  if (c.include) folded.include = c.include;
  if (c.exclude) folded.exclude = c.exclude;
  if (c.memo) folded.memo = c.memo;
  const extra: FoldedCode['qcode'] = {};
  if (idFromName(c.label) !== c.key) extra.id = c.key;
  if (c.rules.length > 0) extra.match = c.rules.map(ruleToPlain);
  if (c.notPrompt) extra.not_prompt = c.notPrompt.map((t) => t.raw);
  // An example that answers a question only codes with its question: it travels too.
  const questions: NonNullable<FoldedCode['qcode']>['questions'] = {};
  if (c.exampleQuestions?.some((q) => q !== null)) questions.examples = c.exampleQuestions;
  if (c.counterexampleQuestions?.some((q) => q !== null)) questions.counterexamples = c.counterexampleQuestions;
  if (questions.examples || questions.counterexamples) extra.questions = questions;
  if (Object.values(extra).some((v) => v !== undefined)) folded.qcode = extra;
  const out: RefiCode = { guid: codeGuid(c.id), name: c.label, isCodable: true, children: c.children.map(exportCode) };
  if (c.color) out.color = c.color.toUpperCase();
  const description = foldDescription(folded);
  if (description !== undefined) out.description = description;
  return out;
}

/** The REFI-QDA codebook of a qcode codebook, and what a .qdc cannot hold. */
export function exportCodebook(book: Codebook, origin: string): { codebook: RefiCodebook; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const settings = [
    book.language !== 'en' ? `language ${book.language}` : '',
    book.unit !== 'turn' ? `unit ${book.unit}` : '',
    book.speakers !== 'participant' ? 'speakers' : '',
    book.interviewers?.length ? 'interviewers' : '',
    book.model ? 'model' : '',
    book.merge ? 'merge' : '',
  ].filter(Boolean);
  if (settings.length > 0) {
    warnings.push({ file: book.source, message: `a REFI-QDA codebook has no place for the codebook's settings (${settings.join(', ')}): they are not exported; set them again after importing` });
  }
  return { codebook: { origin, codes: book.codes.map(exportCode), sets: [] }, warnings };
}

/** One code of the imported tree, before ids are given. */
interface Node {
  name: string;
  guids: string[];
  isCodable: boolean;
  color?: string;
  description?: string;
  /** Made only to hold `Parent::Child` children. */
  virtual: boolean;
  children: Node[];
}

/** A code of the written codebook file (plain data, keys in the order a person reads them). */
/** A code as written in a codebook file: the model's texts, its own id, rules as plain values. */
export interface CodeDoc extends Pick<Code, 'label' | 'definition' | 'include' | 'exclude' | 'color' | 'memo'> {
  /** The code's own id (not its dotted path). */
  id: string;
  /** A plain example, or one that answers a question (`{ q, a }`). */
  examples?: ExampleDoc[];
  counterexamples?: ExampleDoc[];
  match?: unknown[];
  not_prompt?: string[];
  children?: CodeDoc[];
}

export type ExampleDoc = string | { q: string; a: string };

/** Examples with the questions they answer put back beside them. */
function withQuestions(texts: string[], questions: Array<string | null> | undefined): ExampleDoc[] {
  return texts.map((a, i) => {
    const q = questions?.[i];
    return typeof q === 'string' ? { q, a } : a;
  });
}

export interface CodebookDoc {
  name: string;
  version: string;
  language: string;
  unit: 'turn' | 'paragraph' | 'sentence';
  speakers?: 'participant' | 'all' | string[];
  interviewers?: string[];
  codes: CodeDoc[];
}

export interface ImportedCodebook {
  doc: CodebookDoc;
  /** Each REFI code GUID (upper-cased) → the dotted id it became. */
  idOfGuid: Map<string, string>;
  /** Dotted ids of codes that were folders (`isCodable="false"`) in the source. */
  folders: Set<string>;
  /** Comment lines for the head of the file (sets, origin). */
  comments: string[];
  warnings: Warning[];
}

export const guidKey = (g: string): string => g.replace(/[{}]/g, '').toUpperCase();

/** A qcode codebook (as plain data for YAML) from a REFI-QDA codebook. */
export function importCodebook(refi: RefiCodebook, opts: { name: string; file: string }): ImportedCodebook {
  const warnings: Warning[] = [];
  const warn = (message: string): void => void warnings.push({ file: opts.file, message });
  // Only ATLAS.ti writes a hierarchy as `Parent::Child`; elsewhere `::` is part of a name.
  const split = { count: 0, on: /atlas/i.test(refi.origin ?? '') };
  const roots = buildTree(refi.codes, split);
  if (split.count > 0) warn(`${split.count} code name(s) written as Parent::Child (ATLAS.ti's way of naming a hierarchy) became children of their parent code`);
  const idOfGuid = new Map<string, string>();
  const folders = new Set<string>();
  const moved = { examples: 0 };
  const codes = toDocs(roots, '', { idOfGuid, folders, warn, moved });
  if (moved.examples > 0) warn(`${moved.examples} code(s) had examples but no match rules: the examples are kept in the memo (an example the rules cannot code would fail \`qcode codebook lint\`)`);
  const comments = [`Imported from a REFI-QDA codebook${refi.origin ? ` written by ${refi.origin}` : ''}.`];
  comments.push(...setComments(refi.sets, idOfGuid, warn));
  const doc: CodebookDoc = { name: opts.name, version: '1.0.0', language: 'en', unit: 'turn', codes };
  if (codes.length === 0) warn('the codebook has no codes');
  return { doc, idOfGuid, folders, comments, warnings };
}

function buildTree(list: RefiCode[], split: { count: number; on: boolean }): Node[] {
  const out: Node[] = [];
  for (const c of list) {
    const parts = split.on && c.name.includes('::') ? c.name.split('::').map((p) => p.trim()).filter((p) => p !== '') : [c.name];
    if (parts.length > 1) split.count++;
    let siblings = out;
    for (const part of parts.slice(0, -1)) {
      let holder = siblings.find((n) => n.name === part);
      if (!holder) {
        holder = { name: part, guids: [], isCodable: false, virtual: true, children: [] };
        siblings.push(holder);
      }
      siblings = holder.children;
    }
    const name = parts[parts.length - 1] ?? c.name;
    const children = buildTree(c.children, split);
    const existing = siblings.find((n) => n.name === name && n.virtual);
    const node: Node = existing ?? { name, guids: [], isCodable: c.isCodable, virtual: false, children: [] };
    node.guids.push(guidKey(c.guid));
    node.virtual = false;
    node.isCodable = c.isCodable;
    if (c.color !== undefined) node.color = c.color;
    if (c.description !== undefined) node.description = c.description;
    node.children.push(...children);
    if (!existing) siblings.push(node);
  }
  return out;
}

interface DocCtx {
  idOfGuid: Map<string, string>;
  folders: Set<string>;
  warn: (m: string) => void;
  moved: { examples: number };
}

function toDocs(nodes: Node[], parent: string, ctx: DocCtx): CodeDoc[] {
  const ids = new SiblingIds();
  return nodes.map((n) => {
    const parts = unfoldDescription(n.description);
    const wanted = parts.qcode?.id !== undefined && ID.test(parts.qcode.id) ? parts.qcode.id : idFromName(n.name);
    const key = ids.claim(wanted);
    const path = parent ? `${parent}.${key}` : key;
    for (const g of n.guids) ctx.idOfGuid.set(g, path);
    if (!n.isCodable) ctx.folders.add(path);
    const label = n.name.trim() === '' ? '(unnamed)' : n.name;
    if (label !== n.name) ctx.warn(`a code with no name is labelled "(unnamed)" (id ${path})`);
    const doc: CodeDoc = { id: key, label };
    if (parts.definition) doc.definition = parts.definition;
    if (parts.include) doc.include = parts.include;
    if (parts.exclude) doc.exclude = parts.exclude;
    const color = colorOf(n.color);
    if (color) doc.color = color;
    else if (n.color !== undefined) ctx.warn(`code "${label}": colour "${n.color}" is not #rrggbb or #rgb; left out`);
    const match = parts.qcode?.match;
    let memo = parts.memo;
    if (parts.examples.length > 0 && !match) {
      ctx.moved.examples++;
      memo = [memo, `Examples:\n${parts.examples.map((e) => `- ${e}`).join('\n')}`].filter(Boolean).join('\n\n');
    } else if (parts.examples.length > 0) doc.examples = withQuestions(parts.examples, parts.qcode?.questions?.examples);
    if (memo) doc.memo = memo;
    if (parts.counterexamples.length > 0) doc.counterexamples = withQuestions(parts.counterexamples, parts.qcode?.questions?.counterexamples);
    if (match) doc.match = match;
    if (parts.qcode?.not_prompt) doc.not_prompt = parts.qcode.not_prompt;
    const children = toDocs(n.children, path, ctx);
    if (children.length > 0) doc.children = children;
    return doc;
  });
}

/** `#46AA00` stays; `#4a0` becomes `#44aa00`; anything else is not a colour qcode reads. */
function colorOf(c: string | undefined): string | undefined {
  if (c === undefined) return undefined;
  const s = c.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(s)) return s.toLowerCase();
  if (/^#[0-9a-fA-F]{3}$/.test(s)) return `#${[...s.slice(1)].map((x) => x + x).join('')}`.toLowerCase();
  return undefined;
}

/** Sets (ATLAS.ti code groups, NVivo sets): qcode has none, so they are kept as comments. */
function setComments(sets: RefiSet[], idOfGuid: Map<string, string>, warn: (m: string) => void): string[] {
  if (sets.length === 0) return [];
  warn(`${sets.length} set(s) of codes (code groups) have no place in a qcode codebook: they are listed in a comment at the top of the file`);
  const lines = ['Sets (code groups) in the source; qcode has no sets:'];
  for (const s of sets) {
    const members = s.codes.map((g) => idOfGuid.get(guidKey(g)) ?? `unknown code ${g}`);
    const about = s.description ? ` (${s.description.replace(/\s+/g, ' ').trim()})` : '';
    lines.push(`  ${s.name}${about}: ${members.join(', ') || 'no codes'}`);
  }
  return lines;
}
