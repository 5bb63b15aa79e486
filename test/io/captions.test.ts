import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { segmentTranscript } from '../../src/core/segment/segment.js';
import { parseSrt, readSrtTranscript } from '../../src/io/srt.js';
import { decodeEntities, parseVtt, readVttTranscript } from '../../src/io/vtt.js';
import { cpSlice, fx } from './helpers.js';

const interviewers = [...DEFAULT_INTERVIEWERS];

describe('WebVTT', () => {
  it('skips header, NOTE/STYLE/REGION blocks, cue ids and timings; joins cues of one speaker', async () => {
    const t = await readVttTranscript(fx('captions.vtt'), interviewers);
    expect(t.id).toBe('captions');
    expect(t.format).toBe('vtt');
    expect(t.layout).toBe('webvtt');
    expect(t.text).toBe(
      [
        'Interviewer: How was your weekend?',
        'Noor: It was quiet & restful. We went to the lake. The water was cold <brr>. and sunny\u00a0too.',
        'Interviewer: Did you swim?',
        'Noor: Only my feet!',
        'Interviewer: Sounds nice.',
      ].join('\n'),
    );
    expect(t.turns.map((x) => [x.index, x.speaker, x.role, x.timestamp, x.time, x.line])).toEqual([
      [1, 'Interviewer', 'interviewer', '00:00:01.000', 1, 13],
      [2, 'Noor', 'participant', '00:00:04.000', 4, 17],
      [3, 'Interviewer', 'interviewer', '00:00:10.000', 10, 30],
      [4, 'Noor', 'participant', '00:00:12.500', 12.5, 33],
      [5, 'Interviewer', 'interviewer', '00:00:14.500', 14.5, 36],
    ]);
    expect(t.unread.map((u) => [u.line, u.kind])).toEqual([
      [1, 'header'],
      [2, 'header'],
      [5, 'note'],
      [6, 'note'],
      [9, 'note'],
      [27, 'note'],
    ]);
    expect(t.turns[1]?.span).toEqual({ start: 41, end: 126 });
    expect(t.warnings).toEqual([]);
    for (const s of segmentTranscript(t, 'sentence')) expect(cpSlice(t.text, s)).toBe(s.text);
  });

  it('splits one cue with several voices and keeps a class-tagged voice name', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Q>Ready?</v> <v.a.b Mia Lopez>Yes, ready.</v>\n';
    const t = parseVtt(vtt, 'two.vtt', interviewers);
    expect(t.turns.map((x) => [x.speaker, cpSlice(t.text, x.span), x.timestamp])).toEqual([
      ['Q', 'Ready?', '00:01.000'],
      ['Mia Lopez', 'Yes, ready.', '00:01.000'],
    ]);
  });

  it('a one-off "Word:" prefix is text (with a warning); speakerless cues before any speaker go to Unknown', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00.000 --> 00:01.000',
      'Music plays',
      '',
      '00:01.000 --> 00:02.000',
      'I: What did she say?',
      '',
      '00:02.000 --> 00:03.000',
      'Tom: She said: come early.',
      '',
      '00:03.000 --> 00:04.000',
      'Tom: So we did.',
    ].join('\n');
    const t = parseVtt(vtt, 'x.vtt', interviewers);
    expect(t.text).toBe('Unknown: Music plays\nI: What did she say?\nTom: She said: come early. So we did.');
    expect(t.warnings).toEqual([{ file: 'x.vtt', line: 4, col: 1, message: 'cue text before any named speaker is attributed to "Unknown"' }]);
  });

  it('warns about a single-use prefix and keeps it as text', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Hi.\n\n00:02.000 --> 00:03.000\nFun fact: I knit.\n';
    const t = parseVtt(vtt, 'y.vtt', interviewers);
    expect(t.text).toBe('Ana: Hi. Fun fact: I knit.');
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]).toMatchObject({ line: 7, col: 1 });
  });

  it('requires the WEBVTT header', () => {
    expect(() => parseVtt('1\n00:01.000 --> 00:02.000\nHi\n', 'bad.vtt', interviewers)).toThrow(QcodeError);
    expect(() => parseVtt('WEBVTTX\n', 'bad.vtt', interviewers)).toThrow(/first line must be "WEBVTT"/);
  });

  it('decodes the WebVTT entities', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt;&nbsp;&lrm;&rlm;&#39;&#x263A;&bogus;')).toBe("a & b <c>\u00a0\u200e\u200f'\u263a&bogus;");
  });
});

describe('SubRip', () => {
  it('takes speakers from Name: prefixes and joins cues, dropping formatting tags', async () => {
    const t = await readSrtTranscript(fx('captions.srt'), interviewers);
    expect(t.id).toBe('captions');
    expect(t.format).toBe('srt');
    expect(t.text).toBe('Moderator: Thanks for joining.\nEli: Happy to help. I brought notes. They are short.\nModerator: Let\'s begin.\nEli: Sure.');
    expect(t.turns.map((x) => [x.speaker, x.role, x.timestamp, x.line])).toEqual([
      ['Moderator', 'interviewer', '00:00:01,000', 3],
      ['Eli', 'participant', '00:00:03,000', 7],
      ['Moderator', 'interviewer', '00:00:07,500', 16],
      ['Eli', 'participant', '00:00:09,500', 20],
    ]);
    expect(t.turns[1]?.span).toEqual({ start: 36, end: 83 });
  });

  it('keeps text split off its cue by a blank line, and handles CRLF and {\\an8} tags', () => {
    const srt = '1\r\n00:00:01,000 --> 00:00:02,000\r\n{\\an8}Q: First line\r\n\r\nstill the first cue\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nVal: Reply\r\n\r\n3\r\n00:00:05,000 --> 00:00:06,000\r\nVal: More';
    const t = parseSrt(srt, 'a.srt', interviewers);
    expect(t.text).toBe('Q: First line still the first cue\nVal: Reply More');
  });

  it('an empty file gives no turns and a warning', () => {
    const t = parseSrt('', 'empty.srt', interviewers);
    expect(t.turns).toEqual([]);
    expect(t.warnings[0]?.message).toMatch(/no subtitle cues/);
  });
});

describe('malformed cue timings', () => {
  it('a WebVTT timing line that does not parse is an error at its line', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> soon\n<v Ana>hi\n';
    expect(() => parseVtt(vtt, 'bad.vtt', interviewers)).toThrow(QcodeError);
    try {
      parseVtt(vtt, 'bad.vtt', interviewers);
    } catch (e) {
      expect((e as QcodeError).place).toEqual({ file: 'bad.vtt', line: 3, col: 1 });
      expect((e as QcodeError).message).toMatch(/malformed cue timing "00:00:01.000 --> soon"/);
    }
  });
  it('accepts hour-less WebVTT times and cue settings', () => {
    const t = parseVtt('WEBVTT\n\n00:01.000 --> 00:04.000 align:start\n<v Ana>hi\n\n00:04.000 --> 00:05.000\n<v Ana>there\n', 'ok.vtt', interviewers);
    expect(t.turns).toHaveLength(1);
    expect(t.turns[0]!.timestamp).toBe('00:01.000');
  });
  it('an SRT block without a timing line joins the cue before it, with a warning', () => {
    const t = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nAna: one\n\nand two\n\n2\n00:00:03,000 --> 00:00:04,000\nAna: three\n', 's.srt', interviewers);
    expect(t.warnings.map((w) => [w.line, w.message])).toContainEqual([5, 'a block without a timing line is joined to the cue before it']);
    expect(cpSlice(t.text, t.turns[0]!.span)).toBe('one and two three');
  });
});
