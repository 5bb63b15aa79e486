// Reading QDA-XML (.qdc codebooks, project.qde) into plain values. Tolerant of what
// real files do: namespace variants and old schemaLocations, missing optional
// attributes, `{GUID}` braces, a codebook given as a whole project. Whatever is read
// but not carried over is counted in `skipped`, so the caller can say so.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { QcodeError } from '../../core/errors.js';
import type {
  RefiCase, RefiCode, RefiCodebook, RefiCoding, RefiProject, RefiSelection, RefiSet, RefiTextSource, RefiUser, RefiValue, RefiVariable, RefiVariableType,
} from '../../core/refi/model.js';
import type { Warning } from '../../core/types.js';

type X = Record<string, unknown>;

const ARRAYS = new Set([
  'Code', 'Set', 'MemberCode', 'MemberSource', 'MemberNote', 'User', 'Variable', 'Case', 'VariableValue', 'SourceRef', 'CodeRef',
  'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'Coding', 'NoteRef', 'Note', 'Link', 'Graph',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

function parseXml(text: string, file: string): X {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new QcodeError(`not well-formed XML: ${valid.err.msg}`, { file, line: valid.err.line, col: valid.err.col });
  }
  return parser.parse(text) as X;
}

const list = (v: unknown): X[] => (Array.isArray(v) ? (v as X[]) : v && typeof v === 'object' ? [v as X] : []);
const child = (x: X | undefined, name: string): X | undefined => {
  const v = x?.[name];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as X) : undefined;
};
const attr = (x: X, name: string): string | undefined => {
  const v = x[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
};

/** Text of an element that may be `<Description/>` (''), text, or text with attributes. */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as X)['#text'] === 'string') return (v as X)['#text'] as string;
  return v === undefined ? undefined : '';
}

function descriptionOf(x: X): string | undefined {
  const d = textOf(x.Description)?.replace(/\r\n?/g, '\n');
  return d === undefined || d.trim() === '' ? undefined : d;
}

function namespaceOf(text: string, root: string): string | undefined {
  const m = new RegExp(`<(?:[\\w.-]+:)?${root}\\b[^>]*?\\sxmlns="([^"]*)"`).exec(text);
  return m?.[1];
}

function readCode(x: X, warnings: Warning[], file: string): RefiCode {
  const guid = attr(x, 'guid') ?? '';
  const name = attr(x, 'name') ?? '';
  if (!guid) warnings.push({ file, message: `code "${name}" has no guid: codings cannot point at it` });
  const code: RefiCode = {
    guid,
    name,
    isCodable: (attr(x, 'isCodable') ?? 'true').trim() !== 'false' && attr(x, 'isCodable')?.trim() !== '0',
    children: list(x.Code).map((c) => readCode(c, warnings, file)),
  };
  const color = attr(x, 'color');
  if (color) code.color = color;
  const d = descriptionOf(x);
  if (d !== undefined) code.description = d;
  return code;
}

function readSets(sets: X | undefined): RefiSet[] {
  return list(sets?.Set).map((s) => {
    const set: RefiSet = {
      guid: attr(s, 'guid') ?? '',
      name: attr(s, 'name') ?? '',
      // A codebook's MemberCode says guid=; a project's says targetGUID=.
      codes: list(s.MemberCode).map((m) => attr(m, 'targetGUID') ?? attr(m, 'guid') ?? '').filter((g) => g !== ''),
    };
    const d = descriptionOf(s);
    if (d !== undefined) set.description = d;
    return set;
  });
}

function checkNamespace(ns: string | undefined, kind: 'codebook' | 'project', file: string, warnings: Warning[]): void {
  const expected = `urn:QDA-XML:${kind}:1.0`;
  if (ns === expected) return;
  if (ns && /QDA-XML/i.test(ns)) warnings.push({ file, message: `namespace ${ns} is read as ${expected}` });
  else warnings.push({ file, message: `no REFI-QDA namespace (expected xmlns="${expected}"); read as REFI-QDA anyway` });
}

/** A .qdc file, or the codebook of a project.qde given in its place. */
export function readCodebookXml(text: string, file: string): { codebook: RefiCodebook; warnings: Warning[] } {
  const doc = parseXml(text, file);
  const warnings: Warning[] = [];
  const root = child(doc, 'CodeBook');
  if (!root) {
    const project = child(doc, 'Project');
    if (!project) throw new QcodeError('not a REFI-QDA codebook: the root element is not <CodeBook> (nor a <Project> holding one)', { file });
    warnings.push({ file, message: 'this is a REFI-QDA project, not a codebook: only its codebook is read' });
    return { codebook: projectCodebook(project, namespaceOf(text, 'Project'), warnings, file), warnings };
  }
  const namespace = namespaceOf(text, 'CodeBook');
  checkNamespace(namespace, 'codebook', file, warnings);
  const codebook: RefiCodebook = { codes: list(child(root, 'Codes')?.Code).map((c) => readCode(c, warnings, file)), sets: readSets(child(root, 'Sets')) };
  const origin = attr(root, 'origin');
  if (origin) codebook.origin = origin;
  if (namespace) codebook.namespace = namespace;
  return { codebook, warnings };
}

function projectCodebook(project: X, namespace: string | undefined, warnings: Warning[], file: string): RefiCodebook {
  const book: RefiCodebook = {
    codes: list(child(child(project, 'CodeBook'), 'Codes')?.Code).map((c) => readCode(c, warnings, file)),
    sets: readSets(child(project, 'Sets')),
  };
  const origin = attr(project, 'origin');
  if (origin) book.origin = origin;
  if (namespace) book.namespace = namespace;
  return book;
}

const VALUE_TYPES: [string, RefiVariableType][] = [
  ['TextValue', 'Text'], ['BooleanValue', 'Boolean'], ['IntegerValue', 'Integer'], ['FloatValue', 'Float'], ['DateValue', 'Date'], ['DateTimeValue', 'DateTime'],
];

function readValues(x: X): RefiValue[] {
  const out: RefiValue[] = [];
  for (const v of list(x.VariableValue)) {
    const variable = attr(child(v, 'VariableRef') ?? {}, 'targetGUID');
    const found = VALUE_TYPES.find(([el]) => v[el] !== undefined);
    if (!variable || !found) continue;
    const raw = (textOf(v[found[0]]) ?? '').trim();
    const type = found[1];
    const value = type === 'Integer' || type === 'Float' ? (Number.isFinite(Number(raw)) && raw !== '' ? Number(raw) : raw)
      : type === 'Boolean' ? raw === 'true' || raw === '1' : textOf(v[found[0]]) ?? '';
    out.push({ variable, value, type });
  }
  return out;
}

function readSelection(x: X): RefiSelection {
  const codings: RefiCoding[] = list(x.Coding).map((c) => {
    const coding: RefiCoding = { guid: attr(c, 'guid') ?? '', code: attr(list(c.CodeRef)[0] ?? {}, 'targetGUID') ?? '' };
    const user = attr(c, 'creatingUser');
    if (user) coding.user = user;
    return coding;
  });
  const sel: RefiSelection = {
    guid: attr(x, 'guid') ?? '',
    start: Number(attr(x, 'startPosition') ?? NaN),
    end: Number(attr(x, 'endPosition') ?? NaN),
    codings,
  };
  const user = attr(x, 'creatingUser');
  if (user) sel.user = user;
  return sel;
}

function readSource(x: X): RefiTextSource {
  const s: RefiTextSource = { guid: attr(x, 'guid') ?? '', selections: list(x.PlainTextSelection).map(readSelection), values: readValues(x) };
  const name = attr(x, 'name');
  if (name !== undefined) s.name = name;
  const path = attr(x, 'plainTextPath');
  if (path) s.plainTextPath = path;
  const content = textOf(x.PlainTextContent);
  if (x.PlainTextContent !== undefined && content !== undefined) s.content = content;
  // Codings straight on the source (no selection) code the whole text.
  const whole = list(x.Coding);
  if (whole.length > 0) s.selections.push({ guid: '', start: 0, end: -1, codings: whole.map((c) => ({ guid: attr(c, 'guid') ?? '', code: attr(list(c.CodeRef)[0] ?? {}, 'targetGUID') ?? '', ...(attr(c, 'creatingUser') ? { user: attr(c, 'creatingUser')! } : {}) })) });
  return s;
}

const SKIPPED = ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'];

/** project.qde of a .qdpx. */
export function readProjectXml(text: string, file: string): { project: RefiProject; warnings: Warning[] } {
  const doc = parseXml(text, file);
  const warnings: Warning[] = [];
  const root = child(doc, 'Project');
  if (!root) throw new QcodeError('not a REFI-QDA project: the root element of project.qde is not <Project>', { file });
  const namespace = namespaceOf(text, 'Project');
  checkNamespace(namespace, 'project', file, warnings);
  const sources = child(root, 'Sources');
  const skipped: Record<string, number> = {};
  for (const k of SKIPPED) if (list(sources?.[k]).length > 0) skipped[k] = list(sources?.[k]).length;
  for (const [k, holder, item] of [['notes', 'Notes', 'Note'], ['links', 'Links', 'Link'], ['graphs', 'Graphs', 'Graph']] as const) {
    const n = list(child(root, holder)?.[item]).length;
    if (n > 0) skipped[k] = n;
  }
  const project: RefiProject = {
    name: attr(root, 'name') ?? '',
    users: list(child(root, 'Users')?.User).map((u): RefiUser => ({ guid: attr(u, 'guid') ?? '', ...(attr(u, 'name') !== undefined ? { name: attr(u, 'name')! } : {}) })),
    codebook: projectCodebook(root, namespace, warnings, file),
    variables: list(child(root, 'Variables')?.Variable).map((v): RefiVariable => ({
      guid: attr(v, 'guid') ?? '', name: attr(v, 'name') ?? '', type: (attr(v, 'typeOfVariable') ?? 'Text') as RefiVariableType,
    })),
    cases: list(child(root, 'Cases')?.Case).map((c): RefiCase => ({
      guid: attr(c, 'guid') ?? '', ...(attr(c, 'name') !== undefined ? { name: attr(c, 'name')! } : {}),
      values: readValues(c), sources: list(c.SourceRef).map((r) => attr(r, 'targetGUID') ?? '').filter((g) => g !== ''),
    })),
    sources: list(sources?.TextSource).map(readSource),
    skipped,
  };
  const origin = attr(root, 'origin');
  if (origin) project.origin = origin;
  if (namespace) project.namespace = namespace;
  const description = descriptionOf(root);
  if (description !== undefined) project.description = description;
  return { project, warnings };
}
