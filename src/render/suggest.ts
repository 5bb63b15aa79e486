// `codebook suggest`: the candidate terms as a table, CSV rows or a JSON document.

import type { TermExample } from '../core/codebook/suggest-terms.js';
import type { SuggestResult } from '../study/suggest.js';
import { renderCsv } from './csv.js';
import type { Column, TableModel } from './model.js';
import { excerptText, leadingUpTo } from './quotes.js';
import { fixed, percent, plural } from './text.js';

export function suggestTables(r: SuggestResult): TableModel[] {
  const human = r.basis === 'codings';
  const ranked = r.suggestions.some((s) => s.similarity !== undefined);
  const columns: Column[] = [
    { header: 'term' }, { header: 'coded', align: 'right' }, { header: 'other', align: 'right' },
    ...(human ? [{ header: 'rules miss', align: 'right' as const }] : []),
    { header: 'cases', align: 'right' }, { header: 'precision', align: 'right' }, { header: 'score', align: 'right' },
    ...(ranked ? [{ header: 'similarity', align: 'right' as const }] : []),
    { header: 'example', flex: true },
  ];
  const rows = r.suggestions.map((s) => [
    s.term, String(s.coded), String(s.other), ...(human ? [String(s.missed)] : []),
    String(s.cases), percent(s.precision, 0), fixed(s.score, 2),
    ...(ranked ? [s.similarity == null ? '–' : fixed(s.similarity, 2)] : []),
    s.examples.map((e) => exampleText(e, (t) => `**${t}**`)).join(' · '),
  ]);
  return [{ title: heading(r), columns, rows, notes: notes(r) }];
}

function heading(r: SuggestResult): string {
  const { segments: n } = r;
  const whose = r.basis === 'codings' ? `coded ${r.code.id} by ${r.coder ? `coder "${r.coder}"` : 'the codings file'}` : `coded ${r.code.id} by its rules`;
  const missed = r.basis === 'codings' ? `; the rules miss ${n.missed} of them` : '';
  return `Terms to consider for ${r.code.id} (${r.code.label}) — ${plural(n.coded, `${r.unit} segment`)} of ${n.eligible} ${whose}${missed}`;
}

function notes(r: SuggestResult): string[] {
  const out = [
    'coded/other: segments containing the term; cases: transcripts with a coded one; precision: coded / (coded + other)',
    'score: log-odds z-score of coded vs other segments, shrunk toward the corpus rate: higher is more typical of the code (compare within one list)',
  ];
  if (r.basis === 'codings') out.push('rules miss: coded segments containing it that the rules do not code; examples show those first');
  if (r.suggestions.length === 0) out.push('no candidate: every frequent word of the coded segments is already in the rules, or seen fewer times than --min');
  return [...out, ...r.notes];
}

/** Words shown before the term in the table's example column, which is cut at its end to fit. */
const TABLE_LEAD = 30;

function exampleText(e: TermExample, mark: (s: string) => string = (s) => s): string {
  return `${e.segment}: ${excerptText(leadingUpTo(e.excerpt, TABLE_LEAD), mark)}`;
}

export function suggestCsv(r: SuggestResult): string {
  const header = ['code', 'term', 'stems', 'coded', 'other', 'missed', 'cases', 'precision', 'score', 'example_1_segment', 'example_1', 'example_2_segment', 'example_2', 'similarity'];
  return renderCsv(header, r.suggestions.map((s) => {
    const [a, b] = s.examples;
    return [
      r.code.id, s.term, s.stems, s.coded, s.other, s.missed, s.cases, s.precision, s.score,
      a?.segment, a ? excerptText(a.excerpt) : '', b?.segment, b ? excerptText(b.excerpt) : '',
      s.similarity ?? '',
    ];
  }));
}

/** `qcode codebook suggest --format json`. */
export interface SuggestJson extends Omit<SuggestResult, 'reads' | 'warnings'> {
  qcode: string;
}

export function suggestJson(r: SuggestResult, version: string): SuggestJson {
  const { reads: _reads, warnings: _warnings, ...rest } = r;
  return { qcode: version, ...rest };
}
