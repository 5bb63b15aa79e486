// Colour and warnings are decided by the CLI from its environment and flags, so they
// are checked on the built CLI. Each case is run both ways, so a check that could
// never fail (no colour or no warning to begin with) fails instead.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qcode } from './run.js';

const FREQ = ['freq', 'fixtures/survivors', '--codebook', 'test/fixtures/codebooks/small.yaml'];
const ESC = '\u001b[';
const strip = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('colour', () => {
  it('FORCE_COLOR=1 colours the table; NO_COLOR=1 or --no-color turn it off even then, and change nothing else', () => {
    const coloured = qcode(FREQ, { env: { FORCE_COLOR: '1' } });
    expect(coloured.code, coloured.stderr).toBe(0);
    expect(coloured.stdout).toContain(ESC);
    const noColor = qcode(FREQ, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain(ESC);
    expect(noColor.stdout).toBe(strip(coloured.stdout));
    const flag = qcode([...FREQ, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(flag.stdout).toBe(noColor.stdout);
  });
});

describe('--quiet', () => {
  it('silences the warnings a run writes to stderr, and changes nothing on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-'));
    const codings = join(dir, 'c.csv');
    // P01:1 is the interviewer's turn: not eligible for coding, so qcode warns about it.
    writeFileSync(codings, 'segment,code\nP01:1,barrier.housing\nP01:2,barrier.housing\n');
    const args = ['code', 'fixtures/survivors', '--codebook', 'test/fixtures/codebooks/small.yaml', '--codings', codings, '--format', 'csv'];
    const loud = qcode(args);
    expect(loud.code, loud.stderr).toBe(0);
    expect(loud.stderr).toMatch(/^qcode: warning: .*P01:1 is not an eligible/m);
    const quiet = qcode([...args, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
  });
});
