// check, codebook diff and init through the built CLI: exit codes, streams, and the
// git:REV:PATH form read from the folder the command runs in.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { json, qcode } from '../e2e/run.js';
import { copyStudy, stripCode } from './study.js';

// Each run spawns the CLI; several per test on a busy machine take their time.
vi.setConfig({ testTimeout: 240_000 });

describe('qcode check through the CLI', () => {
  it('exits 0 on the shipped study', () => {
    const r = qcode(['check', '--no-color']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^qcode check passed/);
    expect(r.stderr).toBe('');
  });

  it('exits 1 and names the code whose rules and examples were removed, in every format', () => {
    const dir = copyStudy();
    stripCode(join(dir, 'codebooks/exit-barriers.yaml'), 'barrier.children');
    const table = qcode(['check', '--no-color'], { cwd: dir });
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/FAILED — 1 code failing: barrier\.children/);
    expect(table.stdout).toMatch(/^barrier\.children .* FAIL /m);
    const md = qcode(['check', '--format', 'md'], { cwd: dir });
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/^<!-- qcode check -->\n### ❌ qcode check FAILED/);
    const doc = json<{ passed: boolean; failing: string[] }>(qcode(['check', '--format', 'json'], { cwd: dir }));
    expect(doc).toMatchObject({ passed: false, failing: ['barrier.children'] });
  });

  it('--update writes the snapshot and prints what changed; the next check passes the snapshot', () => {
    const dir = copyStudy();
    stripCode(join(dir, 'codebooks/exit-barriers.yaml'), 'barrier.children');
    const r = qcode(['check', '--update', '--no-color'], { cwd: dir });
    expect(r.stdout).toMatch(/Updated the snapshot fixtures\/expected-freq\.json: 1 code changed/);
    expect(r.stdout).toMatch(/barrier\.children\s+5 → 0\s+4 → 0\s+moved/);
    expect(readFileSync(join(dir, 'fixtures/expected-freq.json'), 'utf8')).toContain('{ "code": "barrier.children", "segments": 0, "cases": 0 }');
  });
});

describe('qcode codebook diff through the CLI', () => {
  it('reads OLD from git:HEAD~1:PATH in the current repository and reports the lost segments', () => {
    const dir = copyStudy();
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'study as shipped');
    stripCode(join(dir, 'codebooks/exit-barriers.yaml'), 'barrier.children');
    git('commit', '-q', '-am', 'retire the children rules');
    const r = qcode(['codebook', 'diff', 'git:HEAD~1:codebooks/exit-barriers.yaml', 'codebooks/exit-barriers.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const doc = json<{ qcode: string; added: string[]; removed: string[]; moved: unknown[]; changed: { code: string; fields: string[] }[]; effect: { code: string; gained: string[]; lost: string[]; before: number; after: number; kappa: number | null }[] }>(r);
    expect(doc.changed).toEqual([{ code: 'barrier.children', fields: ['examples', 'match'] }]);
    expect(doc.effect.find((e) => e.code === 'barrier.children')).toMatchObject({ before: 5, after: 0, gained: [], lost: ['P01:10', 'P02:20', 'P04:16', 'P06:9', 'P06:17'], kappa: 0 });
    // NEW defaults to the config's codebook; md is a comment.
    const md = qcode(['codebook', 'diff', 'git:HEAD~1:codebooks/exit-barriers.yaml', '--format', 'md'], { cwd: dir });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^<!-- qcode codebook diff -->/);
    expect(md.stdout).toContain('➖ lost `P02:20`');
  });

  it('a malformed git: spec is a usage error (exit 2) that shows the form', () => {
    const r = qcode(['codebook', 'diff', 'git:HEAD', 'codebooks/exit-barriers.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not git:REV:PATH/);
  });
});

describe('qcode init through the CLI', () => {
  it('makes a study whose qcode check passes; a second init exits 2 naming the files', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'qcode-init-cli-')), 'study');
    const init = qcode(['init', dir]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('.github/workflows/qcode.yml');
    const check = qcode(['check', '--no-color'], { cwd: dir });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stderr).toBe('');
    const again = qcode(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/these exist already in .*qcode\.yaml, codebooks\/codebook\.yaml, transcripts\/A01\.txt/);
  });
});
