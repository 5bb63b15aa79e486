// What qcode writes as CSV, qcode reads back as it was: the `'` that keeps a spreadsheet
// from running a cell as a formula comes off again.
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../src/core/types.js';
import { parseCodings } from '../../src/io/codings.js';
import { codingsCsv } from '../../src/render/codings.js';

describe('codings CSV round trip', () => {
  it('a speaker label that looks like a formula is escaped on the way out and restored on the way in', () => {
    const coding: Coding = {
      transcript: 'Z1', segment: 'Z1:2', speaker: '+1 415 555 0123', code: 'barrier.housing', coder: '=auto',
      start: 10, end: 40, evidence: [{ start: 12, end: 20, term: 'rent', text: '-rent-' }],
    };
    const csv = codingsCsv([coding]);
    expect(csv).toContain(",'+1 415 555 0123,");
    expect(csv).toContain(",'=auto,");
    const [back] = parseCodings(csv, 'c.csv');
    expect(back).toMatchObject({ speaker: '+1 415 555 0123', coder: '=auto', segment: 'Z1:2', start: 10, end: 40 });
  });

  it("a cell that merely starts with ' is left alone", () => {
    const [back] = parseCodings("segment,code,speaker\nA:1,x,'Tis\n", 'c.csv');
    expect(back!.speaker).toBe("'Tis");
  });
});
