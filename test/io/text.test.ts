import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { decodeText } from '../../src/io/file.js';
import { readTextTranscript } from '../../src/io/text.js';
import { cpSlice, tempFiles } from './helpers.js';

const interviewers = [...DEFAULT_INTERVIEWERS];

async function expectError(p: Promise<unknown>, place: object, message: RegExp): Promise<void> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(QcodeError);
  expect((e as QcodeError).place).toEqual(place);
  expect((e as QcodeError).message).toMatch(message);
}

describe('readTextTranscript', () => {
  it('reads a .txt with BOM and CRLF; the id defaults to the file name', async () => {
    const dir = await tempFiles({ 'Walk 04.txt': '\uFEFFI: Where do you walk?\r\nSol: By the river.\r\nI: Often?\r\nSol: Daily.\r\n' });
    const t = await readTextTranscript(join(dir, 'Walk 04.txt'), 'txt', interviewers);
    expect(t.id).toBe('Walk 04');
    expect(t.source).toBe(join(dir, 'Walk 04.txt'));
    expect(t.format).toBe('txt');
    expect(t.text).toBe('I: Where do you walk?\nSol: By the river.\nI: Often?\nSol: Daily.\n');
    expect(t.turns.map((x) => cpSlice(t.text, x.span))).toEqual(['Where do you walk?', 'By the river.', 'Often?', 'Daily.']);
  });

  it('reads lone CR line ends as LF', async () => {
    const dir = await tempFiles({ 'cr.md': 'I: One?\rAl: Two.\rAl: Three.' });
    const t = await readTextTranscript(join(dir, 'cr.md'), 'md', interviewers);
    expect(t.format).toBe('md');
    expect(t.turns.map((x) => x.line)).toEqual([1, 2, 3]);
  });

  it('rejects invalid UTF-8 at the line and column of the bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('I: caf\u00e9 ok\nAl: bad '), Buffer.from([0xe9]), Buffer.from(' here\n')]);
    const dir = await tempFiles({ 'latin1.txt': bytes });
    await expectError(readTextTranscript(join(dir, 'latin1.txt'), 'txt', interviewers), { file: join(dir, 'latin1.txt'), line: 2, col: 9 }, /not valid UTF-8/);
  });

  it('rejects a binary file', async () => {
    const dir = await tempFiles({ 'img.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]) });
    await expectError(readTextTranscript(join(dir, 'img.txt'), 'txt', interviewers), { file: join(dir, 'img.txt') }, /binary/);
  });

  it('reports a missing file as a QcodeError', async () => {
    await expectError(readTextTranscript('no/such/file.txt', 'txt', interviewers), { file: 'no/such/file.txt' }, /no such file/);
  });

  it('decodeText keeps astral characters and drops the BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFhi 😀\r\n'), 'x.txt')).toBe('hi 😀\n');
  });

  it('reads UTF-16 behind its byte-order mark (Notepad\'s "Unicode"), both byte orders', () => {
    const text = '\uFEFFI: Where did you stay?\r\nP1: At my cousin’s. 😀\r\n';
    const le = Buffer.from(text, 'utf16le');
    expect([...le.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(decodeText(le, 'u.txt')).toBe('I: Where did you stay?\nP1: At my cousin’s. 😀\n');
    const be = Buffer.from(le).swap16();
    expect(decodeText(be, 'u.txt')).toBe('I: Where did you stay?\nP1: At my cousin’s. 😀\n');
    // Cut in the middle of a character: refused, not read as mojibake.
    expect(() => decodeText(le.subarray(0, le.length - 1), 'u.txt')).toThrow(/starts as UTF-16 text \(little-endian\) but breaks off/);
    // Without the mark, UTF-16 is still refused as not text.
    expect(() => decodeText(le.subarray(2), 'u.txt')).toThrow(/binary file/);
  });
});
