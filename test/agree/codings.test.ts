import { describe, expect, it } from 'vitest';
import { QcodeError, formatPlace } from '../../src/core/errors.js';
import { parseCodings } from '../../src/io/codings.js';

function err(f: () => unknown): QcodeError {
  try {
    f();
  } catch (e) {
    if (e instanceof QcodeError) return e;
    throw e;
  }
  throw new Error('expected a QcodeError');
}

describe('codings CSV reader', () => {
  it('needs only segment and code; coder from --coder, else the file name', () => {
    const text = 'segment,code\nP03:2,barrier.housing\nP03:4.p2,\n';
    const a = parseCodings(text, 'dir/alice.csv');
    expect(a.map((c) => [c.transcript, c.segment, c.code, c.coder])).toEqual([
      ['P03', 'P03:2', 'barrier.housing', 'alice'],
      ['P03', 'P03:4.p2', '', 'alice'],
    ]);
    expect(parseCodings(text, 'dir/alice.csv', { coder: 'bo' })[0]!.coder).toBe('bo');
  });
  it('a coder column wins; empty cells fall back', () => {
    const rows = parseCodings('segment,code,coder\nA:1,x,kim\nA:2,x,\n', 'f.csv', { coder: 'lee' });
    expect(rows.map((r) => r.coder)).toEqual(['kim', 'lee']);
  });
  it('reads the full coded table with quoted fields, CRLF-free text and places', () => {
    const text = 'transcript,segment,speaker,code,coder,start,end,evidence\nP03,P03:2,P03,barrier.financial,auto,3,48,"no money|debt"\n';
    const [c] = parseCodings(text, 'coded.csv');
    expect(c).toMatchObject({ transcript: 'P03', speaker: 'P03', start: 3, end: 48, coder: 'auto', place: { file: 'coded.csv', line: 2, col: 1 } });
  });
  it('missing required column → error at file:1:1', () => {
    const e = err(() => parseCodings('segment,coder\nA:1,x\n', 'h.csv'));
    expect(formatPlace(e.place)).toBe('h.csv:1:1');
    expect(e.message).toMatch(/code/);
  });
  it('an empty segment id → error at its line and column; an id not of the TRANSCRIPT:N form is a unit named by itself', () => {
    const e = err(() => parseCodings('code,segment\nx,A:1\nx, \n', 'b.csv'));
    expect(formatPlace(e.place)).toBe('b.csv:3:3');
    const rows = parseCodings('code,segment\nx,u7\nx,doc 2:u3\n', 'b.csv');
    expect(rows.map((r) => [r.segment, r.transcript])).toEqual([['u7', 'u7'], ['doc 2:u3', 'doc 2']]);
  });
  it('counts lines across quoted line breaks and blank lines', () => {
    const e = err(() => parseCodings('segment,code,memo\nA:1,x,"two\nlines"\n\n,x,\n', 'm.csv'));
    expect(formatPlace(e.place)).toBe('m.csv:5:1');
  });
  it('transcript column must agree with the segment id; offsets must be numbers', () => {
    expect(err(() => parseCodings('transcript,segment,code\nP01,P03:1,x\n', 't.csv')).message).toMatch(/does not match/);
    expect(formatPlace(err(() => parseCodings('segment,code,start\nA:1,x,abc\n', 's.csv')).place)).toBe('s.csv:2:7');
  });
});
