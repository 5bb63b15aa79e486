import type { CodeId, Place } from '../types.js';
import type { CompiledCodebook } from './compile.js';
import { matchText } from './match.js';
import { ancestry, flattenCodes } from './model.js';

// A codebook carries its own tests: every example must be coded with its code (or a
// descendant of it, since parents roll up), every counterexample must not.

export type LintKind = 'example' | 'counterexample' | 'no-rules' | 'no-definition' | 'no-examples';

export interface LintFinding {
  code: CodeId;
  kind: LintKind;
  severity: 'error' | 'warning';
  message: string;
  /** The example text, for example failures. */
  text?: string;
  /** What the rules coded the text with, for example failures. */
  got?: CodeId[];
  place: Place;
}

export interface LintReport {
  codes: number;
  examples: number;
  counterexamples: number;
  findings: LintFinding[];
  errors: number;
  warnings: number;
}

export function lintCodebook(cb: CompiledCodebook): LintReport {
  const chains = ancestry(cb.book.codes);
  const findings: LintFinding[] = [];
  const codedWith = (text: string): Set<CodeId> => {
    const ids = new Set<CodeId>();
    for (const code of matchText(cb, text).keys()) for (const a of chains.get(code) ?? [code]) ids.add(a);
    return ids;
  };
  let examples = 0;
  let counterexamples = 0;
  const all = flattenCodes(cb.book.codes);
  for (const code of all) {
    for (const text of code.examples) {
      examples++;
      const got = codedWith(text);
      if (!got.has(code.id)) {
        findings.push({ code: code.id, kind: 'example', severity: 'error', text, got: [...got].sort(), place: code.place,
          message: `example is not coded ${code.id}: "${text}"` });
      }
    }
    for (const text of code.counterexamples) {
      counterexamples++;
      const got = codedWith(text);
      if (got.has(code.id)) {
        findings.push({ code: code.id, kind: 'counterexample', severity: 'error', text, got: [...got].sort(), place: code.place,
          message: `counterexample is coded ${code.id}: "${text}"` });
      }
    }
    const leaf = code.children.length === 0;
    const warn = (kind: LintKind, message: string): void => {
      findings.push({ code: code.id, kind, severity: 'warning', message, place: code.place });
    };
    if (leaf && code.rules.length === 0) warn('no-rules', `${code.id} has no match rules: only human coders can apply it`);
    if (!code.definition) warn('no-definition', `${code.id} has no definition`);
    if (leaf && code.rules.length > 0 && code.examples.length === 0) warn('no-examples', `${code.id} has rules but no examples to test them`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { codes: all.length, examples, counterexamples, findings, errors, warnings: findings.length - errors };
}
