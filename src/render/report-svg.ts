// The report's charts as hand-written inline SVG: a few hundred lines, no library to
// inline, the same bytes on every run, and every mark labelled with its number so
// colour is never the only carrier of meaning. Each chart has a <title> and <desc>;
// the page puts a data table beside it.

import { esc } from './html.js';

export interface BarRow {
  label: string;
  depth: number;
  /** Share of cases and of segments, 0..1 (null when undefined). */
  cases: number | null;
  segments: number | null;
  caption: string;
}

const LABEL_W = 230;
const FONT = 13;

function svgOpen(id: string, width: number, height: number, title: string, desc: string, cls = ''): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart${cls ? ` ${cls}` : ''}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">`
    + `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>`;
}

function n(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

/** Horizontal bars: per code, the share of cases (solid) and of segments (hatched). */
export function barChart(id: string, rows: BarRow[], title: string, desc: string): string {
  const barW = 380;
  const rowH = 30;
  const top = 34;
  const width = LABEL_W + barW + 130;
  const height = top + rows.length * rowH + 8;
  const out = [svgOpen(id, width, height, title, desc)];
  out.push(`<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#d7e6f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#4a7fa8" stroke-width="2.5"/></pattern></defs>`);
  out.push(`<g class="legend" font-size="${FONT - 1}"><rect x="${LABEL_W}" y="6" width="14" height="10" class="bar-cases"/><text x="${LABEL_W + 20}" y="15">share of cases</text>`
    + `<rect x="${LABEL_W + 130}" y="6" width="14" height="10" fill="url(#${id}-hatch)" stroke="#4a7fa8" stroke-width="0.5"/><text x="${LABEL_W + 150}" y="15">share of segments</text></g>`);
  for (const [tick, x] of [0, 0.25, 0.5, 0.75, 1].map((t) => [t, LABEL_W + t * barW] as const)) {
    out.push(`<line x1="${n(x)}" y1="${top - 6}" x2="${n(x)}" y2="${height - 4}" class="grid"/>`);
    out.push(`<text x="${n(x)}" y="${top - 9}" font-size="${FONT - 3}" text-anchor="middle" class="muted">${tick * 100}%</text>`);
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const weight = r.depth === 0 ? ' font-weight="600"' : '';
    out.push(`<text x="${4 + r.depth * 14}" y="${y + 19}" font-size="${FONT}"${weight}>${esc(clip(r.label, 30 - r.depth * 2))}</text>`);
    out.push(`<rect x="${LABEL_W}" y="${y + 5}" width="${n((r.cases ?? 0) * barW)}" height="10" class="bar-cases"/>`);
    out.push(`<rect x="${LABEL_W}" y="${y + 16}" width="${n((r.segments ?? 0) * barW)}" height="8" fill="url(#${id}-hatch)"/>`);
    out.push(`<text x="${LABEL_W + barW + 8}" y="${y + 19}" font-size="${FONT - 1}">${esc(r.caption)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

export interface Heatmap {
  rows: { label: string; depth: number }[];
  columns: string[];
  /** values[row][column]; null leaves a cell blank (the upper triangle of a symmetric matrix). */
  values: (number | null)[][];
  /** Cells on the diagonal are drawn outlined (a code with itself). */
  diagonal?: boolean;
  /** Extra right-hand column: one text per row. */
  total?: { header: string; cells: string[] };
}

/** A grid of cells shaded by value, each printing its number. */
export function heatmap(id: string, h: Heatmap, title: string, desc: string): string {
  const cell = h.columns.length > 30 ? 21 : h.columns.length > 12 ? 24 : 40;
  const rowH = h.columns.length > 12 ? 21 : 24;
  const rotate = h.columns.some((c) => c.length * 7 > cell);
  const head = rotate ? 16 + Math.min(140, longest(h.columns) * 6.5) : 26;
  const totalW = h.total ? 64 : 0;
  const width = LABEL_W + h.columns.length * cell + totalW + (rotate ? 40 : 8);
  const height = head + h.rows.length * rowH + 6;
  const max = largest(h.values);
  const out = [svgOpen(id, width, height, title, desc, 'heatmap')];
  h.columns.forEach((c, j) => {
    const x = LABEL_W + j * cell + cell / 2;
    out.push(rotate
      ? `<text transform="translate(${n(x + 4)} ${head - 6}) rotate(-50)" font-size="${FONT - 2}">${esc(clip(c, 22))}</text>`
      : `<text x="${n(x)}" y="${head - 8}" font-size="${FONT - 1}" text-anchor="middle" font-weight="600">${esc(c)}</text>`);
  });
  if (h.total) out.push(`<text x="${LABEL_W + h.columns.length * cell + totalW / 2}" y="${head - 8}" font-size="${FONT - 1}" text-anchor="middle" font-weight="600">${esc(h.total.header)}</text>`);
  h.rows.forEach((r, i) => {
    const y = head + i * rowH;
    const weight = r.depth === 0 ? ' font-weight="600"' : '';
    out.push(`<text x="${4 + r.depth * 14}" y="${y + rowH / 2 + 4.5}" font-size="${FONT - 1}"${weight}>${esc(clip(r.label, 32 - r.depth * 2))}</text>`);
    h.values[i]!.forEach((v, j) => {
      if (v === null) return;
      const x = LABEL_W + j * cell;
      const t = v / max;
      const diag = h.diagonal && i === j ? ' class="diag"' : '';
      out.push(`<rect x="${x + 1}" y="${y + 1}" width="${cell - 2}" height="${rowH - 2}" fill="${shade(t)}"${diag}/>`);
      out.push(`<text x="${n(x + cell / 2)}" y="${y + rowH / 2 + 4.5}" font-size="${FONT - 2}" text-anchor="middle" fill="${t > 0.55 ? '#ffffff' : v === 0 ? '#7b8794' : '#1f2933'}">${v}</text>`);
    });
    if (h.total) out.push(`<text x="${LABEL_W + h.columns.length * cell + totalW / 2}" y="${y + rowH / 2 + 4.5}" font-size="${FONT - 2}" text-anchor="middle">${esc(h.total.cells[i]!)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

// A loop, not Math.max(...values): spread into arguments, a large matrix overflows the stack.
function longest(texts: string[]): number {
  let most = 0;
  for (const t of texts) most = Math.max(most, t.length);
  return most;
}

/** The largest value of a grid, at least 1 (the scale's top). */
function largest(values: (number | null)[][]): number {
  let most = 1;
  for (const row of values) for (const v of row) if (v !== null && v > most) most = v;
  return most;
}

/** White-blue scale: 0 → #f5f7fa, 1 → #1f4e79 (in sRGB, which is enough for a reading aid). */
export function shade(t: number): string {
  const from = [0xf5, 0xf7, 0xfa];
  const to = [0x1f, 0x4e, 0x79];
  const k = Math.max(0, Math.min(1, t));
  return `#${from.map((f, i) => Math.round(f + (to[i]! - f) * k).toString(16).padStart(2, '0')).join('')}`;
}

export interface Curve {
  labels: string[];
  cumulative: number[];
  fresh: number[];
  total: number;
  threshold: number;
  /** Index of the first step at or over the threshold, or -1. */
  reached: number;
}

/**
 * The most transcripts the saturation chart gives a labelled point each (60 px apiece).
 * Past it the chart keeps a page's width: the curve, bars where new codes appeared, the
 * point where the threshold was reached, and an axis numbered in round steps — a point per
 * transcript made 8,156 transcripts a chart half a million pixels wide.
 */
export const SATURATION_MAX_POINTS = 60;

/** The running total of codes seen (a line) over new codes per transcript (bars), the threshold dashed. */
export function saturationChart(id: string, c: Curve, title: string, desc: string): string {
  if (c.labels.length > SATURATION_MAX_POINTS) return denseSaturationChart(id, c, title, desc);
  const left = 48;
  const plotW = Math.max(480, c.labels.length * 60);
  const plotH = 220;
  const top = 24;
  const width = left + plotW + 24;
  const height = top + plotH + 58;
  const ymax = Math.max(1, c.total);
  const x = (i: number): number => left + (i + 0.5) * (plotW / c.labels.length);
  const y = (v: number): number => top + plotH - (v / ymax) * plotH;
  const out = [svgOpen(id, width, height, title, desc)];
  for (const v of ticks(ymax)) {
    out.push(`<line x1="${left}" y1="${n(y(v))}" x2="${left + plotW}" y2="${n(y(v))}" class="grid"/>`);
    out.push(`<text x="${left - 6}" y="${n(y(v) + 4)}" font-size="${FONT - 2}" text-anchor="end" class="muted">${v}</text>`);
  }
  const barW = Math.min(28, (plotW / c.labels.length) * 0.5);
  c.fresh.forEach((f, i) => {
    out.push(`<rect x="${n(x(i) - barW / 2)}" y="${n(y(f))}" width="${n(barW)}" height="${n(plotH + top - y(f))}" class="bar-new"/>`);
  });
  const goal = c.threshold * c.total;
  out.push(`<line x1="${left}" y1="${n(y(goal))}" x2="${left + plotW}" y2="${n(y(goal))}" class="goal"/>`);
  // Under the line at the right, where the curve has already risen above it.
  out.push(`<text x="${left + plotW - 4}" y="${n(y(goal) + 15)}" font-size="${FONT - 2}" text-anchor="end" class="goal-label">${Math.round(c.threshold * 100)}% of the ${c.total} codes seen</text>`);
  out.push(`<polyline points="${c.cumulative.map((v, i) => `${n(x(i))},${n(y(v))}`).join(' ')}" class="line"/>`);
  c.cumulative.forEach((v, i) => {
    const hit = i === c.reached;
    out.push(`<circle cx="${n(x(i))}" cy="${n(y(v))}" r="${hit ? 6 : 4}" class="${hit ? 'dot reached' : 'dot'}"/>`);
    out.push(`<text x="${n(x(i))}" y="${n(y(v) - 10)}" font-size="${FONT - 1}" text-anchor="middle" font-weight="600">${v}</text>`);
    out.push(`<text x="${n(x(i))}" y="${top + plotH + 18}" font-size="${FONT - 1}" text-anchor="middle">${esc(clip(c.labels[i]!, 8))}</text>`);
    if (c.fresh[i]! > 0) out.push(`<text x="${n(x(i))}" y="${top + plotH + 34}" font-size="${FONT - 3}" text-anchor="middle" class="muted">+${c.fresh[i]}</text>`);
  });
  out.push(`<text x="${left}" y="${height - 4}" font-size="${FONT - 2}" class="muted">line: codes seen so far · bars and +N: codes seen for the first time · ring: ${Math.round(c.threshold * 100)}% reached</text>`);
  out.push('</svg>');
  return out.join('');
}

/** saturationChart for a corpus of many transcripts: the page's width, and only the points that say something. */
function denseSaturationChart(id: string, c: Curve, title: string, desc: string): string {
  const left = 48;
  const plotW = 720;
  const plotH = 220;
  const top = 24;
  const width = left + plotW + 24;
  const height = top + plotH + 58;
  const ymax = Math.max(1, c.total);
  const steps = c.labels.length;
  const x = (i: number): number => left + ((i + 0.5) / steps) * plotW;
  const y = (v: number): number => top + plotH - (v / ymax) * plotH;
  const out = [svgOpen(id, width, height, title, desc)];
  for (const v of ticks(ymax)) {
    out.push(`<line x1="${left}" y1="${n(y(v))}" x2="${left + plotW}" y2="${n(y(v))}" class="grid"/>`);
    out.push(`<text x="${left - 6}" y="${n(y(v) + 4)}" font-size="${FONT - 2}" text-anchor="end" class="muted">${v}</text>`);
  }
  // A bar only where a transcript showed new codes: after the first few, most show none.
  c.fresh.forEach((f, i) => {
    if (f > 0) out.push(`<rect x="${n(x(i) - 1)}" y="${n(y(f))}" width="2" height="${n(plotH + top - y(f))}" class="bar-new"/>`);
  });
  const goal = c.threshold * c.total;
  out.push(`<line x1="${left}" y1="${n(y(goal))}" x2="${left + plotW}" y2="${n(y(goal))}" class="goal"/>`);
  out.push(`<text x="${left + plotW - 4}" y="${n(y(goal) + 15)}" font-size="${FONT - 2}" text-anchor="end" class="goal-label">${Math.round(c.threshold * 100)}% of the ${c.total} codes seen</text>`);
  out.push(`<polyline points="${curvePoints(c.cumulative, x, y)}" class="line"/>`);
  if (c.reached >= 0) {
    const [cx, cy] = [x(c.reached), y(c.cumulative[c.reached]!)];
    out.push(`<circle cx="${n(cx)}" cy="${n(cy)}" r="6" class="dot reached"/>`);
    out.push(`<text x="${n(cx + 9)}" y="${n(cy + 16)}" font-size="${FONT - 1}" font-weight="600">${esc(clip(c.labels[c.reached]!, 12))} (#${(c.reached + 1).toLocaleString('en-US')})</text>`);
  }
  for (const t of ordinalTicks(steps)) {
    out.push(`<line x1="${n(x(t - 1))}" y1="${top + plotH}" x2="${n(x(t - 1))}" y2="${top + plotH + 5}" class="grid"/>`);
    out.push(`<text x="${n(x(t - 1))}" y="${top + plotH + 18}" font-size="${FONT - 2}" text-anchor="middle" class="muted">${t.toLocaleString('en-US')}</text>`);
  }
  out.push(`<text x="${left + plotW / 2}" y="${top + plotH + 36}" font-size="${FONT - 2}" text-anchor="middle" class="muted">transcripts in the order read (${steps.toLocaleString('en-US')})</text>`);
  out.push(`<text x="${left}" y="${height - 4}" font-size="${FONT - 2}" class="muted">line: codes seen so far · bars: codes seen for the first time · ring: ${Math.round(c.threshold * 100)}% reached</text>`);
  out.push('</svg>');
  return out.join('');
}

/**
 * The curve's points, one where the total changes (and the last): a flat run between two
 * changes is the same straight line, so thousands of transcripts that add nothing cost two points.
 */
function curvePoints(cumulative: number[], x: (i: number) => number, y: (v: number) => number): string {
  const points: string[] = [];
  cumulative.forEach((v, i) => {
    const changes = i === 0 || i === cumulative.length - 1 || v !== cumulative[i - 1] || v !== cumulative[i + 1];
    if (changes) points.push(`${n(x(i))},${n(y(v))}`);
  });
  return points.join(' ');
}

/** Transcript numbers for the axis: 1, then every round step (1, 2 or 5 × a power of ten), at most ten. */
function ordinalTicks(steps: number): number[] {
  const rough = steps / 10;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((k) => k * power).find((k) => k >= rough)!;
  const out = [1];
  for (let t = step; t <= steps; t += step) out.push(t);
  return out;
}

function ticks(max: number): number[] {
  const step = max <= 10 ? 2 : max <= 25 ? 5 : max <= 60 ? 10 : Math.ceil(max / 60) * 10;
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
