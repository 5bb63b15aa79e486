// `qcode import qdc|qdpx|dic`: codebooks and coded projects from NVivo, ATLAS.ti, MAXQDA,
// QualCoder and Taguette (REFI-QDA), and word-count dictionaries (LIWC, quanteda), as
// qcode files. Values in, values out: the files to write, the warnings, what was read.

import { basename, extname } from 'node:path';
import { QcodeError } from '../core/errors.js';
import { importCodebook } from '../core/refi/codebook.js';
import { parseLiwc, parseYamlDictionary } from '../core/refi/dictionary.js';
import { importProject } from '../core/refi/import-project.js';
import type { RefiTextSource } from '../core/refi/model.js';
import { DEFAULT_INTERVIEWERS } from '../core/segment/roles.js';
import type { Warning } from '../core/types.js';
import { readBytes } from '../io/file.js';
import { codebookYaml } from '../io/refi/codebook-yaml.js';
import { readCodebookXml, readProjectXml } from '../io/refi/xml-read.js';
import { readQdpx } from '../io/refi/zip.js';
import { codingsCsv } from '../render/codings.js';
import { Warnings, type RunHooks } from './options.js';

export interface ImportFileResult {
  /** The codebook file's text. */
  yaml: string;
  codes: number;
  warnings: Warning[];
  reads: string[];
}

const stem = (file: string): string => basename(file, extname(file));

/** Bytes as text: UTF-8 (BOM dropped), or UTF-16 when a BOM says so. Line ends stay as stored. */
export function decodeSourceText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new QcodeError('this text is not valid UTF-8', { file });
  }
}

const countCodes = (codes: { children?: unknown[] }[]): number => codes.reduce((n, c) => n + 1 + countCodes((c.children ?? []) as { children?: unknown[] }[]), 0);

/** A .qdc codebook (or the codebook of a project.qde) as a qcode codebook. */
export async function runImportQdc(opts: { file: string }, hooks: RunHooks = {}): Promise<ImportFileResult> {
  const warnings = new Warnings(hooks.onWarning);
  const text = decodeSourceText(await readBytes(opts.file), opts.file);
  const read = readCodebookXml(text, opts.file);
  read.warnings.forEach((w) => warnings.add(w));
  const book = importCodebook(read.codebook, { name: stem(opts.file), file: opts.file });
  book.warnings.forEach((w) => warnings.add(w));
  return { yaml: codebookYaml(book.doc, book.comments), codes: countCodes(book.doc.codes), warnings: warnings.list, reads: [opts.file] };
}

/** A LIWC `.dic` or a quanteda/YAML dictionary as a codebook of `any:` rules. */
export async function runImportDic(opts: { file: string }, hooks: RunHooks = {}): Promise<ImportFileResult> {
  const warnings = new Warnings(hooks.onWarning);
  const text = decodeSourceText(await readBytes(opts.file), opts.file).replace(/^\uFEFF/, '');
  const yamlLike = /\.ya?ml$/i.test(opts.file) || !/^\s*%\s*$/m.test(text);
  const built = yamlLike ? parseYamlDictionary(text, stem(opts.file), opts.file) : parseLiwc(text, stem(opts.file), opts.file);
  built.warnings.forEach((w) => warnings.add(w));
  const comments = [`Imported from the ${yamlLike ? 'YAML (quanteda)' : 'LIWC'} dictionary ${basename(opts.file)}: each category is a code matching its entries;`, 'a plain entry is an exact word (=word), an entry ending in * a prefix.'];
  return { yaml: codebookYaml(built.doc, comments), codes: countCodes(built.doc.codes), warnings: warnings.list, reads: [opts.file] };
}

export interface ImportQdpxResult {
  /** Path inside the output folder → file text. */
  files: Map<string, string>;
  transcripts: { id: string; file: string; kind: 'interview' | 'document'; selections: number }[];
  coders: { name: string; codings: number; file: string }[];
  codes: number;
  /** How selection offsets were read. */
  assumed: string;
  warnings: Warning[];
  reads: string[];
}

/** A REFI-QDA project as a ready-to-run qcode study folder. */
export async function runImportQdpx(opts: { file: string; interviewers?: string[] }, hooks: RunHooks = {}): Promise<ImportQdpxResult> {
  const warnings = new Warnings(hooks.onWarning);
  const entries = readQdpx(await readBytes(opts.file), opts.file);
  const qdeName = [...entries.keys()].find((k) => /(^|\/)project\.qde$/i.test(k));
  if (!qdeName) throw new QcodeError('this .qdpx holds no project.qde', { file: opts.file });
  const { project, warnings: xmlWarnings } = readProjectXml(decodeSourceText(entries.get(qdeName)!, `${opts.file}/${qdeName}`), `${opts.file}/${qdeName}`);
  xmlWarnings.forEach((w) => warnings.add(w));
  const byName = new Map([...entries].map(([k, v]) => [k.toLowerCase(), v]));
  const text = (s: RefiTextSource): string | undefined => {
    if (s.content !== undefined) return s.content;
    const path = s.plainTextPath;
    if (!path) return undefined;
    // `internal://x.txt` lives in sources/ (or Sources/); other paths are relative to the project.
    const rel = path.replace(/\\/g, '/').replace(/^internal:\/\//i, '').replace(/^file:\/\/\/?/i, '').replace(/^\.?\//, '');
    const candidates = [`sources/${rel}`, rel, rel.split('/').pop()!].map((p) => p.toLowerCase());
    const hit = candidates.map((c) => byName.get(c) ?? byName.get(`sources/${c}`)).find((b) => b !== undefined);
    return hit === undefined ? undefined : decodeSourceText(hit, `${opts.file}/${rel}`);
  };
  const name = project.name || stem(opts.file);
  const imported = importProject(project, { text }, { file: opts.file, interviewers: opts.interviewers ?? [...DEFAULT_INTERVIEWERS], name });
  imported.warnings.forEach((w) => warnings.add(w));
  const files = new Map<string, string>();
  for (const t of imported.transcripts) files.set(`transcripts/${t.file}`, t.fileText);
  files.set('codebook.yaml', codebookYaml(imported.codebook, imported.comments));
  const coders: ImportQdpxResult['coders'] = [];
  const fileNames = new Set<string>();
  for (const [coder, list] of [...imported.codings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let f = `codings/${coder.replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, '_') || 'coder'}.csv`;
    for (let n = 2; fileNames.has(f.toLowerCase()); n++) f = f.replace(/(_\d+)?\.csv$/, `_${n}.csv`);
    fileNames.add(f.toLowerCase());
    files.set(f, codingsCsv(list));
    coders.push({ name: coder, codings: list.length, file: f });
  }
  const documents = imported.transcripts.filter((t) => t.kind === 'document').length;
  if (documents > 0) {
    warnings.add({ file: opts.file, message: `${documents} source(s) have no speaker lines: each is written as a document whose paragraphs are turns of the speaker "Document"` });
  }
  files.set('qcode.yaml', studyConfig(name, imported.transcripts.length > 0));
  return {
    files,
    transcripts: imported.transcripts.map(({ id, file, kind, selections }) => ({ id, file: `transcripts/${file}`, kind, selections })),
    coders,
    codes: countCodes(imported.codebook.codes),
    assumed: imported.assumed,
    warnings: warnings.list,
    reads: [opts.file],
  };
}

function studyConfig(name: string, hasTranscripts: boolean): string {
  // A project holds what each coder coded, not what each read and left uncoded: with the
  // transcripts named, agree counts every segment of a transcript a coder touched.
  const agree = hasTranscripts ? 'qcode agree codings/*.csv transcripts' : 'qcode agree codings/*.csv';
  return [
    `# Imported from a REFI-QDA project by qcode import qdpx.`,
    `# Human codings are in codings/ (one file per coder): ${agree}`,
    `name: ${JSON.stringify(name)}`,
    'codebook: codebook.yaml',
    hasTranscripts ? 'transcripts: [transcripts]' : 'transcripts: []',
    '',
  ].join('\n');
}
