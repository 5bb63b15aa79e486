import { beforeAll, describe, expect, it } from 'vitest';
import type { TableModel } from '../../src/render/model.js';
import { renderTable } from '../../src/render/table.js';
import { displayWidth, truncate, prepareWidths } from '../../src/render/text.js';

// Terminal tables measure wide characters with string-width, loaded on demand.
beforeAll(prepareWidths);

// What a transcript could smuggle into a label: colour, a window title, a bell, a
// backspace that hides text, NUL, DEL and a C1 CSI.
const HOSTILE_SPEAKER = '\u001b[31mDana\u001b[0m\u001b]0;owned\u0007\b\u0000\u007f\u009b2J';
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const lines = (s: string): string[] => s.replace(/\n$/, '').split('\n');

function coded(rows: string[][]): TableModel {
  return {
    title: 'Codings',
    columns: [{ header: 'segment' }, { header: 'speaker' }, { header: 'code' }, { header: 'evidence', flex: true }],
    rows,
  };
}

describe('terminal tables never pass control characters from the inputs', () => {
  it('shows an escape sequence in a speaker label as symbols, not as an effect', () => {
    const out = renderTable(coded([['P01:1', HOSTILE_SPEAKER, 'barrier.housing', 'nowhere to stay']]), { color: false });
    expect(out).not.toMatch(CONTROLS);
    expect(out).toContain('␛[31mDana␛[0m');
    expect(out).toContain('␇');
    expect(out).toContain('␈');
    expect(out).toContain('␀');
  });

  it('keeps its own colour codes while neutralising the input\'s', () => {
    const out = renderTable({ ...coded([['P01:1', HOSTILE_SPEAKER, '\u001b[1mcode', 'x']]), title: 'T\u001b[2J' }, { color: true });
    expect(out).toContain('\u001b[1m'); // qcode's bold header
    expect(out).not.toContain('\u001b[31m');
    expect(out).not.toContain('\u001b[2J');
    expect(out.replace(/\u001b\[(1|2|22)m/g, '')).not.toMatch(CONTROLS);
  });

  it('keeps every row on one line when a cell holds line breaks or tabs', () => {
    const out = renderTable(coded([['P01:1', 'P01', 'code\nwith\r\nbreaks', 'a\tb\u2028c']]), { color: false });
    expect(lines(out)).toHaveLength(5); // title, blank, header, rule, one row
  });
});

describe('terminal widths', () => {
  it('counts columns, not code units: wide two, combining marks none, table drawing one', () => {
    expect(displayWidth('Rosa: a…─█→')).toBe(11);
    expect(displayWidth('住房')).toBe(4);
    expect(displayWidth('🙂 ok')).toBe(5);
    expect(displayWidth('Jose\u0301')).toBe(4);
    expect(displayWidth('\u00AD')).toBe(0);
  });
  it('aligns wide characters and emoji by their display width', () => {
    const out = renderTable({ columns: [{ header: 'speaker' }, { header: 'n', align: 'right' }], rows: [['王芳', '1'], ['👩‍👩‍👧 family', '2'], ['Ana', '3']] }, { color: false });
    const widths = lines(out).slice(2).map(displayWidth);
    expect(new Set(widths).size).toBe(1);
  });

  it('fits an 80-column terminal: free text shares what is left, cut with …', () => {
    const long = 'I could not stay at my sister\'s place because her lease said no guests, and the shelter had a waiting list of six weeks';
    const out = renderTable(coded([['P01:12', 'P01', 'barrier.housing', long]]), { color: false, width: 80 });
    for (const l of lines(out)) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(out).toContain('…');
    expect(out).toContain('I could not stay');
  });

  it('leaves free text out, and says so, when the other columns leave it too little room', () => {
    const code = 'service.legal.immigration.t-visa.certification';
    const out = renderTable(coded([['P01:12', 'Advocate (program lead)', code, 'some evidence']]), { color: false, width: 80 });
    for (const l of lines(out)) if (!l.startsWith('(')) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(out).not.toContain('some evidence');
    expect(out).toContain('evidence left out to fit 80 columns');
    expect(out).toContain(code);
  });

  it('shortens the widest text column, never a number, when no free text is left to drop', () => {
    const label = 'A very long label that a codebook author wrote for a code that explains itself at length';
    const model: TableModel = { columns: [{ header: 'code' }, { header: 'label' }, { header: 'segments', align: 'right' }], rows: [['barrier', label, '123456']] };
    const out = renderTable(model, { color: false, width: 60 });
    for (const l of lines(out)) expect(displayWidth(l)).toBeLessThanOrEqual(60);
    expect(out).toContain('123456');
    expect(out).toContain('…');
  });

  it('cuts free text at 72 columns when the width is unknown (not a terminal)', () => {
    const out = renderTable(coded([['P01:1', 'P01', 'c', 'x'.repeat(200)]]), { color: false });
    const row = lines(out).at(-1)!;
    expect(row.endsWith(`${'x'.repeat(71)}…`)).toBe(true);
  });

  it('truncate never splits an emoji sequence or a wide character', () => {
    expect(truncate('ab👩‍👩‍👧cd', 4)).toBe('ab…');
    expect(truncate('王芳王芳', 5)).toBe('王芳…');
    expect(displayWidth(truncate('王芳王芳', 5))).toBeLessThanOrEqual(5);
    expect(truncate('short', 10)).toBe('short');
  });
});

describe('a table with no rows', () => {
  it('is its title and notes, without a header over nothing', () => {
    const out = renderTable({ ...coded([]), notes: ['no segment was coded'] }, { color: false });
    expect(lines(out)).toEqual(['Codings', '', 'no segment was coded']);
  });
});
