import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { segmentTranscript } from '../../src/core/segment/segment.js';
import { readDocxTranscript } from '../../src/io/docx.js';
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
    expect(t.warnings).toHaveLength(1);
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
