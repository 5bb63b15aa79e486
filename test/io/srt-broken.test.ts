// SubRip files as people edit them: a broken arrow or a missing blank line must never
// glue a cue's words onto the cue before it.

import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { parseSrt, readSrtTranscript } from '../../src/io/srt.js';
import { cpSlice, fx } from './helpers.js';

const interviewers = [...DEFAULT_INTERVIEWERS];

describe('SubRip with broken timings', () => {
  it('reads ->, a dot, a missing hour and a missing blank line as cues of their own, warning at each line', async () => {
    const t = await readSrtTranscript(fx('srt/broken-arrows.srt'), interviewers);
    expect(t.layout).toBe('srt');
    expect(t.turns.map((x) => [x.speaker, cpSlice(t.text, x.span), x.time, x.line])).toEqual([
      ['Interviewer', 'What did the housing program ask of you?', 1, 3],
      ['Rosa', 'A caseworker visit every week. It felt like being watched again.', 3.5, 7],
      ['Interviewer', 'How did you handle that?', 8.5, 14],
      ['Rosa', 'I asked for a peer advocate to come with me. She made it feel like my home.', 10.2, 18],
    ]);
    expect(t.warnings.map((w) => w.line)).toEqual([6, 12, 17, 21]);
    expect(t.warnings[0]?.message).toBe('cue timing "00:00:03,500 -> 00:00:06,000" is not well-formed (expected 00:00:01,000 --> 00:00:04,000); read as starting at 00:00:03,500');
    expect(t.unread).toEqual([]);
  });

  it('a timing line with no readable times is an error at its line, not words for the cue before', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nAna: one\n\n2\n00:00:03,500 > 00:00:06,000\nAna: two\n\n3\n00:00:07,000 --> soon\nAna: three\n';
    let thrown: unknown;
    try {
      parseSrt(srt, 'e.srt', interviewers);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(QcodeError);
    expect((thrown as QcodeError).all().map((e) => e.place.line)).toEqual([6, 10]);
  });

  it('a broken timing under a cue number starts a cue even without the blank line before it', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nQ: one\n2\n00:00:03,500 > 00:00:06,000\nQ: two\n';
    expect(() => parseSrt(srt, 'g.srt', interviewers)).toThrow(/malformed cue timing "00:00:03,500 > 00:00:06,000"/);
  });

  it('a cue number without its timing line stays out of the words', () => {
    const t = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nQ: one\n2\n00:00:02,000 --> 00:00:03,000\nBo: two\n\n3\n00:00:03,000 --> 00:00:04,000\nBo: three\n', 'n.srt', interviewers);
    expect(t.text).toBe('Q: one\nBo: two three');
  });

  it('a cue number cut off from its timing by a blank line is listed as unread, not read as words', () => {
    const t = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nQ: one\n\n2\n\n00:00:02,000 --> 00:00:03,000\nQ: two\n', 'c.srt', interviewers);
    expect(t.text).toBe('Q: one two');
    expect(t.unread).toEqual([{ line: 5, kind: 'dropped', text: '2' }]);
    expect(t.warnings.map((w) => w.line)).toEqual([5]);
  });

  it('speakers and source times come from each turn\'s first cue', () => {
    const t = parseSrt('1\n01:02:03,450 --> 01:02:05,000\nQ: Where did you stay?\n\n2\n01:02:05,100 --> 01:02:07,000\nLina: With a friend.\n\n3\n01:02:07,500 --> 01:02:09,000\nLina: For a month.\n', 't.srt', interviewers);
    expect(t.turns.map((x) => [x.speaker, x.role, x.timestamp, x.time])).toEqual([
      ['Q', 'interviewer', '01:02:03,450', 3723.45],
      ['Lina', 'participant', '01:02:05,100', 3725.1],
    ]);
  });
});
