// The sheet and import commands run in this process (the CLI tests spawn the built
// one): options to runs, files written, the import's CSV and JSON views.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'qcode-sheet-inproc-'));
const run = async (...args: string[]) => (await buildProgram(undefined, ['node', 'qcode', ...args])).parseAsync(['node', 'qcode', ...args]);

describe('qcode sheet / import sheet, in process', () => {
  it('a prefilled csv sheet and a workbook, imported together as two coders', async () => {
    await run('sheet', 'fixtures/survivors/P01.txt', '--prefill', '--coder', 'auto-review', '--out', join(dir, 'pre.csv'), '--quiet');
    await run('sheet', 'fixtures/survivors/P01.txt', '--coder', 'cy', '--out', join(dir, 'cy.xlsx'), '--quiet');
    const pre = readFileSync(join(dir, 'pre.csv'), 'utf8');
    expect(pre.split('\n')[2]).toMatch(/^P01,P01:4,P01,,/);
    expect(pre.split('\n')[2]).toContain(',1,');
    await run('import', 'sheet', join(dir, 'pre.csv'), join(dir, 'cy.xlsx'), '--out', join(dir, 'both.json'), '--quiet', '--transcripts', 'fixtures/survivors/P01.txt');
    const doc = JSON.parse(readFileSync(join(dir, 'both.json'), 'utf8')) as { coders: string[]; codings: { coder: string; code: string }[] };
    expect(doc.coders).toEqual(['pre', 'cy']);
    expect(doc.codings.filter((c) => c.coder === 'pre' && c.code !== '').length).toBeGreaterThan(5);
    expect(doc.codings.filter((c) => c.coder === 'cy' && c.code !== '')).toEqual([]);
  }, 60_000);

  it('--coder with several sheets is refused', async () => {
    await expect(run('import', 'sheet', 'a.xlsx', 'b.xlsx', '--coder', 'x', '--out', join(dir, 'n.csv'))).rejects.toThrow('--coder names the coder of one sheet');
  });
});
