// Views of `codebook diff`: what changed in the codebook, and what that does to the
// coding — per code, counts before and after, κ between the versions, and the
// segments gained and lost with the words that made the difference.

import type { EffectRow, Excerpt } from '../core/check/effect.js';
import type { CodebookDiffReport } from '../study/diff.js';
import { mdText } from './check.js';
import { renderCsv } from './csv.js';
import { renderMarkdown } from './md.js';
import type { TableModel } from './model.js';
import { fixed, plural } from './text.js';

/** At most this many excerpts per code in a comment; the JSON holds every one. */
const MD_EXCERPTS = 8;

function changedRows(r: CodebookDiffReport): string[][] {
  return [
    ...r.book.map((f) => ['setting', f, 'the codebook\'s ' + f]),
    ...r.added.map((c) => ['added', c, '']),
    ...r.removed.map((c) => ['removed', c, '']),
    ...r.moved.map((m) => ['moved', m.to, `from ${m.from}`]),
    ...r.renamed.map((m) => ['renamed', m.to, `from ${m.from}`]),
    ...r.changed.map((c) => ['changed', c.code, c.fields.join(', ')]),
  ];
}

/** Codes whose segments moved, or that came or went. */
function effectRows(r: CodebookDiffReport): EffectRow[] {
  return (r.effect ?? []).filter((e) => e.gained.length > 0 || e.lost.length > 0 || e.status !== 'kept');
}

function titleOf(r: CodebookDiffReport): string {
  const v = (x: CodebookDiffReport['old']): string => `${x.name} ${x.version}`;
  return `Codebook diff: ${r.old.source} (${v(r.old)}) → ${r.new.source} (${v(r.new)})`;
}

function summaryOf(r: CodebookDiffReport): string {
  const n = changedRows(r).length;
  const parts = [n === 0 ? 'no change to the codebook' : plural(n, 'change')];
  if (r.effect && r.corpus) {
    const leaves = r.effect.filter((e) => e.leaf);
    const gained = leaves.reduce((s, e) => s + e.gained.length, 0);
    const lost = leaves.reduce((s, e) => s + e.lost.length, 0);
    parts.push(`${plural(gained, 'coding')} gained and ${lost} lost on ${plural(r.corpus.transcripts, 'transcript')} (${plural(r.corpus.segments, `${r.corpus.unit} segment`)})`);
  }
  return parts.join('; ');
}

function kappaText(e: EffectRow): string {
  return e.kappa === null ? '–' : fixed(e.kappa);
}

export function diffTables(r: CodebookDiffReport): TableModel[] {
  const tables: TableModel[] = [{
    title: titleOf(r),
    columns: [{ header: 'change' }, { header: 'code' }, { header: 'what' }],
    rows: changedRows(r),
    notes: [summaryOf(r), ...r.notes],
  }];
  if (!r.effect) return tables;
  const moved = effectRows(r);
  tables.push({
    title: 'Effect on the coding',
    columns: [
      { header: 'code' }, { header: 'before', align: 'right' }, { header: 'after', align: 'right' },
      { header: 'gained', align: 'right' }, { header: 'lost', align: 'right' }, { header: 'κ old/new', align: 'right' },
    ],
    rows: moved.map((e) => [e.code, String(e.before), String(e.after), `+${e.gained.length}`, `−${e.lost.length}`, kappaText(e)]),
    notes: moved.length === 0 ? ['no segment gained or lost a code'] : [`${plural((r.effect ?? []).length - moved.length, 'other code')} unchanged; parents count their children's segments`],
  });
  const excerpts = moved.filter((e) => e.leaf).flatMap((e) => e.excerpts.map((x) => ({ code: e.code, x })));
  if (excerpts.length > 0) {
    tables.push({
      title: 'Segments gained and lost',
      columns: [{ header: 'code' }, { header: '' }, { header: 'segment' }, { header: 'evidence', flex: true }, { header: 'excerpt', flex: true }],
      rows: excerpts.map(({ code, x }) => [code, x.change === 'gained' ? '+' : '−', x.segment, x.evidence.join(' | '), x.excerpt]),
    });
  }
  return tables;
}

/** One row per code and segment gained or lost (leaf codes: a parent's rows are its children's). */
export function diffCsv(r: CodebookDiffReport): string {
  const rows = effectRows(r).filter((e) => e.leaf).flatMap((e) =>
    e.excerpts.map((x) => [e.code, x.change, x.segment, x.speaker, x.evidence.join('|'), x.excerpt, e.before, e.after, e.kappa]));
  return renderCsv(['code', 'change', 'segment', 'speaker', 'evidence', 'excerpt', 'before', 'after', 'kappa'], rows);
}

/** The JSON document: the report as it is. */
export function diffJson(r: CodebookDiffReport): CodebookDiffReport {
  return r;
}

export const DIFF_COMMENT_MARKER = '<!-- qcode codebook diff -->';

/** A pull-request comment: the changes, the effect table, the segments folded. */
export function diffMarkdown(r: CodebookDiffReport): string {
  const out: string[] = [DIFF_COMMENT_MARKER, `### ${mdText(titleOf(r))}`, '', `**${mdText(summaryOf(r))}**`, ''];
  const rows = changedRows(r);
  if (rows.length > 0) {
    out.push(renderMarkdown({ columns: [{ header: 'change' }, { header: 'code' }, { header: 'what' }], rows: rows.map(([a, b, c]) => [a!, `\`${b}\``, c!]) }));
  }
  if (r.effect) {
    const moved = effectRows(r);
    if (moved.length > 0) {
      out.push(renderMarkdown({
        columns: [{ header: 'code' }, { header: 'before', align: 'right' }, { header: 'after', align: 'right' }, { header: 'gained', align: 'right' }, { header: 'lost', align: 'right' }, { header: 'κ old vs new', align: 'right' }],
        rows: moved.map((e) => [`\`${e.code}\``, String(e.before), String(e.after), `+${e.gained.length}`, `−${e.lost.length}`, kappaText(e)]),
      }));
      const leaves = moved.filter((e) => e.leaf && e.excerpts.length > 0);
      if (leaves.length > 0) {
        out.push('<details><summary>Segments gained and lost, with the words that matched</summary>', '');
        for (const e of leaves) {
          out.push(`**\`${e.code}\`**`, '');
          for (const x of e.excerpts.slice(0, MD_EXCERPTS)) out.push(`- ${excerptLine(x)}`);
          if (e.excerpts.length > MD_EXCERPTS) out.push(`- … and ${e.excerpts.length - MD_EXCERPTS} more (\`--format json\` lists every one)`);
          out.push('');
        }
        out.push('</details>', '');
      }
    } else {
      out.push('No segment gains or loses a code.', '');
    }
  }
  for (const n of r.notes) out.push(`- ${mdText(n)}`);
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** `− P03:12 (P03): "…the closest **shelter** was…"`, the evidence in bold. */
function excerptLine(x: Excerpt): string {
  let text = mdText(x.excerpt);
  for (const w of x.evidence) {
    const safe = mdText(w);
    if (safe === '') continue;
    // Whole words only: the evidence "lost" must not light up inside "almost".
    const escaped = safe.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = text.replace(new RegExp(`(?<![\\p{L}\\p{N}*])${escaped}(?![\\p{L}\\p{N}*])`, 'u'), (m) => `**${m}**`);
  }
  const who = x.speaker ? ` (${mdText(x.speaker)})` : '';
  return `${x.change === 'gained' ? '➕ gained' : '➖ lost'} \`${x.segment}\`${who}: “${text}”`;
}
