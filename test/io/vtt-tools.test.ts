// The WebVTT exports of Zoom, Microsoft Teams, YouTube (yt-dlp) and hand-written W3C
// WebVTT: speakers, turns, words, source times, and what was not read.

import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { parseVtt, readVttTranscript } from '../../src/io/vtt.js';
import { cpSlice, fx } from './helpers.js';

const interviewers = [...DEFAULT_INTERVIEWERS];
const turnsOf = (t: Awaited<ReturnType<typeof readVttTranscript>>) => t.turns.map((x) => [x.speaker, cpSlice(t.text, x.span), x.time, x.line]);

describe('Zoom', () => {
  it('every Name: prefix is a speaker, pronouns and phone numbers included; ids and timings never become words', async () => {
    const t = await readVttTranscript(fx('vtt/zoom.vtt'), interviewers);
    expect(t.layout).toBe('zoom');
    expect(turnsOf(t)).toEqual([
      ['Dana Reyes (she/her)', 'Thank you for making time today. What were the first weeks after you left like?', 1.14, 5],
      ['+1 415 555 0123', 'The hardest part was housing. Every shelter wanted an ID I did not have. An advocate helped me get my documents back.', 5.01, 9],
      ['Unknown Speaker', 'Sorry, you cut out for a second.', 12.5, 16],
      ['Dana Reyes (she/her)', 'What helped most with finding work?', 14.2, 20],
      ['+1 415 555 0123', 'A job program that did not ask about the gaps in my work history.', 18, 22],
      ['Lee Park', 'Thank you both.', 21.5, 26],
    ]);
    expect(t.text).not.toMatch(/-->|\n\d+\n| 4$/m);
    expect(t.unread).toEqual([]);
    expect(t.warnings.map((w) => [w.line, w.message])).toEqual([[14, 'no blank line before this cue; its cue id is not read as text']]);
  });

  it('a Zoom display name that is no ordinary label (a comma, a bar) still names the speaker', () => {
    const vtt = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nDana Reyes, MSW: Where did you go first?\n\n2\n00:00:02.500 --> 00:00:04.000\nAna | peer advocate: To a drop-in center.\n';
    const t = parseVtt(vtt, 'z.vtt', interviewers);
    expect(t.layout).toBe('zoom');
    expect(t.text).toBe('Dana Reyes, MSW: Where did you go first?\nAna | peer advocate: To a drop-in center.');
  });

  it('"Unknown Speaker:" is a speaker even in one cue of a plain WebVTT file', () => {
    const t = parseVtt('WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Hello.\n\n00:02.000 --> 00:03.000\nUnknown Speaker: Can you hear me?\n', 'u.vtt', interviewers);
    expect(t.turns.map((x) => x.speaker)).toEqual(['Ana', 'Unknown Speaker']);
    expect(t.warnings).toEqual([]);
  });

  it('a file given as Zoom reads a one-off Name: prefix as a speaker', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\nAsha: One thing: the bus pass.\n';
    expect(parseVtt(vtt, 'z.vtt', interviewers).turns[0]?.speaker).toBe('Unknown');
    expect(parseVtt(vtt, 'z.vtt', interviewers, { layout: 'zoom' }).turns.map((x) => x.speaker)).toEqual(['Asha']);
  });
});

describe('Microsoft Teams', () => {
  it('reads voice spans under GUID cue ids, joins wrapped payloads and a speaker\'s consecutive cues, decodes entities', async () => {
    const t = await readVttTranscript(fx('vtt/teams.vtt'), interviewers);
    expect(t.layout).toBe('teams');
    expect(turnsOf(t)).toEqual([
      ['Dana Reyes', "Thanks for joining. We're talking about services and what got in the way. Is that okay?", 2.38, 5],
      ['Amara Okafor', 'Yes. Legal aid & a case manager made the difference.', 9.5, 14],
      ['Dana Reyes', 'What would you tell a new advocate?', 62, 18],
    ]);
    expect(t.text).not.toMatch(/[0-9a-f]{8}-|<v|&amp;/);
    expect(t.unread).toEqual([]);
    expect(t.warnings).toEqual([]);
  });
});

describe('YouTube automatic captions (yt-dlp)', () => {
  it('counts every spoken word once: rolling repeats are unread, word timings and header lines are not text', async () => {
    const t = await readVttTranscript(fx('vtt/youtube.vtt'), interviewers);
    expect(t.layout).toBe('youtube');
    expect(turnsOf(t)).toEqual([['Unknown', 'so when I first left the hardest part was housing and finding steady work', 0, 7]]);
    expect(t.unread).toEqual([
      { line: 2, kind: 'header', text: 'Kind: captions' },
      { line: 3, kind: 'header', text: 'Language: en' },
      { line: 10, kind: 'repeat', text: 'so when I first left' },
      { line: 14, kind: 'repeat', text: 'so when I first left' },
      { line: 18, kind: 'repeat', text: 'the hardest part was housing' },
      { line: 22, kind: 'repeat', text: 'the hardest part was housing' },
    ]);
  });

  it('a blank cue between two rolling cues does not make the repeat count twice', () => {
    const vtt = 'WEBVTT\nKind: captions\nLanguage: en\n\n00:00.000 --> 00:01.000\nwe moved\n\n00:01.000 --> 00:01.010\n \n\n00:01.010 --> 00:02.000\nwe moved\ninto our own place\n';
    const t = parseVtt(vtt, 'b.vtt', interviewers);
    expect(cpSlice(t.text, t.turns[0]!.span)).toBe('we moved into our own place');
    expect(t.unread.filter((u) => u.kind === 'repeat')).toEqual([{ line: 12, kind: 'repeat', text: 'we moved' }]);
  });

  it('a caption line that grows word by word keeps only its new words', () => {
    const vtt = 'WEBVTT\nKind: captions\nLanguage: en\n\n00:00.000 --> 00:01.000\nwe found\n\n00:01.000 --> 00:02.000\nwe found a room\n\n00:02.000 --> 00:03.000\nwe found a room near work\n';
    const t = parseVtt(vtt, 'g.vtt', interviewers);
    expect(cpSlice(t.text, t.turns[0]!.span)).toBe('we found a room near work');
    expect(t.unread.filter((u) => u.kind === 'repeat').map((u) => [u.line, u.text])).toEqual([
      [9, 'we found'],
      [12, 'we found a room'],
    ]);
  });
});

describe('W3C WebVTT', () => {
  it('voices with classes, two voices in one cue, NOTE/STYLE/REGION, ids, settings, entities, -->, a comma timing', async () => {
    const t = await readVttTranscript(fx('vtt/w3c.vtt'), interviewers);
    expect(t.layout).toBe('webvtt');
    expect(turnsOf(t)).toEqual([
      ['Mary', 'Welcome back & thank you for staying. First question:', 1, 15],
      ['Sam Okoye', 'Ask me anything. Transit passes mattered more than I expected.', 4.5, 18],
      ['Mary', 'Say more about that.', 10.5, 26],
    ]);
    expect(t.turns.map((x) => x.timestamp)).toEqual(['00:00:01.000', '00:00:04.500', '00:00:10,500']);
    expect(t.unread.map((u) => [u.line, u.kind, u.text])).toEqual([
      [1, 'header', 'WEBVTT - advocates panel, session 2'],
      [4, 'note', 'Made for a reader test.'],
      [5, 'note', 'No real people appear in it.'],
      [8, 'note', '::cue(v[voice="Mary"]) { color: teal }'],
      [11, 'note', 'id:lower width:40%'],
      [23, 'note', 'NOTE the next cue was written with a comma in its timing'],
    ]);
    expect(t.warnings.map((w) => [w.line, w.message])).toEqual([
      [25, 'cue timing "00:00:10,500 --> 00:00:12.000" is not well-formed (expected 00:00:01.000 --> 00:00:04.000); read as starting at 00:00:10,500'],
    ]);
  });

  it('recognisable timing mistakes (->, a comma, one-digit fields) are read with a warning at their line', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 -> 00:00:02.000\n<v Ana>one\n\n0:02.5 --> 0:03.0\n<v Ana>two\n';
    const t = parseVtt(vtt, 'l.vtt', interviewers);
    expect(cpSlice(t.text, t.turns[0]!.span)).toBe('one two');
    expect(t.warnings.map((w) => w.line)).toEqual([3, 6]);
    expect(t.turns[0]!.time).toBe(1);
  });

  it('a timing line that is not recognisably one is an error at its line when words sit under it', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>one\n\n1\n00:00:03 500 --> later\n<v Ana>two\n';
    expect(() => parseVtt(vtt, 'e.vtt', interviewers)).toThrow(QcodeError);
    try {
      parseVtt(vtt, 'e.vtt', interviewers);
    } catch (e) {
      expect((e as QcodeError).place).toEqual({ file: 'e.vtt', line: 7, col: 1 });
    }
  });

  it('a missing blank line between cues never glues the timing line into the words', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>one\n00:00:02.000 --> 00:00:03.000\n<v Bo>two\n';
    const t = parseVtt(vtt, 'g.vtt', interviewers);
    expect(turnsOf(t)).toEqual([
      ['Ana', 'one', 1, 4],
      ['Bo', 'two', 2, 6],
    ]);
  });

  it('text after a blank line inside a cue keeps its words, joined to that cue with a warning', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>one\n\nstill Ana\n';
    const t = parseVtt(vtt, 'b.vtt', interviewers);
    expect(t.text).toBe('Ana: one still Ana');
    expect(t.warnings.map((w) => w.line)).toEqual([6]);
  });
});
