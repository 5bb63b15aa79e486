// Writing QDA-XML by hand: elements in the order the schemas require, attributes
// escaped, no empty containers (the schemas want at least one child in each).

import type { RefiCase, RefiCode, RefiCodebook, RefiProject, RefiSelection, RefiTextSource, RefiValue, RefiVariable } from '../../core/refi/model.js';
import { appendAll } from '../../core/lists.js';

export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
export const PROJECT_NS = 'urn:QDA-XML:project:1.0';

/** Characters XML 1.0 cannot hold at all (most C0 controls): dropped. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escText(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escAttr(s: string): string {
  return escText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

type Attrs = [string, string | number | boolean | undefined][];

function open(name: string, attrs: Attrs, close = false): string {
  const a = attrs.filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${escAttr(String(v))}"`).join('');
  return `<${name}${a}${close ? ' />' : '>'}`;
}

/** Lines of one element with children, or a self-closed one when there are none. */
function element(name: string, attrs: Attrs, children: string[], indent: string): string[] {
  if (children.length === 0) return [indent + open(name, attrs, true)];
  return [indent + open(name, attrs), ...children, `${indent}</${name}>`];
}

/** A container element, or nothing at all when it would be empty. */
function container(name: string, children: string[], indent: string): string[] {
  return children.length === 0 ? [] : [`${indent}<${name}>`, ...children, `${indent}</${name}>`];
}

function description(text: string | undefined, indent: string): string[] {
  return text === undefined || text === '' ? [] : [`${indent}<Description>${escText(text)}</Description>`];
}

function codeLines(c: RefiCode, indent: string): string[] {
  const attrs: Attrs = [['guid', c.guid], ['name', c.name], ['isCodable', c.isCodable], ['color', c.color]];
  const inner = [...description(c.description, indent + '  '), ...c.children.flatMap((k) => codeLines(k, indent + '  '))];
  return element('Code', attrs, inner, indent);
}

/** A .qdc file: `<CodeBook>` with its codes (and sets, when there are any). */
export function writeCodebookXml(book: RefiCodebook): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', `<CodeBook xmlns="${CODEBOOK_NS}"${book.origin ? ` origin="${escAttr(book.origin)}"` : ''}>`];
  appendAll(lines, container('Codes', book.codes.flatMap((c) => codeLines(c, '    ')), '  '));
  const sets = book.sets.map((s) => element('Set', [['guid', s.guid], ['name', s.name]], [
    ...description(s.description, '      '),
    ...s.codes.map((g) => `      ${open('MemberCode', [['guid', g]], true)}`),
  ], '    ')).flat();
  appendAll(lines, container('Sets', sets, '  '));
  lines.push('</CodeBook>', '');
  return lines.join('\n');
}

const VALUE_ELEMENT: Record<RefiValue['type'], string> = {
  Text: 'TextValue', Boolean: 'BooleanValue', Integer: 'IntegerValue', Float: 'FloatValue', Date: 'DateValue', DateTime: 'DateTimeValue',
};

/** xsd:decimal has no exponent: 1e-7 is written 0.0000001. */
function valueText(v: RefiValue['value']): string {
  if (typeof v !== 'number' || !/e/i.test(String(v))) return String(v);
  return v.toFixed(20).replace(/\.?0+$/, '');
}

function valueLines(v: RefiValue, indent: string): string[] {
  const el = VALUE_ELEMENT[v.type];
  return [
    `${indent}<VariableValue>`,
    `${indent}  ${open('VariableRef', [['targetGUID', v.variable]], true)}`,
    `${indent}  <${el}>${escText(valueText(v.value))}</${el}>`,
    `${indent}</VariableValue>`,
  ];
}

function variableLines(v: RefiVariable, indent: string): string[] {
  return element('Variable', [['guid', v.guid], ['name', v.name], ['typeOfVariable', v.type]], description(v.description, indent + '  '), indent);
}

function caseLines(c: RefiCase, indent: string): string[] {
  const inner = [
    ...c.values.flatMap((v) => valueLines(v, indent + '  ')),
    ...c.sources.map((g) => `${indent}  ${open('SourceRef', [['targetGUID', g]], true)}`),
  ];
  return element('Case', [['guid', c.guid], ['name', c.name]], inner, indent);
}

function selectionLines(s: RefiSelection, indent: string): string[] {
  const attrs: Attrs = [['guid', s.guid], ['startPosition', s.start], ['endPosition', s.end], ['creatingUser', s.user]];
  const codings = s.codings.flatMap((c) => [
    `${indent}  ${open('Coding', [['guid', c.guid], ['creatingUser', c.user]])}`,
    `${indent}    ${open('CodeRef', [['targetGUID', c.code]], true)}`,
    `${indent}  </Coding>`,
  ]);
  return element('PlainTextSelection', attrs, codings, indent);
}

function sourceLines(s: RefiTextSource, indent: string): string[] {
  const attrs: Attrs = [['guid', s.guid], ['name', s.name], ['plainTextPath', s.plainTextPath]];
  const inner = [
    ...(s.content !== undefined ? [`${indent}  <PlainTextContent>${escText(s.content)}</PlainTextContent>`] : []),
    ...s.selections.flatMap((sel) => selectionLines(sel, indent + '  ')),
    ...s.values.flatMap((v) => valueLines(v, indent + '  ')),
  ];
  return element('TextSource', attrs, inner, indent);
}

/** project.qde: Users, CodeBook, Variables, Cases, Sources, Description, in the schema's order. */
export function writeProjectXml(p: RefiProject): string {
  const head: Attrs = [['name', p.name], ['origin', p.origin]];
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', `${open('Project', head).slice(0, -1)} xmlns="${PROJECT_NS}">`];
  appendAll(lines, container('Users', p.users.map((u) => `    ${open('User', [['guid', u.guid], ['name', u.name]], true)}`), '  '));
  if (p.codebook.codes.length > 0) appendAll(lines, ['  <CodeBook>', ...container('Codes', p.codebook.codes.flatMap((c) => codeLines(c, '      ')), '    '), '  </CodeBook>']);
  appendAll(lines, container('Variables', p.variables.flatMap((v) => variableLines(v, '    ')), '  '));
  appendAll(lines, container('Cases', p.cases.flatMap((c) => caseLines(c, '    ')), '  '));
  appendAll(lines, container('Sources', p.sources.flatMap((s) => sourceLines(s, '    ')), '  '));
  appendAll(lines, description(p.description, '  '));
  lines.push('</Project>', '');
  return lines.join('\n');
}
