import type { LintReport } from '../core/codebook/lint.js';
import { flattenCodes, type Codebook } from '../core/codebook/model.js';
import { formatPlace } from '../core/errors.js';
import { renderCsv } from './csv.js';
import type { TableModel } from './model.js';

export interface ShowJson {
  qcode: string;
  codebook: { name: string; version: string; sha256: string; language: string; unit: string };
  codes: {
    code: string; label: string; depth: number; parent: string | null;
    definition: string | null; include: string | null; exclude: string | null; color: string | null;
    rules: number; examples: number; counterexamples: number;
  }[];
}

export interface LintJson {
  qcode: string;
  codebook: { name: string; version: string; sha256: string };
  ok: boolean;
  codes: number;
  examples: number;
  counterexamples: number;
  errors: number;
  warnings: number;
  findings: { code: string; kind: string; severity: string; message: string; place: string; text?: string; got?: string[] }[];
}

export function showJson(book: Codebook, version: string): ShowJson {
  return {
    qcode: version,
    codebook: { name: book.name, version: book.version, sha256: book.sha256, language: book.language, unit: book.unit },
    codes: flattenCodes(book.codes).map((c) => ({
      code: c.id, label: c.label, depth: c.depth, parent: c.parent,
      definition: c.definition ?? null, include: c.include ?? null, exclude: c.exclude ?? null, color: c.color ?? null,
      rules: c.rules.length, examples: c.examples.length, counterexamples: c.counterexamples.length,
    })),
  };
}

/** The tree, indented, with each code's definition and how many rules and examples back it. */
export function showTable(book: Codebook): TableModel {
  return {
    title: `${book.name} ${book.version} (${book.language}, unit ${book.unit})`,
    columns: [{ header: 'code' }, { header: 'label' }, { header: 'rules', align: 'right' }, { header: 'ex', align: 'right' }, { header: 'definition', flex: true }],
    rows: flattenCodes(book.codes).map((c) => [
      `${'  '.repeat(c.depth)}${c.id}`, c.label, String(c.rules.length), `${c.examples.length}/${c.counterexamples.length}`, c.definition ?? '',
    ]),
    notes: ['ex = examples/counterexamples'],
  };
}

export function showCsv(book: Codebook): string {
  return renderCsv(['code', 'label', 'depth', 'parent', 'definition', 'rules', 'examples', 'counterexamples'],
    flattenCodes(book.codes).map((c) => [c.id, c.label, c.depth, c.parent, c.definition, c.rules.length, c.examples.length, c.counterexamples.length]));
}

export function lintJson(r: LintReport, book: Codebook, version: string): LintJson {
  return {
    qcode: version,
    codebook: { name: book.name, version: book.version, sha256: book.sha256 },
    ok: r.errors === 0, codes: r.codes, examples: r.examples, counterexamples: r.counterexamples,
    errors: r.errors, warnings: r.warnings,
    findings: r.findings.map((f) => ({
      code: f.code, kind: f.kind, severity: f.severity, message: f.message, place: formatPlace(f.place),
      ...(f.text !== undefined ? { text: f.text, got: f.got ?? [] } : {}),
    })),
  };
}

export function lintTable(r: LintReport): TableModel {
  return {
    columns: [{ header: 'severity' }, { header: 'place' }, { header: 'code' }, { header: 'problem', flex: true }, { header: 'coded as' }],
    rows: r.findings.map((f) => [f.severity, formatPlace(f.place), f.code, f.message, f.got ? f.got.join(' ') || '(nothing)' : '']),
    notes: [`${r.codes} codes, ${r.examples} examples, ${r.counterexamples} counterexamples: ${r.errors} failing, ${r.warnings} warnings`],
  };
}

export function lintCsv(r: LintReport): string {
  return renderCsv(['severity', 'place', 'code', 'kind', 'message', 'text', 'got'],
    r.findings.map((f) => [f.severity, formatPlace(f.place), f.code, f.kind, f.message, f.text, f.got?.join('|')]));
}
