// deid's findings as a table, CSV and JSON. The words are masked unless the run was
// asked to show them (`--show`): a report about identifiers must not be one.

import type { DeidFinding, DeidResult } from '../study/deid.js';
import type { RedactedFile, RedactResult } from '../study/redact.js';
import { renderCsv } from './csv.js';
import type { TableModel } from './model.js';
import { plural } from './text.js';

export interface DeidJson {
  qcode: string;
  transcripts: number;
  /** True when `text` holds the words found; false when it holds their masked shape. */
  shown: boolean;
  findings: DeidFinding[];
}

export function deidTable(r: DeidResult): TableModel {
  const rows = r.findings.map((f) => [f.transcript, `${f.source}:${f.line}:${f.col}`, f.kind, f.confidence.toFixed(2), f.in, f.text]);
  const files = new Set(r.findings.map((f) => f.transcript)).size;
  const verdict = r.findings.length === 0
    ? `no likely identifier in ${plural(r.transcripts, 'transcript')}`
    : `${plural(r.findings.length, 'likely identifier')} in ${files} of ${plural(r.transcripts, 'transcript')}`;
  return {
    title: 'Text that may identify a person',
    columns: [{ header: 'transcript' }, { header: 'where' }, { header: 'kind' }, { header: 'conf', align: 'right' }, { header: 'in' }, { header: 'text', flex: true }],
    rows,
    notes: [
      verdict,
      ...(r.shown ? [] : ['words are masked; --show prints them (the output then holds the identifiers: keep it with the data)']),
      ...(r.findings.length > 0 ? ['qcode redact --out-dir DIR writes copies with [NAME], [PHONE] … in their place; accepted terms go under deid.allow in qcode.yaml'] : []),
    ],
  };
}

export function deidCsv(r: DeidResult): string {
  return renderCsv(
    ['transcript', 'source', 'line', 'col', 'start', 'end', 'kind', 'confidence', 'in', 'text'],
    r.findings.map((f) => [f.transcript, f.source, f.line, f.col, f.start, f.end, f.kind, f.confidence, f.in, f.text]),
  );
}

export function deidJson(r: DeidResult, version: string): DeidJson {
  return { qcode: version, transcripts: r.transcripts, shown: r.shown, findings: r.findings };
}

export interface RedactJson {
  qcode: string;
  out_dir: string;
  /** Where the key was written, if one was asked for (its content never appears here). */
  key: string | null;
  interviewers: string[];
  files: RedactedFile[];
}

export function redactTable(r: RedactResult): TableModel {
  const left = r.files.reduce((n, f) => n + f.left, 0);
  return {
    title: `Redacted copies in ${r.outDir}`,
    columns: [{ header: 'source' }, { header: 'copy' }, { header: 'replaced', align: 'right' }, { header: 'speakers', align: 'right' }, { header: 'left', align: 'right' }],
    rows: r.files.map((f) => [f.source, f.copy, String(f.replaced), String(f.speakers), String(f.left)]),
    notes: [
      `${plural(r.files.length, 'file')} copied; the inputs were not touched`,
      ...(left > 0 ? [`${plural(left, 'likely identifier')} still found in the copies: check them with qcode deid before sharing`] : []),
      ...(r.interviewers.length > 1 ? [`read the copies with --interviewers "${r.interviewers.join(',')}" to keep the interviewers' roles`] : []),
      r.key ? `key written to ${r.key} (owner-only): store it apart from the data` : 'no key was written: the copies cannot be traced back to the originals',
    ],
  };
}

export function redactCsv(r: RedactResult): string {
  return renderCsv(['source', 'copy', 'transcripts', 'replaced', 'speakers', 'left'], r.files.map((f) => [f.source, f.copy, f.transcripts, f.replaced, f.speakers, f.left]));
}

export function redactJson(r: RedactResult, version: string): RedactJson {
  return { qcode: version, out_dir: r.outDir, key: r.key, interviewers: r.interviewers, files: r.files };
}
