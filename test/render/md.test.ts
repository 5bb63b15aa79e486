import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/md.js';

const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('Markdown tables', () => {
  const md = renderMarkdown({
    title: 'Quotes\u001b[2J',
    columns: [{ header: 'speaker' }, { header: 'text' }, { header: 'n', align: 'right' }],
    rows: [['\u001b[31mDana\u001b[0m', 'one | two\nthree\r\nfour\\five\u0007\u0000\u009b', '3']],
    notes: ['a note\nwith a break'],
  });
  const tableRows = md.split('\n').filter((l) => l.startsWith('|'));

  it('never passes control characters from the inputs', () => {
    expect(md).not.toMatch(CONTROLS);
    expect(md).toContain('␛[31mDana␛[0m');
    expect(md).toContain('## Quotes␛[2J');
  });

  it('keeps each row on one line, with its pipes escaped and its line breaks as <br>', () => {
    expect(tableRows).toHaveLength(3);
    expect(tableRows[2]).toBe('| ␛[31mDana␛[0m | one \\| two<br>three<br>four\\\\five␇␀␦ | 3 |');
    expect(tableRows.every((r) => r.split(/(?<!\\)\|/).length === 5)).toBe(true);
    expect(md).toContain('- a note with a break');
  });

  it('keeps every character of long text (only the terminal table shortens)', () => {
    const long = 'word '.repeat(100).trim();
    const out = renderMarkdown({ columns: [{ header: 'text', flex: true }], rows: [[long]] });
    expect(out).toContain(long);
  });
});
