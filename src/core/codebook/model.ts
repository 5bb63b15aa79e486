import type { CodeId, Place, Unit } from '../types.js';

/** How one word of a term is compared with a token. */
export type TermPartKind = 'stem' | 'prefix' | 'exact';

export interface TermPart {
  kind: TermPartKind;
  /** The lower-cased word; stemmed only when the codebook is compiled, for its language. */
  word: string;
}

/** A term as written (`nowhere to stay`, `homeless*`, `=stay`): a sequence of parts. */
export interface Term {
  raw: string;
  parts: TermPart[];
  place: Place;
}

export interface NearClause {
  left: Term[];
  right: Term[];
  within: number;
}

export interface RegexSource {
  source: string;
  place: Place;
}

/**
 * A rule holds when every key it has holds. `prompt` is looked up in the segment's
 * question (the last interviewer turn before the segment's turn), every other key in
 * the segment itself.
 */
export interface Rule {
  prompt?: Term[];
  any?: Term[];
  all?: Term[];
  near?: NearClause;
  regex?: RegexSource[];
  not?: Term[];
  place: Place;
}

export interface Code {
  /** Dotted path, `barrier.housing`. */
  id: CodeId;
  /** The id as written in its own node, `housing`. */
  key: string;
  label: string;
  definition?: string;
  include?: string;
  exclude?: string;
  color?: string;
  memo?: string;
  /** The answer texts; a `q:`/`a:` example keeps its question in `exampleQuestions`. */
  examples: string[];
  counterexamples: string[];
  /** Same length as `examples`: the question each was asked after, or null. Absent when none has one. */
  exampleQuestions?: Array<string | null>;
  counterexampleQuestions?: Array<string | null>;
  rules: Rule[];
  /**
   * `not_prompt`: terms that, found in a segment's question, keep this code's rules and its
   * descendants' from coding it (an imagined program asked for is not a service met).
   */
  notPrompt?: Term[];
  children: Code[];
  parent: CodeId | null;
  /** 0 for a top-level code. */
  depth: number;
  place: Place;
}

export type SpeakerScope = 'participant' | 'all' | string[];

/** How a learned model's codings combine with the rules' (see core/learn/apply.ts). */
export type MergePolicy = 'rules' | 'model' | 'union' | 'vote';
export const MERGE_POLICIES: readonly MergePolicy[] = ['rules', 'model', 'union', 'vote'];
export const DEFAULT_MERGE: MergePolicy = 'rules';

export interface Codebook {
  name: string;
  version: string;
  language: string;
  unit: Unit;
  speakers: SpeakerScope;
  interviewers?: string[];
  /** A learned model file (`qcode learn --out`), as written: relative to the codebook's folder. */
  model?: string;
  /** How its model's codings combine with the rules' when no --merge is given. */
  merge?: MergePolicy;
  codes: Code[];
  /** The file it came from, for messages. */
  source: string;
  /** Of the file's bytes, so a report says exactly which codebook produced it. */
  sha256: string;
}

/** Every code, parents before children, in the order the codebook lists them. */
export function flattenCodes(codes: Code[]): Code[] {
  const out: Code[] = [];
  const walk = (list: Code[]): void => {
    for (const c of list) {
      out.push(c);
      walk(c.children);
    }
  };
  walk(codes);
  return out;
}

/** Code id → the ids of the code itself and all its ancestors (for roll-up). */
export function ancestry(codes: Code[]): Map<CodeId, CodeId[]> {
  const byId = new Map<CodeId, CodeId[]>();
  const walk = (list: Code[], above: CodeId[]): void => {
    for (const c of list) {
      const chain = [c.id, ...above];
      byId.set(c.id, chain);
      walk(c.children, chain);
    }
  };
  walk(codes, []);
  return byId;
}
