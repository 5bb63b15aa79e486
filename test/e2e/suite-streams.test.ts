// Colour is decided by the CLI from its environment at start-up, so it is checked on
// the built CLI. Each case is run both ways, so a check that could
// never fail (no colour or no warning to begin with) fails instead.
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
