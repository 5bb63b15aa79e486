// check and init as commands, run in-process: exit codes, what goes to stdout and
// stderr, every format. (codebook diff's git:REV:PATH, read from the repository the
// command starts in, is spawned in test/e2e/diff.test.ts.)
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, qcode } from '../cli/run.js';
import { rulesOnlyStudy, stripCode } from './study.js';


describe('qcode check', () => {
  it('exits 0 on the shipped study', async () => {
    const r = await qcode(['check', '--no-color']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^qcode check passed/);
    expect(r.stderr).toBe('');
  });

  it('exits 1 and names the code whose rules and examples were removed, in every format', async () => {
    const dir = await rulesOnlyStudy();
    stripCode(join(dir, 'codebooks/exit-barriers.yaml'), 'barrier.children');
    const table = await qcode(['check', '--no-color', '--config', join(dir, 'qcode.yaml')]);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/FAILED — 1 code failing: barrier\.children/);
    expect(table.stdout).toMatch(/^barrier\.children .* FAIL /m);
    const md = await qcode(['check', '--format', 'md', '--config', join(dir, 'qcode.yaml')]);
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/^<!-- qcode check -->\n### ❌ qcode check FAILED/);
    const doc = json<{ passed: boolean; failing: string[] }>(await qcode(['check', '--format', 'json', '--config', join(dir, 'qcode.yaml')]));
    expect(doc).toMatchObject({ passed: false, failing: ['barrier.children'] });
  });

  it('--update writes the snapshot and prints what changed; the next check passes the snapshot', async () => {
    const dir = await rulesOnlyStudy();
    stripCode(join(dir, 'codebooks/exit-barriers.yaml'), 'barrier.children');
    const r = await qcode(['check', '--update', '--no-color', '--config', join(dir, 'qcode.yaml')]);
    expect(r.stdout).toMatch(/Updated the snapshot \S*fixtures\/expected-freq\.json: 1 code changed/);
    expect(r.stdout).toMatch(/barrier\.children\s+5 → 0\s+4 → 0\s+moved/);
    expect(readFileSync(join(dir, 'fixtures/expected-freq.json'), 'utf8')).toContain('{ "code": "barrier.children", "segments": 0, "cases": 0 }');
  });
});

describe('qcode init', () => {
  it('makes a study whose qcode check passes; a second init exits 2 naming the files', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'qcode-init-cli-')), 'study');
    const init = await qcode(['init', dir]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('.github/workflows/qcode.yml');
    const check = await qcode(['check', '--no-color', '--config', join(dir, 'qcode.yaml')]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stderr).toBe('');
    const again = await qcode(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/these exist already in .*qcode\.yaml, codebooks\/codebook\.yaml, transcripts\/A01\.txt/);
  });
});

describe('qcode codebook diff', () => {
  it('a malformed git: spec is a usage error (exit 2) that shows the form', async () => {
    const r = await qcode(['codebook', 'diff', 'git:HEAD', 'codebooks/exit-barriers.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not git:REV:PATH/);
  });
});
