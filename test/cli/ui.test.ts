// When the progress spinner may draw: only on a terminal that says how wide it is, and
// not where its frames would only fill a log. (test/e2e/out.test.ts watches it spin on
// a real pseudo-terminal, and a 0-column one end without it.)
import { describe, expect, it } from 'vitest';
import { spinnerCanDraw } from '../../src/cli/ui.js';

const tty = { isTTY: true, columns: 80 };

describe('spinnerCanDraw', () => {
  it('draws on a terminal of known width', () => {
    expect(spinnerCanDraw(tty, { TERM: 'xterm' })).toBe(true);
    expect(spinnerCanDraw(tty, { TERM: 'xterm', CI: 'false' })).toBe(true);
    expect(spinnerCanDraw(tty, { TERM: 'xterm', CI: '' })).toBe(true);
  });
  it('never on a pipe, a terminal of 0 or unknown columns, TERM=dumb or in CI', () => {
    expect(spinnerCanDraw({ isTTY: false, columns: 80 }, {})).toBe(false);
    expect(spinnerCanDraw({ isTTY: true, columns: 0 }, {})).toBe(false);
    expect(spinnerCanDraw({ isTTY: true }, {})).toBe(false);
    expect(spinnerCanDraw(tty, { TERM: 'dumb' })).toBe(false);
    expect(spinnerCanDraw(tty, { CI: 'true' })).toBe(false);
    expect(spinnerCanDraw(tty, { CI: '1' })).toBe(false);
  });
});
