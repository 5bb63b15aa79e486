// The HTML report without a browser: the same inputs give the same bytes, nothing is
// fetched, every number is the coding's, and text from the inputs cannot become markup.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MATRIX_MAX_CASES, reportHtml } from '../../src/render/report-html.js';
import { heatmap, shade } from '../../src/render/report-svg.js';
import { runReport } from '../../src/study/report.js';

const F = 'test/fixtures/report';
const h1 = { config: `${F}/qcode.yaml`, codings: `${F}/human.csv`, coder: 'h1' };

describe('qcode report --html', () => {
  it('gives the same bytes for the same inputs', async () => {
    const a = reportHtml(await runReport(h1), '1.2.3');
    const b = reportHtml(await runReport(h1), '1.2.3');
    expect(a).toBe(b);
  });

  it('is self-contained: no script, no external style, font, image or link', async () => {
    const html = reportHtml(await runReport(h1), '1.2.3');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face/i);
    expect(html).not.toMatch(/(?:src|href)="(?!#)/);
    expect(html.match(/url\(([^)]*)\)/g)?.every((u) => u.startsWith('url(#'))).toBe(true);
    expect(html.match(/https?:\/\/[^"\s]*/g)).toEqual(['http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg']);
  });

  it('every chart has a title, a description and a data table', async () => {
    const html = reportHtml(await runReport(h1), '1.2.3');
    const charts = html.match(/<svg [^>]*role="img"[^>]*>/g) ?? [];
    expect(charts).toHaveLength(4);
    for (const svg of charts) expect(svg).toMatch(/aria-labelledby="(fig-[a-z]+-svg)-title \1-desc"/);
    expect(html.match(/<details><summary>Data table<\/summary>/g)).toHaveLength(4);
  });

  it('says how many segments were read for coding and how many of them carry a code', async () => {
    const r = await runReport(h1);
    // Six participant turns; h1 codes five of them (A:2, A:4, A:6, B:2 twice, C:2).
    expect([r.segments, r.codedSegments]).toEqual([6, 5]);
    expect(reportHtml(r, '1.2.3')).toContain('<strong>6</strong> turn segments read for coding, <strong>5</strong> of them coded');
  });

  it('carries the coding\'s numbers: frequencies, matrix cells, saturation, and quotes with questions', async () => {
    const r = await runReport(h1);
    expect(r.codes.map((c) => [c.id, c.freq.segments, c.freq.cases])).toEqual([
      ['barrier', 3, 2], ['barrier.housing', 3, 2], ['barrier.money', 1, 1], ['service', 2, 2], ['service.shelter', 2, 2], ['unused', 0, 0],
    ]);
    expect(r.matrix.values).toEqual([[2, 2, 0, 1, 1, 0], [1, 1, 1, 0, 0, 0], [0, 0, 0, 1, 1, 0]]);
    expect(r.saturation.saturated_at).toBe('B');
    // Quotes for the codes at the bottom of the tree: spread over cases, at most three.
    expect(r.codes.find((c) => c.id === 'barrier.housing')!.quotes.map((q) => q.segment)).toEqual(['A:2', 'B:2', 'A:6']);
    expect(r.codes.find((c) => c.id === 'barrier')!.quotes).toEqual([]);
    const html = reportHtml(r, '1.2.3');
    expect(html).toContain('<p class="question"><span class="who">I:</span> And after the month?</p>');
    expect(html).toContain('<dt>Definition</dt><dd>No safe or stable place to live.</dd>');
    expect(html).toContain('the codings of coder “h1”');
    expect(html).toContain('nothing marked (the codings of coder “h1” name segments, not the words that made a code apply)');
  });

  it('a fresh pass marks the evidence with <mark>; --quotes and --level are honoured', async () => {
    const r = await runReport({ config: `${F}/qcode.yaml`, quotes: 1, level: 1 });
    expect(r.codes.map((c) => c.id)).toEqual(['barrier', 'service', 'unused']);
    const barrier = r.codes[0]!;
    expect(barrier.quotes).toHaveLength(1);
    const html = reportHtml(r, '1.2.3');
    expect(html).toContain('I had no <mark>money</mark> for the <mark>deposit</mark>, and no one would <mark>rent</mark> to me');
  });

  it('text from the inputs is escaped', async () => {
    const r = await runReport(h1);
    r.title = '<script>alert(1)</script> & "x"';
    r.codes[1]!.definition = '<img src=x onerror=alert(1)>';
    const html = reportHtml(r, '1.2.3');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</title>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script');
  });

  it('shades from near white to dark blue', () => {
    expect(shade(0)).toBe('#f5f7fa');
    expect(shade(1)).toBe('#1f4e79');
  });
});

describe('qcode report --html on a corpus of many interviews', () => {
  /** `cases` two-turn interviews, the first few showing new codes, the rest repeating them. */
  async function manyCases(cases: number): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-report-many-'));
    const answers = ['I had no money for the deposit.', 'The shelter took me in.', 'Nobody would rent to me.'];
    for (let i = 0; i < cases; i++) {
      const id = `P${String(i + 1).padStart(4, '0')}`;
      writeFileSync(join(dir, `${id}.txt`), `---\nid: ${id}\nspeakers: [I, ${id}]\n---\nI: What made it hard?\n${id}: ${answers[Math.min(i, 2)]}\n`);
    }
    return dir;
  }

  it('leaves the per-case matrix and points to qcode matrix once the cases are too many to draw', async () => {
    const dir = await manyCases(MATRIX_MAX_CASES + 1);
    try {
      const html = reportHtml(await runReport({ inputs: [dir], codebook: `${F}/codebook.yaml` }), '1.2.3');
      expect(html).not.toContain('id="fig-matrix"');
      expect(html).toContain(`${MATRIX_MAX_CASES + 1} cases are more than a page can show`);
      expect(html).toContain(`<th scope="row">barrier.housing</th><td class="num">${MATRIX_MAX_CASES}/${MATRIX_MAX_CASES + 1}</td>`);
      // The saturation chart keeps a page's width; its table lists the transcripts that showed something new.
      const chart = /<svg [^>]* width="(\d+)"[^>]*aria-labelledby="fig-saturation-svg-title/.exec(html);
      expect(Number(chart![1])).toBeLessThanOrEqual(800);
      expect(html).toContain(`The 2 of ${MATRIX_MAX_CASES + 1} transcripts that showed a code for the first time`);
      expect(html.length).toBeLessThan(200_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a few cases keep their matrix and a point per transcript', async () => {
    const html = reportHtml(await runReport(h1), '1.2.3');
    expect(html).toContain('id="fig-matrix"');
    expect(html).not.toContain('more than a page can show');
  });

  it('draws a heatmap of any size without running out of stack', () => {
    // 200,000 cells: spread into Math.max's arguments, as many values overflowed the stack.
    const columns = Array.from({ length: 5_000 }, (_, i) => `case${i}`);
    const rows = Array.from({ length: 40 }, (_, i) => ({ label: `code${i}`, depth: 0 }));
    const values = rows.map((_, i) => columns.map((_, j) => (i * j) % 7));
    expect(heatmap('big', { rows, columns, values }, 'big', 'big')).toContain('<svg');
  });
});
