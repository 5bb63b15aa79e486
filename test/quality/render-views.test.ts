// The writers every command's output passes through (Markdown, terminal table) and the
// frequency views, checked on small known inputs: what a reader of the output would see.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FreqReport } from '../../src/core/aggregate/freq.js';
import { freqCsv, freqTable } from '../../src/render/freq.js';
import { renderMarkdown } from '../../src/render/md.js';
import type { TableModel } from '../../src/render/model.js';
import { renderTable } from '../../src/render/table.js';
import { displayWidth, prepareWidths } from '../../src/render/text.js';

// Terminal tables measure wide characters with string-width, loaded on demand.
beforeAll(prepareWidths);

/** The cells of one Markdown table row: split at pipes that are not escaped. */
function mdCells(line: string): string[] {
  return line.slice(2, -2).split(/(?<!\\) \| /);
}

describe('renderMarkdown', () => {
  const model: TableModel = {
    title: 'Codes',
    columns: [{ header: 'code' }, { header: 'a|b' }, { header: 'n', align: 'right' }],
    rows: [
      ['barrier.housing', 'rent | deposit', '3'],
      ['service.shelter', 'C:\\shelters\nwaitlist', '12'],
    ],
    notes: ['one note'],
  };
  const lines = renderMarkdown(model).split('\n');

  it('escapes a pipe in a cell or header, so every row keeps its columns', () => {
    expect(lines).toContain('| code | a\\|b | n |');
    expect(lines).toContain('| barrier.housing | rent \\| deposit | 3 |');
    for (const line of lines.filter((l) => l.startsWith('| '))) expect(mdCells(line)).toHaveLength(3);
  });

  it('escapes a backslash, and a line break in a cell does not end the row', () => {
    const row = lines.find((l) => l.startsWith('| service.shelter'))!;
    expect(mdCells(row)).toHaveLength(3);
    expect(row).toMatch(/^\| service\.shelter \| C:\\\\shelters.*waitlist \| 12 \|$/);
  });

  it('has a title, a delimiter row aligning numbers right, and notes as a list', () => {
    expect(lines.slice(0, 4)).toEqual(['## Codes', '', '| code | a\\|b | n |', '| --- | --- | ---: |']);
    expect(lines.slice(-3)).toEqual(['', '- one note', '']);
  });
});

describe('renderTable: a table fits the terminal', () => {
  const long = 'No landlord would rent to me without a deposit, a reference and a year of pay slips, and I had none of them.';
  const model: TableModel = {
    columns: [{ header: 'segment' }, { header: 'code' }, { header: 'evidence', flex: true }],
    rows: [['P01:12', 'barrier.housing', long], ['P01:13', 'service.shelter', 'short']],
  };
  const rowOf = (out: string, id: string): string => out.split('\n').find((l) => l.startsWith(id))!;
  const widest = (out: string): number => Math.max(...out.split('\n').map(displayWidth));

  it('cuts a long free-text cell to the width left, ending in …, so no line wraps', () => {
    const out = renderTable(model, { color: false, width: 60 });
    const row = rowOf(out, 'P01:12');
    expect(row.endsWith('…')).toBe(true);
    expect(row).toContain('barrier.housing  No landlord would rent');
    expect(row).not.toContain('none of them.');
    expect(widest(out)).toBeLessThanOrEqual(60);
  });

  it('leaves free text out, and says so, when the terminal leaves it too little room', () => {
    const out = renderTable(model, { color: false, width: 40 });
    expect(out).not.toContain('No landlord');
    expect(out).toMatch(/evidence left out to fit 40 columns/);
    expect(rowOf(out, 'P01:12')).toMatch(/^P01:12 +barrier\.housing$/);
  });

  it('cuts free text at 72 columns when the width is unknown (not a terminal), leaving short cells whole', () => {
    const out = renderTable(model, { color: false });
    const row = rowOf(out, 'P01:12');
    expect(displayWidth(row.slice(row.indexOf('No landlord')))).toBe(72);
    expect(row.endsWith('…')).toBe(true);
    expect(rowOf(out, 'P01:13')).toMatch(/^P01:13 +service\.shelter +short$/);
  });

  it('prints a table that fits as it is', () => {
    const out = renderTable(model, { color: false, width: 200 });
    expect(rowOf(out, 'P01:12').endsWith(long)).toBe(true);
  });

  it('never cuts a number, even when the table cannot fit', () => {
    const t: TableModel = { columns: [{ header: 'code' }, { header: 'segments', align: 'right' }], rows: [['barrier.housing.private_rental', '1234567890']] };
    expect(renderTable(t, { color: false, width: 12 })).toContain('1234567890');
  });

  it('aligns columns, numbers to the right, with a rule under the header', () => {
    const t: TableModel = { columns: [{ header: 'code' }, { header: 'n', align: 'right' }], rows: [['a', '7'], ['longer', '12']] };
    expect(renderTable(t, { color: false })).toBe('code     n\n──────  ──\na        7\nlonger  12\n');
  });

  it('colours headers only when asked to', () => {
    const t: TableModel = { title: 'T', columns: [{ header: 'code' }], rows: [['a']], notes: ['n'] };
    expect(renderTable(t, { color: false })).not.toContain('\u001b[');
    expect(renderTable(t, { color: true })).toContain('\u001b[1mcode\u001b[22m');
  });
});

describe('freq views', () => {
  // Segments and cases differ in every cell, so a swapped column shows.
  const report: FreqReport = {
    codebook: { name: 'Exit barriers', version: '1.2.0', sha256: 'x' },
    unit: 'turn',
    transcripts: 7,
    segments: 96,
    by: 'region',
    codes: [
      { code: 'barrier', label: 'Barriers', depth: 0, segments: 14, segment_pct: 14 / 96, cases: 6, case_pct: 6 / 7,
        by: { rural: { segments: 9, cases: 2, case_total: 3 }, urban: { segments: 5, cases: 4, case_total: 4 } } },
      { code: 'barrier.housing', label: 'Housing', depth: 1, segments: 11, segment_pct: 11 / 96, cases: 5, case_pct: 5 / 7,
        by: { rural: { segments: 8, cases: 1, case_total: 3 }, urban: { segments: 3, cases: 4, case_total: 4 } } },
    ],
    notes: [],
  };

  it('--by csv: one row per code and group, with segments, cases and the group\'s case total in that order', () => {
    expect(freqCsv(report).split('\n')).toEqual([
      'code,label,depth,attribute,value,segments,cases,case_total',
      'barrier,Barriers,0,region,rural,9,2,3',
      'barrier,Barriers,0,region,urban,5,4,4',
      'barrier.housing,Housing,1,region,rural,8,1,3',
      'barrier.housing,Housing,1,region,urban,3,4,4',
      '',
    ]);
  });

  it('plain csv: one row per code, segments before cases, shares at full precision', () => {
    const { by: _by, ...plain } = report;
    const rows = freqCsv({ ...plain, codes: plain.codes.map(({ by: _b, ...c }) => c) }).split('\n');
    expect(rows[0]).toBe('code,label,depth,segments,segment_pct,cases,case_pct');
    expect(rows[1]).toBe(`barrier,Barriers,0,14,${14 / 96},6,${6 / 7}`);
    expect(rows).toHaveLength(4);
  });

  it('table: indented codes, cases of total, and one cases/total column per group', () => {
    const t = freqTable(report);
    expect(t.title).toBe('Exit barriers 1.2.0 — 7 transcripts, 96 turn segments');
    expect(t.columns.map((c) => c.header).slice(-2)).toEqual(['region=rural', 'region=urban']);
    expect(t.rows[1]!.slice(0, 6)).toEqual(['  housing', 'Housing', '11', '11.5%', '5/7', '71%']);
    expect(t.rows[1]!.slice(-2)).toEqual(['1/3', '4/4']);
  });
});
