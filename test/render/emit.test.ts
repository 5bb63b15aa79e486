// emit: which renderer a command's views go through, and where the result lands.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emit, formatForPath, useColor, type Views } from '../../src/cli/emit.js';

const views: Views = {
  tables: () => [{ title: 'Codes', columns: [{ header: 'code' }, { header: 'n', align: 'right' }], rows: [['=barrier', '3'], ['service', '1']] }],
  csv: () => 'code,n\n\'=barrier,3\nservice,1\n',
  json: () => ({ codes: [{ code: '=barrier', n: 3 }] }),
};

function captureStderr(): { text: () => string } {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return { text: () => text };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('emit --out', () => {
  it('picks the format from the extension, and says what it wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-emit-'));
    const err = captureStderr();
    for (const name of ['f.csv', 'f.json', 'f.md', 'f.txt']) await emit(views, { out: join(dir, name), color: true, reads: [] });
    expect(readFileSync(join(dir, 'f.csv'), 'utf8')).toBe(views.csv());
    expect(JSON.parse(readFileSync(join(dir, 'f.json'), 'utf8'))).toEqual(views.json());
    expect(readFileSync(join(dir, 'f.md'), 'utf8')).toContain('| =barrier | 3 |');
    expect(readFileSync(join(dir, 'f.txt'), 'utf8')).toContain('────');
    expect(readFileSync(join(dir, 'f.txt'), 'utf8')).not.toContain('\u001b[');
    const lines = err.text().trim().split('\n');
    expect(lines[0]).toBe(`qcode: wrote ${join(dir, 'f.csv')} (2 rows)`);
    expect(lines[1]).toMatch(/^qcode: wrote .*f\.json \(\d+ bytes\)$/);
    expect(lines).toHaveLength(4);
  });

  it('an explicit --format wins over the extension; --quiet says nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-emit-'));
    const err = captureStderr();
    await emit(views, { out: join(dir, 'f.csv'), format: 'json', color: false, quiet: true, reads: [] });
    expect(JSON.parse(readFileSync(join(dir, 'f.csv'), 'utf8'))).toEqual(views.json());
    expect(err.text()).toBe('');
  });

  it('refuses a path the command reads before rendering anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-emit-'));
    const input = join(dir, 'P01.txt');
    writeFileSync(input, 'P01: my words\n');
    const rendered = vi.fn(() => 'x');
    await expect(emit({ ...views, csv: rendered }, { out: input, color: false, reads: [input] })).rejects.toThrow(/this command reads/);
    expect(rendered).not.toHaveBeenCalled();
    expect(readFileSync(input, 'utf8')).toBe('P01: my words\n');
  });

  it('maps the extension to a format', () => {
    expect(['a.csv', 'a.JSON', 'a.md', 'a.markdown', 'a.txt', 'noext'].map(formatForPath)).toEqual(['csv', 'json', 'md', 'md', 'table', 'table']);
  });
});

describe('useColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it('is on for a terminal, off for a pipe, unless FORCE_COLOR says otherwise', () => {
    vi.stubEnv('NO_COLOR', '');
    vi.stubEnv('FORCE_COLOR', undefined as unknown as string);
    vi.stubEnv('TERM', 'xterm');
    vi.stubEnv('CI', undefined as unknown as string);
    expect(useColor({ color: true }, tty)).toBe(true);
    expect(useColor({ color: true }, pipe)).toBe(false);
    vi.stubEnv('FORCE_COLOR', '1');
    expect(useColor({ color: true }, pipe)).toBe(true);
    vi.stubEnv('FORCE_COLOR', '0');
    expect(useColor({ color: true }, tty)).toBe(false);
  });
  it('is never on with NO_COLOR, --no-color or --out', () => {
    vi.stubEnv('FORCE_COLOR', '1');
    vi.stubEnv('NO_COLOR', '1');
    expect(useColor({ color: true }, tty)).toBe(false);
    vi.stubEnv('NO_COLOR', '');
    expect(useColor({ color: false }, tty)).toBe(false);
    expect(useColor({ color: true, out: 'x.txt' }, tty)).toBe(false);
  });
});
