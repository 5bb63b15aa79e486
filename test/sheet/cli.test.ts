// The sheet commands as commands (run in-process): file types by --out, the refusal to write over inputs, exit
// codes, messages on stderr. Run in-process.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qcode } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'qcode-sheet-cli-'));

describe('qcode sheet and import sheet on the command line', () => {
  it('writes a workbook and reads it back as codings: every segment reviewed', async () => {
    const xlsx = join(dir, 'ana.xlsx');
    const made = await qcode(['sheet', '--coder', 'ana', '--out', xlsx]);
    expect(made.code).toBe(0);
    expect(made.stderr).toContain('96 segments × 32 codes, blind');
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const out = join(dir, 'ana.csv');
    const back = await qcode(['import', 'sheet', xlsx, '--out', out]);
    expect(back.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[1]).toBe('P01,P01:2,P01,,ana');
    expect(csv.split('\n').length - 2).toBe(96); // every segment reviewed, none coded
  }, 120_000);

  it('prints the CSV sheet without --out; refuses other extensions and its own inputs', async () => {
    const csv = await qcode(['sheet', 'fixtures/survivors/P01.txt']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^case,segment,speaker,time,question,text,barrier\.financial,.*,memo$/);
    expect((await qcode(['sheet', '--out', join(dir, 'x.ods')])).stderr).toContain('name a .xlsx workbook or a .csv file');
    const own = await qcode(['sheet', '--out', 'codebooks/exit-barriers.yaml', '--format', 'csv']);
    expect(own.code).toBe(2);
    expect(own.stderr).toContain('this command reads');
  }, 120_000);

  it('a sheet with a stray value exits 2 naming the cell', async () => {
    const csvSheet = join(dir, 'bad.csv');
    const made = await qcode(['sheet', 'fixtures/survivors/P01.txt', '--out', csvSheet]);
    expect(made.code).toBe(0);
    const lines = readFileSync(csvSheet, 'utf8').split('\n');
    lines[1] = lines[1]!.replace(/,,,/, ',,2,'); // a "2" in the first code columns of row 2
    const bad = join(dir, 'bad2.csv');
    writeFileSync(bad, lines.join('\n'));
    const r = await qcode(['import', 'sheet', bad, '--out', join(dir, 'never.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad2.csv: Coding!H2: "2" is not a mark for barrier.housing');
    expect(existsSync(join(dir, 'never.csv'))).toBe(false);
  }, 120_000);
});
