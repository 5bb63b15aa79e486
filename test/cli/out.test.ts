// --out as a researcher meets it: it refuses every path the command reads (exit 2,
// nothing touched), keeps the permissions of a file it replaces, says what it wrote, and
// takes its format from the extension. Run in-process from the study's folder; what needs a
// process (signals, a full or closed stdout, colour) is in test/e2e/out.test.ts.
import {
  chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallStudyCopy } from '../check/study.js';
import { qcode } from './run.js';

const FREQ = ['freq', 'interviews', '--codebook', 'book.yaml'];

async function refused(dir: string, args: string[], target: string): Promise<string> {
  const before = existsSync(join(dir, target)) && statSync(join(dir, target)).isFile() ? readFileSync(join(dir, target)) : null;
  const r = await qcode(args, { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(r.stderr).toMatch(/^qcode: error: .*--out /);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  if (before) expect(readFileSync(join(dir, target))).toEqual(before);
  return r.stderr;
}

describe('--out refuses to write over what the command reads (exit 2, nothing touched)', () => {
  const dir = smallStudyCopy();

  it('an input file', async () => {
    expect(await refused(dir, ['freq', 'interviews/P01.txt', '--codebook', 'book.yaml', '--out', 'interviews/P01.txt'], 'interviews/P01.txt')).toContain('reads');
  });
  it('a file inside an input folder', async () => {
    await refused(dir, [...FREQ, '--out', 'interviews/P02.txt'], 'interviews/P02.txt');
    await refused(dir, [...FREQ, '--out', 'interviews/freq.csv'], 'interviews/freq.csv');
    expect(existsSync(join(dir, 'interviews/freq.csv'))).toBe(false);
  });
  it('a symlink to an input', async () => {
    symlinkSync(join(dir, 'interviews/P03.txt'), join(dir, 'latest.txt'));
    expect(await refused(dir, ['freq', 'interviews/P03.txt', '--codebook', 'book.yaml', '--out', 'latest.txt'], 'interviews/P03.txt')).toContain('leads to');
  });
  it('the codebook', async () => {
    await refused(dir, [...FREQ, '--out', 'book.yaml'], 'book.yaml');
  });
  it('the codings file', async () => {
    // --quiet: the gold file codes more than the small codebook has, and says so.
    await refused(dir, [...FREQ, '--codings', 'gold.csv', '--quiet', '--out', 'gold.csv'], 'gold.csv');
  });
  it('the attribute sheet', async () => {
    await refused(dir, [...FREQ, '--attributes', 'attrs.csv', '--out', 'attrs.csv'], 'attrs.csv');
  });
  it('the config', async () => {
    const cfg = mkdtempSync(join(tmpdir(), 'qcode-e2e-cfg-'));
    cpSync(dir, cfg, { recursive: true });
    writeFileSync(join(cfg, 'qcode.yaml'), 'codebook: book.yaml\ntranscripts: [interviews]\n');
    await refused(cfg, ['freq', '--out', 'qcode.yaml'], 'qcode.yaml');
  });
  it('the gold coding the config names, though freq does not read it (people\'s work, not a table\'s place)', async () => {
    const cfg = mkdtempSync(join(tmpdir(), 'qcode-e2e-gold-'));
    cpSync(dir, cfg, { recursive: true });
    writeFileSync(join(cfg, 'qcode.yaml'), 'codebook: book.yaml\ntranscripts: [interviews]\ncheck:\n  gold: gold.csv\n');
    await refused(cfg, ['freq', '--out', 'gold.csv'], 'gold.csv');
  });
  it('a folder', async () => {
    mkdirSync(join(dir, 'results'), { recursive: true });
    expect(await refused(dir, [...FREQ, '--out', 'results'], 'results')).toContain('leave --out out to write to stdout');
  });
  it('a device', async () => {
    expect(await refused(dir, [...FREQ, '--out', '/dev/null'], 'book.yaml')).toContain('not a regular file');
  });
});

describe('--out writes', () => {
  it('keeps the permissions of the file it replaces', async () => {
    const dir = smallStudyCopy();
    writeFileSync(join(dir, 'freq.csv'), 'old\n');
    chmodSync(join(dir, 'freq.csv'), 0o640);
    expect((await qcode([...FREQ, '--out', 'freq.csv'], { cwd: dir })).code).toBe(0);
    expect(statSync(join(dir, 'freq.csv')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(dir, 'freq.csv'), 'utf8')).toMatch(/^code,label,/);
  });

  it('says on stderr what it wrote, unless --quiet', async () => {
    const dir = smallStudyCopy();
    const codes = (JSON.parse((await qcode([...FREQ, '--format', 'json'], { cwd: dir })).stdout) as { codes: unknown[] }).codes.length;
    const csv = await qcode([...FREQ, '--out', 'freq.csv'], { cwd: dir });
    expect(csv.stdout).toBe('');
    expect(csv.stderr).toBe(`qcode: wrote freq.csv (${codes} rows)\n`);
    const json = await qcode([...FREQ, '--out', 'freq.json'], { cwd: dir });
    expect(json.stderr).toBe(`qcode: wrote freq.json (${statSync(join(dir, 'freq.json')).size} bytes)\n`);
    expect((await qcode([...FREQ, '--out', 'quiet.csv', '--quiet'], { cwd: dir })).stderr).toBe('');
  });

  it('follows the extension unless --format is given; stdout stays a table', async () => {
    const dir = smallStudyCopy();
    for (const f of ['f.csv', 'f.json', 'f.md', 'f.txt', 'forced.csv']) {
      const extra = f === 'forced.csv' ? ['--format', 'json'] : [];
      expect((await qcode([...FREQ, '--out', f, ...extra], { cwd: dir })).code).toBe(0);
    }
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    expect(read('f.csv')).toMatch(/^code,label,depth,/);
    expect(() => JSON.parse(read('f.json'))).not.toThrow();
    expect(read('f.md')).toMatch(/^\| code \| label \|/m);
    expect(read('f.txt')).toContain('────');
    expect(JSON.parse(read('forced.csv'))).toHaveProperty('codes');
    expect((await qcode(FREQ, { cwd: dir })).stdout).toContain('────');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
