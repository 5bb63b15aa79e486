import type { Coding } from '../core/types.js';
import { renderCsv } from './csv.js';
import type { TableModel } from './model.js';

export const CODINGS_HEADER = ['transcript', 'segment', 'speaker', 'code', 'coder', 'start', 'end', 'evidence'];

/** SPEC §5: `evidence` joins the matched terms with `|`, each once, in text order. */
export function evidenceTerms(c: Coding): string {
  return [...new Set(c.evidence.map((e) => e.term))].join('|');
}

export function codingsCsv(codings: Coding[]): string {
  return renderCsv(CODINGS_HEADER, codings.map((c) => [c.transcript, c.segment, c.speaker, c.code, c.coder, c.start, c.end, evidenceTerms(c)]));
}

export function codingsTable(codings: Coding[], title: string): TableModel {
  return {
    title,
    columns: [{ header: 'segment' }, { header: 'speaker' }, { header: 'code' }, { header: 'evidence', flex: true }],
    rows: codings.map((c) => [c.segment, c.speaker, c.code, evidenceTerms(c)]),
    notes: codings.length === 0 ? ['no segment was coded'] : [],
  };
}
