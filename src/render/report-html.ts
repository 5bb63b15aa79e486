// `qcode report --html`: one self-contained page (no script, no external style, font
// or image) a researcher can hand to a colleague. Charts are inline SVG, each with a
// title, a description and a data table; quotes mark the evidence with <mark> (bold
// too, so colour is never the only carrier); the page reads on a phone and prints on
// A4 or Letter. The same inputs give the same bytes: no dates, no random ids.

import type { Quote } from '../study/quotes.js';
import type { CodeCard, ReportResult } from '../study/report.js';
import { esc } from './html.js';
import { clock } from './quotes.js';
import { barChart, heatmap, SATURATION_MAX_POINTS, saturationChart } from './report-svg.js';
import { plural } from './text.js';

export function reportHtml(r: ReportResult, version: string): string {
  const sections = [summary(r), frequencySection(r), matrixSection(r), cooccurSection(r), saturationSection(r), codebookSection(r)];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="qcode ${esc(version)}">
<title>${esc(r.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header><div class="wrap"><p class="kicker">qcode report</p><h1>${esc(r.title)}</h1><p class="sub">${esc(provenance(r, version))}</p></div></header>
<nav aria-label="Sections"><div class="wrap"><ol>${NAV.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join('')}</ol></div></nav>
<main id="main" class="wrap">
${sections.join('\n')}
</main>
<footer class="wrap"><p>Made with qcode ${esc(version)} from ${esc(r.codebook.name)} ${esc(r.codebook.version)} (codebook sha256 ${esc(r.codebook.sha256.slice(0, 12))}). Counts roll up: a segment coded with a sub-code counts for its parent code too.</p></footer>
</body>
</html>
`;
}

const NAV: [string, string][] = [
  ['summary', 'Summary'], ['frequencies', 'Frequencies'], ['matrix', 'Case × code'], ['cooccurrence', 'Co-occurrence'],
  ['saturation', 'Saturation'], ['codebook', 'Codebook and quotes'],
];

function provenance(r: ReportResult, version: string): string {
  const coder = r.coder === 'auto' ? 'a fresh coding pass (coder auto)' : `the codings of coder “${r.coder}”`;
  return `${plural(r.transcripts, 'transcript')}, ${plural(r.segments, `${r.unit} segment`)} (${r.codedSegments} coded); ${coder}; codebook ${r.codebook.name} ${r.codebook.version}${r.level !== null ? `, codes to level ${r.level}` : ''}; qcode ${version}`;
}

function pct(x: number | null, digits = 0): string {
  return x === null ? '–' : `${(x * 100).toFixed(digits)}%`;
}

function summary(r: ReportResult): string {
  const leaves = r.codes.filter((c) => c.children.length === 0 && c.freq.cases > 0);
  const top = [...leaves].sort((a, b) => b.freq.cases - a.freq.cases || b.freq.segments - a.freq.segments || (a.id < b.id ? -1 : 1)).slice(0, 5);
  const s = r.saturation;
  const reachedAt = s.steps.findIndex((x) => x.transcript === s.saturated_at);
  const saturationLine = s.saturated_at === null
    ? 'No code was seen, so there is no saturation point.'
    : `${Math.round(s.threshold * 100)}% of the ${s.total_codes} codes seen had appeared by transcript ${reachedAt + 1} of ${s.steps.length} (${s.saturated_at}).`;
  const unseen = r.codes.filter((c) => c.freq.cases === 0);
  return section('summary', 'Summary', `
<ul class="facts">
<li><strong>${r.transcripts}</strong> cases (transcripts), <strong>${r.segments}</strong> ${esc(r.unit)} segments read for coding, <strong>${r.codedSegments}</strong> of them coded</li>
<li><strong>${s.total_codes}</strong> of ${r.codes.length} codes were applied at least once${unseen.length > 0 ? ` (never: ${unseen.map((c) => `<a href="#${codeAnchor(c.id)}">${esc(c.label)}</a>`).join(', ')})` : ''}</li>
<li>${esc(saturationLine)}</li>
</ul>
<h3>Most widespread codes</h3>
<ol class="top">${top.map((c) => `<li><a href="#${codeAnchor(c.id)}">${esc(c.label)}</a> <span class="muted">(${esc(c.id)})</span> — ${c.freq.cases} of ${r.transcripts} cases, ${plural(c.freq.segments, 'segment')}</li>`).join('')}</ol>`);
}

function frequencySection(r: ReportResult): string {
  const rows = r.codes.map((c) => ({
    label: c.label, depth: c.depth, cases: c.freq.case_pct, segments: c.freq.segment_pct,
    caption: `${c.freq.cases}/${r.transcripts} · ${c.freq.segments} seg`,
  }));
  const desc = `For each of ${r.codes.length} codes, the share of the ${r.transcripts} cases with at least one coded segment and the share of the ${r.segments} segments read for coding that carry it.`;
  const table = dataTable(
    ['code', 'label', 'segments', '% of segments', 'cases', '% of cases'],
    r.codes.map((c) => [c.id, c.label, String(c.freq.segments), pct(c.freq.segment_pct, 1), `${c.freq.cases}/${r.transcripts}`, pct(c.freq.case_pct)]),
    [2, 3, 4, 5],
  );
  return section('frequencies', 'Frequencies', `
<p>How widespread each code is: the solid bar is the share of cases (participants) with at least one segment carrying the code, the hatched bar the share of all segments read for coding that carry it. Sub-codes are indented under their parent.</p>
${figure('fig-freq', 'Code frequencies: share of cases and of segments', barChart('fig-freq-svg', rows, 'Code frequencies', desc), table)}`);
}

/**
 * The most cases the matrix is drawn for, a column each. Past it the figure is wider than
 * any screen or page and the page grows by megabytes (1,629 cases made an 11 MB report,
 * and 8,156 a matrix too large to draw), so the report gives each code's number of cases
 * and leaves the whole matrix to `qcode matrix`.
 */
export const MATRIX_MAX_CASES = 200;

function matrixSection(r: ReportResult): string {
  const m = r.matrix;
  if (m.cases.length > MATRIX_MAX_CASES) return wideMatrixSection(r);
  const h = {
    rows: r.codes.map((c) => ({ label: c.label, depth: c.depth })),
    columns: m.cases,
    values: m.codes.map((_, j) => m.cases.map((_, i) => m.values[i]![j]!)),
    total: { header: 'cases', cells: m.case_totals.map((t) => `${t}/${m.cases.length}`) },
  };
  const desc = `Rows are codes, columns are the ${m.cases.length} cases; each cell is the number of that case's segments carrying the code. Darker cells hold more segments.`;
  const attrs = m.attribute_names;
  const table = dataTable(
    ['code', ...m.cases, 'cases'],
    m.codes.map((code, j) => [code, ...m.cases.map((_, i) => String(m.values[i]![j])), `${m.case_totals[j]}/${m.cases.length}`]),
    m.cases.map((_, i) => i + 1).concat([m.cases.length + 1]),
  );
  const caseTable = attrs.length === 0 ? '' : `<h3>The cases</h3><div class="scroll" tabindex="0" role="region" aria-label="Case attributes">${dataTable(['case', ...attrs], m.cases.map((id) => [id, ...attrs.map((a) => attrText(m.attributes[id]![a]))]), [], 'Case attributes')}</div>`;
  return section('matrix', 'Case × code matrix', `
<p>The framework matrix: for each case, how many of its segments carry each code. A row of zeros beside a widespread code shows who did not speak of it.</p>
${figure('fig-matrix', 'Coded segments per case and code', heatmap('fig-matrix-svg', h, 'Case × code matrix', desc), table)}
${caseTable}`);
}

/** The matrix section of a corpus with too many cases to draw: each code's cases, and where the matrix is. */
function wideMatrixSection(r: ReportResult): string {
  const m = r.matrix;
  const table = dataTable(
    ['code', 'cases'],
    m.codes.map((code, j) => [code, `${m.case_totals[j]}/${m.cases.length}`]),
    [1],
    'Cases carrying each code',
  );
  return section('matrix', 'Case × code matrix', `
<p>The framework matrix has a column for each case, and ${m.cases.length.toLocaleString('en-US')} cases are more than a page can show (it is drawn for up to ${MATRIX_MAX_CASES}). <code>qcode matrix</code> prints it whole, as a table, CSV or JSON, and <code>--format csv</code> opens in a spreadsheet. Here, how many cases carry each code:</p>
<div class="scroll" tabindex="0" role="region" aria-label="Cases carrying each code">${table}</div>`);
}

function cooccurSection(r: ReportResult): string {
  const c = r.cooccur;
  const depth = new Map(r.codes.map((x) => [x.id, x.depth]));
  const h = {
    rows: c.codes.map((id, i) => ({ label: `${i + 1}  ${c.labels[i]}`, depth: depth.get(id) ?? 0 })),
    columns: c.codes.map((_, i) => String(i + 1)),
    // The matrix is symmetric: the lower triangle and the diagonal say everything.
    values: c.matrix.map((row, i) => row.map((v, j) => (j <= i ? v : null))),
    diagonal: true,
  };
  const desc = `Lower triangle of a ${c.codes.length} by ${c.codes.length} matrix: each cell is the number of segments carrying both codes; the outlined diagonal is the number carrying the code.`;
  const table = dataTable(['#', 'code', ...c.codes.map((_, i) => String(i + 1))], c.codes.map((id, i) => [String(i + 1), id, ...c.matrix[i]!.map((v) => (v === null ? '–' : String(v)))]), c.codes.map((_, i) => i + 2).concat([0]));
  return section('cooccurrence', 'Co-occurrence', `
<p>Which codes come up together in the same segment. Columns are numbered as the rows. A parent code shares every segment of its sub-codes, so those cells repeat the sub-code's count.${c.notes.length > 0 ? ` ${esc(c.notes.join('; '))}.` : ''}</p>
${figure('fig-cooccur', 'Segments carrying both codes', heatmap('fig-cooccur-svg', h, 'Code co-occurrence by segment', desc), table)}`);
}

function saturationSection(r: ReportResult): string {
  const s = r.saturation;
  const reached = s.steps.findIndex((x) => x.transcript === s.saturated_at);
  const curve = {
    labels: s.steps.map((x) => x.transcript), cumulative: s.steps.map((x) => x.cumulative), fresh: s.steps.map((x) => x.new_codes.length),
    total: s.total_codes, threshold: s.threshold, reached,
  };
  const desc = `Codes seen so far after each of ${s.steps.length} transcripts in input order, rising to ${s.total_codes}; ${s.saturated_at === null ? 'no saturation point' : `${Math.round(s.threshold * 100)}% reached at ${s.saturated_at}`}.`;
  // With many transcripts, the table lists those that showed something new (the rest add a row of zeros each).
  const dense = s.steps.length > SATURATION_MAX_POINTS;
  const rows = s.steps.map((x, i) => [String(i + 1), x.transcript, String(x.new_codes.length), String(x.cumulative), x.new_codes.join(', ')]);
  const shown = dense ? rows.filter((_, i) => s.steps[i]!.new_codes.length > 0) : rows;
  const caption = dense ? `The ${shown.length} of ${s.steps.length.toLocaleString('en-US')} transcripts that showed a code for the first time` : undefined;
  const table = dataTable(['#', 'transcript', 'new', 'total', 'codes seen for the first time'], shown, [0, 2, 3], caption);
  return section('saturation', 'Saturation', `
<p>Whether more interviews would likely have shown new codes: transcripts in the order they were read, the codes each one showed for the first time, and the running total. A case shows a code when one of its segments carries the code or a sub-code.</p>
${figure('fig-saturation', 'Codes seen as transcripts are added', saturationChart('fig-saturation-svg', curve, 'Saturation curve', desc), table)}`);
}

function codebookSection(r: ReportResult): string {
  const marked = r.codes.some((c) => c.quotes.some((q) => q.evidence.length > 0));
  const evidence = marked
    ? 'the evidence <mark>marked</mark>'
    : `nothing marked (the codings of coder “${esc(r.coder)}” name segments, not the words that made a code apply)`;
  return section('codebook', 'Codebook and exemplar quotes', `
<p>Each code with its definition, what to include and exclude, its frequency, and up to ${maxQuotes(r)} quotes, one per case from the cases that speak of it most, ${evidence}, with the question that prompted each answer.</p>
${r.codes.map((c) => codeCard(c, r)).join('\n')}`);
}

function maxQuotes(r: ReportResult): number {
  return Math.max(3, ...r.codes.map((c) => c.quotes.length));
}

function codeCard(c: CodeCard, r: ReportResult): string {
  const h = c.depth === 0 ? 'h3' : 'h4';
  const swatch = c.color ? `<span class="swatch" style="background:${esc(c.color)}" aria-hidden="true"></span>` : '';
  const defs = (['definition', 'include', 'exclude', 'memo'] as const).filter((k) => c[k] !== undefined)
    .map((k) => `<dt>${k[0]!.toUpperCase()}${k.slice(1)}</dt><dd>${esc(c[k]!)}</dd>`).join('');
  const stats = `${plural(c.freq.segments, 'segment')} (${pct(c.freq.segment_pct, 1)}) in ${c.freq.cases} of ${r.transcripts} cases (${pct(c.freq.case_pct)})`;
  const quotes = c.children.length > 0
    ? `<p class="muted">Quotes are under its sub-codes: ${c.children.map((id) => `<a href="#${codeAnchor(id)}">${esc(id)}</a>`).join(', ')}.</p>`
    : c.quotes.length === 0 ? '<p class="muted">No segment carries this code.</p>' : c.quotes.map(quoteBlock).join('');
  return `<section class="code depth-${Math.min(c.depth, 3)}" id="${codeAnchor(c.id)}" aria-labelledby="${codeAnchor(c.id)}-h">
<${h} id="${codeAnchor(c.id)}-h">${swatch}${esc(c.label)} <code>${esc(c.id)}</code></${h}>
<p class="stats">${esc(stats)}</p>
${defs ? `<dl>${defs}</dl>` : ''}${quotes}
</section>`;
}

function quoteBlock(q: Quote): string {
  const question = q.question ? `<p class="question"><span class="who">${esc(q.question.speaker)}:</span> ${esc(excerptPlain(q.question.excerpt))}</p>` : '';
  const body = q.excerpt.parts.map((p) => (p.mark ? `<mark>${esc(p.text)}</mark>` : esc(p.text))).join('');
  const where = [`case ${q.transcript}`, `segment ${q.segment}`, q.time !== undefined ? `at ${clock(q.time)}` : undefined].filter((x) => x !== undefined).join(' · ');
  return `<figure class="quote">${question}<blockquote><p><span class="who">${esc(q.speaker)}:</span> ${q.excerpt.cut_start ? '… ' : ''}${body}${q.excerpt.cut_end ? ' …' : ''}</p></blockquote><figcaption>${esc(where)}</figcaption></figure>`;
}

function excerptPlain(e: Quote['excerpt']): string {
  return `${e.cut_start ? '… ' : ''}${e.parts.map((p) => p.text).join('')}${e.cut_end ? ' …' : ''}`;
}

/** A header like `age_at_entry_group` may wrap after its underscores on a narrow page. */
function breakable(s: string): string {
  return esc(s).replace(/_/g, '_<wbr>');
}

function codeAnchor(id: string): string {
  return `code-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

function attrText(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(title)}</h2>${body}</section>`;
}

function figure(id: string, caption: string, svg: string, table: string): string {
  return `<figure id="${id}" class="figure"><figcaption>${esc(caption)}</figcaption>
<div class="scroll" tabindex="0" role="region" aria-label="${esc(caption)} (chart; scrolls sideways on small screens)">${svg}</div>
<details><summary>Data table</summary><div class="scroll" tabindex="0" role="region" aria-label="${esc(caption)} (table)">${table}</div></details></figure>`;
}

function dataTable(header: string[], rows: string[][], numeric: number[], caption?: string): string {
  const num = new Set(numeric);
  const cls = (i: number): string => (num.has(i) ? ' class="num"' : '');
  return `<table>${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead><tr>${header.map((h, i) => `<th scope="col"${cls(i)}>${breakable(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${r.map((v, i) => (i === 0 ? `<th scope="row"${cls(i)}>${esc(v)}</th>` : `<td${cls(i)}>${esc(v)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
}

const STYLE = `
:root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--accent:#1f4e79;--soft:#f5f7fa;--mark:#ffe08a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:66rem;margin:0 auto;padding:0 1.25rem}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:2}
.skip:focus{left:.5rem}
header{background:var(--accent);color:#fff;padding:1.5rem 0 1.25rem}
header h1{margin:.1rem 0 .4rem;font-size:1.75rem;line-height:1.25}
.kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;opacity:.85}
.sub{margin:0;opacity:.92;font-size:.95rem}
nav{border-bottom:1px solid var(--line);background:var(--soft);position:sticky;top:0;z-index:1}
nav ol{list-style:none;margin:0;padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;font-size:.95rem}
a{color:#1a5fa0}
a:focus-visible,summary:focus-visible,.scroll:focus-visible{outline:3px solid #f0b429;outline-offset:2px}
h2{margin:2.5rem 0 .5rem;font-size:1.4rem;border-bottom:2px solid var(--line);padding-bottom:.25rem}
h3{margin:1.5rem 0 .4rem;font-size:1.15rem}
h4{margin:1.25rem 0 .3rem;font-size:1.02rem}
section[id]{scroll-margin-top:3rem}
.muted{color:var(--muted)}
.facts{padding-left:1.2rem}
.figure{margin:1.25rem 0 2rem}
.figure>figcaption{font-weight:600;margin-bottom:.5rem}
.scroll{overflow-x:auto;max-width:100%}
svg.chart{display:block;max-width:100%;height:auto;font-family:inherit}
svg.heatmap{max-width:none}
svg text:not([fill]){fill:var(--ink)}
svg .muted{fill:var(--muted)}
svg .grid{stroke:#e4e7eb;stroke-width:1}
svg .bar-cases{fill:var(--accent)}
svg .bar-new{fill:#c5d9ea}
svg .line{fill:none;stroke:var(--accent);stroke-width:2.5}
svg .dot{fill:var(--accent)}
svg .dot.reached{fill:#fff;stroke:#b44d12;stroke-width:3}
svg .goal{stroke:#b44d12;stroke-width:1.5;stroke-dasharray:6 4}
svg .goal-label{fill:#8a3a0e}
svg .diag{stroke:var(--ink);stroke-width:1.5}
details{margin:.5rem 0}
summary{cursor:pointer;color:#1a5fa0}
table{border-collapse:collapse;font-size:.88rem;margin:.5rem 0}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{padding:.2rem .55rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #bcccdc}
.num{text-align:right;font-variant-numeric:tabular-nums}
.code{border-left:4px solid var(--line);padding:.1rem 0 .4rem 1rem;margin:1rem 0}
.code.depth-0{border-left-color:var(--accent);margin-top:2rem}
.code.depth-1,.code.depth-2,.code.depth-3{margin-left:.75rem}
.code code{font-size:.8em;color:var(--muted);font-weight:400;margin-left:.35rem}
.stats{margin:.1rem 0 .5rem;color:var(--muted);font-size:.92rem}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em;vertical-align:baseline;border:1px solid rgba(0,0,0,.25)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .9rem;margin:.4rem 0 .75rem;font-size:.95rem}
dt{font-weight:600;color:var(--muted)}
dd{margin:0}
.quote{margin:.75rem 0;padding:.6rem .9rem;background:var(--soft);border-radius:6px;max-width:48rem}
.quote .question{margin:0 0 .35rem;color:var(--muted);font-style:italic;font-size:.93rem}
.quote blockquote{margin:0}
.quote blockquote p{margin:0}
.quote figcaption{margin-top:.35rem;font-size:.82rem;color:var(--muted);font-variant-numeric:tabular-nums}
.who{font-weight:600;font-style:normal}
mark{background:var(--mark);color:inherit;font-weight:600;padding:0 .1em;border-radius:2px;box-decoration-break:clone;-webkit-box-decoration-break:clone}
footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);margin-top:3rem;padding-top:.75rem;padding-bottom:2rem}
@media (max-width:40rem){body{font-size:15px}header h1{font-size:1.4rem}nav{position:static}svg.chart{min-width:36rem}dl{grid-template-columns:1fr}dd{margin-bottom:.35rem}.code.depth-1,.code.depth-2,.code.depth-3{margin-left:0}}
@media print{
@page{margin:14mm 12mm}
body{font-size:10.5pt}
header{background:none;color:var(--ink);padding:0 0 .5rem;border-bottom:2px solid var(--ink)}
nav,.skip,details{display:none}
.wrap{max-width:none;padding:0}
.scroll{overflow:visible}
svg.chart,svg.heatmap{max-width:100%;width:100%;height:auto}
.figure,.quote,dl,h2,h3,h4{break-inside:avoid}
h2,h3,h4{break-after:avoid}
a{color:inherit;text-decoration:none}
mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
