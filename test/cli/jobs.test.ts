// --jobs: the coding pass on worker threads gives the same bytes as on one thread (the
// command run in-process; its workers are real threads running the built pass).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qcode } from './run.js';

describe('qcode code --jobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qcode-jobs-'));
  const study = readFileSync('fixtures/survivors/P03.txt', 'utf8');
  for (let i = 0; i < 6; i++) writeFileSync(join(dir, `T${String(i).padStart(2, '0')}.txt`), study.replace(/^id: P03$/m, `id: T${i}`));

  it('writes byte-identical codings with 1 and 2 threads, in input order', async () => {
    const args = ['code', dir, '--codebook', 'codebooks/exit-barriers.yaml', '--format', 'csv'];
    const one = await qcode([...args, '--jobs', '1']);
    const two = await qcode([...args, '--jobs', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(one.stdout.split('\n').length).toBeGreaterThan(6);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  it('reports an input error from a worker as a plain error at its place', async () => {
    writeFileSync(join(dir, 'T99.txt'), 'I: only questions?\nI: still?\n');
    const r = await qcode(['freq', dir, '--codebook', 'test/fixtures/codebooks/small.yaml', '--jobs', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/T99\.txt: no participant words in transcript "T99"/);
    expect(r.stderr).not.toMatch(/at .*\.js/);
  });
});
