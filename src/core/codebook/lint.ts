import type { CodeId, Place } from '../types.js';
import type { CompiledCodebook } from './compile.js';
import { matchText, NO_QUESTION, questionTerms, readText } from './match.js';
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
  /** The question the example answers, when it has one. */
  question?: string;
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
  const codedWith = (text: string, question: string | null | undefined): Set<CodeId> => {
    const ids = new Set<CodeId>();
    const asked = question ? questionTerms(cb, readText(cb, question)) : NO_QUESTION;
    for (const code of matchText(cb, text, asked).keys()) for (const a of chains.get(code) ?? [code]) ids.add(a);
    return ids;
  };
  let examples = 0;
  let counterexamples = 0;
  const all = flattenCodes(cb.book.codes);
  for (const code of all) {
    code.examples.forEach((text, i) => {
      examples++;
      const question = code.exampleQuestions?.[i];
      const got = codedWith(text, question);
      if (!got.has(code.id)) {
        findings.push({ code: code.id, kind: 'example', severity: 'error', text, ...asked(question), got: [...got].sort(), place: code.place,
          message: `example is not coded ${code.id}: ${quoted(text, question)}` });
      }
    });
    code.counterexamples.forEach((text, i) => {
      counterexamples++;
      const question = code.counterexampleQuestions?.[i];
      const got = codedWith(text, question);
      if (got.has(code.id)) {
        findings.push({ code: code.id, kind: 'counterexample', severity: 'error', text, ...asked(question), got: [...got].sort(), place: code.place,
          message: `counterexample is coded ${code.id}: ${quoted(text, question)}` });
      }
    });
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

const asked = (question: string | null | undefined): { question?: string } => (question ? { question } : {});

/** `"Six."`, or `"Six." (asked "How many times did you leave?")` for an answer with its question. */
function quoted(text: string, question: string | null | undefined): string {
  return question ? `"${text}" (asked "${question}")` : `"${text}"`;
}
