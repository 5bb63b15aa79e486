// A compiled codebook as plain data. Compiling the starter codebook (interning its
// thousands of terms, weighing their words, choosing each rule's triggers, indexing) is a
// quarter of a second of every run's start-up, most of it making objects the first time
// V8 sees the code; read back as JSON, the same structures cost a few milliseconds. A
// build's snapshot of a shipped codebook keeps it, and the main thread hands it to its
// workers. It is used only for the very codebook it was made from (see fitsBook).

import { flattenCodes, type Codebook } from './model.js';
import type { CompiledCodebook, CompileHints, TermId, TrieNode } from './compile.js';

/**
 * What compileCodebook works out from a codebook, as JSON can hold it: the compiled
 * codebook's own arrays, and its maps and trie as lists.
 */
export type CompiledData = Pick<
  CompiledCodebook, 'terms' | 'rules' | 'rulesByTerm' | 'rulesByPromptTerm' | 'promptTerm' | 'indexed' | 'hasPrompt' | 'rulesByPattern'
> & {
  /** The codebook it was compiled from: its text's sha256 and its number of rules. */
  sha256: string;
  ruleCount: number;
  byStem: Array<[string, TermId[]]>;
  byExact: Array<[string, TermId[]]>;
  prefixes: TrieData;
  /** Each distinct regex's source, in pattern order. */
  patterns: string[];
  /** The stems and the exact words of the terms' parts, each at its number. */
  stemCodes: string[];
  wordCodes: string[];
};

/** A prefix trie node: the terms found at it, and its children by UTF-16 unit. */
type TrieData = [TermId[], Array<[string, TrieData]>];

/**
 * What another compile of `cb`'s codebook can start from: its hints and the compile
 * itself (made here, when it is to be handed on, not by every compile).
 */
export function hintsWithCompile(cb: CompiledCodebook): CompileHints {
  return cb.hints.compiled ? cb.hints : { ...cb.hints, compiled: compiledData(cb) };
}

export function compiledData(cb: CompiledCodebook): CompiledData {
  return {
    sha256: cb.book.sha256, ruleCount: cb.rules.length,
    terms: cb.terms, rules: cb.rules,
    byStem: [...cb.byStem], byExact: [...cb.byExact], prefixes: trieData(cb.prefixes),
    rulesByTerm: cb.rulesByTerm, rulesByPromptTerm: cb.rulesByPromptTerm, promptTerm: cb.promptTerm, indexed: cb.indexed, hasPrompt: cb.hasPrompt,
    patterns: cb.patterns.map((p) => p.source), rulesByPattern: cb.rulesByPattern,
    stemCodes: [...cb.stemCodes.keys()], wordCodes: [...cb.wordCodes.keys()],
  };
}

/**
 * Whether `data` is the compile of `book`: the same text (its sha256) and as many rules.
 * A codebook changed in memory after parsing keeps its sha256, so the rule count guards
 * the likeliest such change; anything else compiles afresh.
 */
export function fitsBook(data: CompiledData, book: Codebook): boolean {
  return data.sha256 === book.sha256 && data.ruleCount === flattenCodes(book.codes).reduce((n, c) => n + c.rules.length, 0);
}

function trieData(node: TrieNode): TrieData {
  return [node.terms, [...node.next].map(([ch, child]) => [ch, trieData(child)])];
}

export function trieFromData([terms, children]: TrieData): TrieNode {
  return { terms, next: new Map(children.map(([ch, child]) => [ch, trieFromData(child)])) };
}

/** The numbers of `values` (each its index) as a map from value to number. */
export function numbering(values: readonly string[]): Map<string, number> {
  return new Map(values.map((v, i) => [v, i]));
}
