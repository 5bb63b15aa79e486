// What only a real process shows: the launcher's exit status and a qcode.yaml found in
// the folder the command starts in (colour from the environment: suite-streams.test.ts).
// Everything else about the commands runs in-process (test/cli/commands.test.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qcode } from './run.js';


describe('the qcode process', () => {
  it('exits with the status main returns: 2 for an unknown command, 0 for --version', () => {
    // What each command returns is tested in-process; this is the launcher passing it on.
    expect(qcode(['nonsense']).code).toBe(2);
    expect(qcode(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('reads the qcode.yaml of the folder it starts in, and names a typo in it with its place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-'));
    writeFileSync(join(dir, 'qcode.yaml'), 'codebok: x.yaml\n');
    const bad = qcode(['freq'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('qcode: error: qcode.yaml:1:1: unknown key "codebok" in qcode.yaml (did you mean "codebook"?)\n');
  });
});
