// codebook diff reads OLD from git:REV:PATH in the repository the command starts in:
// only a process started there shows that. The rest of diff runs in-process
// (test/check/diff.test.ts).
import { describe, expect, it } from 'vitest';
import { studyInGitWithChildrenRetired } from '../check/study.js';
import { qcode } from './run.js';

describe('qcode codebook diff in a git repository', { timeout: 120_000 }, () => {
  it('reads OLD from git:HEAD~1:PATH in the current repository and reports the lost segments', () => {
    const { dir } = studyInGitWithChildrenRetired();
    // NEW defaults to the codebook of the qcode.yaml where it starts; md is a comment.
    const md = qcode(['codebook', 'diff', 'git:HEAD~1:codebooks/exit-barriers.yaml', '--format', 'md'], { cwd: dir });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^<!-- qcode codebook diff -->/);
    expect(md.stdout).toContain('➖ lost `P02:20`');
  });
});
