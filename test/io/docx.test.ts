import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { segmentTranscript } from '../../src/core/segment/segment.js';
import { readDocxTranscript } from '../../src/io/docx.js';
import { checkDocxSize } from '../../src/io/ziplimit.js';
import { lieAboutSize, makeDocx } from './docx-build.js';
import { cpSlice, fx, tempFiles } from './helpers.js';

describe('Word (.docx)', () => {
  it('extracts the text and reads it as plain text', async () => {
    const t = await readDocxTranscript(fx('interview.docx'), [...DEFAULT_INTERVIEWERS]);
    expect(t.id).toBe('interview');
    expect(t.format).toBe('docx');
    expect(t.turns.map((x) => [x.index, x.speaker, x.role, x.line])).toEqual([
      [1, 'Interviewer', 'interviewer', 3],
      [2, 'Dana', 'participant', 5],
      [3, 'Interviewer', 'interviewer', 9],
      [4, 'Dana', 'participant', 11],
    ]);
    expect(t.turns.map((x) => x.paragraphs.map((p) => cpSlice(t.text, p)))).toEqual([
      ['How did you first hear about the garden?'],
      ['A neighbour told me. She grows tomatoes there every summer.', 'I went along on a Saturday morning.'],
      ['What do you like most?'],
      ['The people. Everyone shares seeds & tools.'],
    ]);
    expect(cpSlice(t.text, t.preamble!)).toBe('Interview about a community garden');
    expect(t.layout).toBe('plain');
    // The preamble is warned about; Dana, taken by the "starts at least two lines" rule,
    // is recorded for the run's one closing warning.
    expect(t.warnings.map((w) => w.message)).toEqual([expect.stringContaining('preamble')]);
    expect(t.guessedSpeakers).toEqual(['Dana']);
    expect(segmentTranscript(t, 'sentence').map((s) => s.id)).toEqual([
      'interview:1.s1',
      'interview:2.s1',
      'interview:2.s2',
      'interview:2.s3',
      'interview:3.s1',
      'interview:4.s1',
      'interview:4.s2',
    ]);
  });

  it('a file that is not a Word document is a QcodeError', async () => {
    const dir = await tempFiles({ 'fake.docx': 'just text' });
    await expect(readDocxTranscript(join(dir, 'fake.docx'), [])).rejects.toBeInstanceOf(QcodeError);
  });
});

describe('Word exports of transcription tools', () => {
  it('reads a Teams .docx: header lines unread, `Name   0:03` turns, consecutive pieces joined', async () => {
    const docx = makeDocx([
      'Advocates check-in',
      'January 9, 2025, 4:00PM\n32m 14s',
      'Jordan Lee started transcription',
      'Jordan Lee   0:03\nGood afternoon. Shall we start with the housing waitlist?',
      'Dana Reyes (she/her)   0:11\nYes. Two people got placed this week.',
      'Dana Reyes (she/her)   0:19\nOne of them had been waiting since spring.',
      'Jordan Lee stopped transcription',
    ]);
    const dir = await tempFiles({ 'check-in.docx': docx });
    const t = await readDocxTranscript(join(dir, 'check-in.docx'), [...DEFAULT_INTERVIEWERS]);
    expect([t.format, t.layout]).toEqual(['docx', 'teams']);
    expect(t.turns.map((x) => [x.speaker, cpSlice(t.text, x.span), x.time])).toEqual([
      ['Jordan Lee', 'Good afternoon. Shall we start with the housing waitlist?', 3],
      ['Dana Reyes (she/her)', 'Yes. Two people got placed this week.\n\nOne of them had been waiting since spring.', 11],
    ]);
    expect(t.unread.map((u) => [u.kind, u.text])).toEqual([
      ['header', 'Advocates check-in'],
      ['header', 'January 9, 2025, 4:00PM'],
      ['header', '32m 14s'],
      ['header', 'Jordan Lee started transcription'],
      ['footer', 'Jordan Lee stopped transcription'],
    ]);
  });

  it('reads a Rev .docx with the label on its own paragraph', async () => {
    const docx = makeDocx(['Interview 12', 'Speaker 1 (00:09):', 'What helped most with housing?', 'Speaker 2 (00:14):', 'A rapid rehousing voucher. [crosstalk 00:00:20] It paid the deposit.']);
    const dir = await tempFiles({ 'rev.docx': docx });
    const t = await readDocxTranscript(join(dir, 'rev.docx'), [...DEFAULT_INTERVIEWERS]);
    expect(t.layout).toBe('rev');
    expect(t.turns.map((x) => [x.speaker, cpSlice(t.text, x.span), x.time])).toEqual([
      ['Speaker 1', 'What helped most with housing?', 9],
      ['Speaker 2', 'A rapid rehousing voucher. [crosstalk 00:00:20] It paid the deposit.', 14],
    ]);
    expect(t.unread).toEqual([{ line: 1, kind: 'preamble', text: 'Interview 12' }]);
  });
});

describe('Word files that inflate too far', () => {
  // 60 MB of XML that deflates to a few tens of KB: past the 50 MB limit.
  let built: Uint8Array | undefined;
  const bomb = (): Uint8Array => (built ??= makeDocx([], new Uint8Array(60 * 1024 * 1024).fill(0x20)));

  it('refuses a zip bomb by its declared size, fast, naming the limit', async () => {
    const dir = await tempFiles({ 'bomb.docx': bomb() });
    const started = Date.now();
    const e = await readDocxTranscript(join(dir, 'bomb.docx'), []).catch((x: unknown) => x);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(e).toBeInstanceOf(QcodeError);
    expect((e as QcodeError).message).toMatch(/50 MB limit/);
    expect((e as QcodeError).place).toEqual({ file: join(dir, 'bomb.docx') });
  });

  it('refuses one that lies about its size, by counting what really inflates', async () => {
    const dir = await tempFiles({ 'liar.docx': lieAboutSize(bomb(), 'word/document.xml', 1000) });
    const started = Date.now();
    const e = await readDocxTranscript(join(dir, 'liar.docx'), []).catch((x: unknown) => x);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(e).toBeInstanceOf(QcodeError);
    expect((e as QcodeError).message).toMatch(/word\/document\.xml inflates to more than the size it declares.*at most 50 MB/);
  });

  it('checkDocxSize lets an ordinary Word file through', () => {
    expect(() => checkDocxSize(Buffer.from(makeDocx(['I: Hello.'])), 'ok.docx')).not.toThrow();
  });
});
