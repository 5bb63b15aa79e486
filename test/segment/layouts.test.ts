// The layout parsers as pure functions: edge cases a researcher would notice.
import { describe, expect, it } from 'vitest';
import { madeUpLines } from '../made-up.js';
import { CLOCK, nameTime, revLabel } from '../../src/core/segment/layouts/clock.js';
import { detectLayout, parseTextLayout } from '../../src/core/segment/layouts/index.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import type { Transcript } from '../../src/core/types.js';
import { cpSlice } from './helpers.js';

const opts = { id: 'T1', source: 't.txt', format: 'txt' as const, interviewers: [...DEFAULT_INTERVIEWERS] };
const turns = (t: Transcript) => t.turns.map((x) => [x.speaker, cpSlice(t.text, x.span)]);

describe('layouts', () => {
  it('Teams without its "started transcription" line is still Teams, by its duration line', () => {
    const text = 'Weekly sync\nMarch 3, 2025\n1h 5m 2s\n\nAsha Patel   0:03\nHello.\n\nLee   0:09\nHi.';
    expect(detectLayout(text)).toBe('teams');
    const t = parseTextLayout(text, opts);
    expect(t.unread.map((u) => u.kind)).toEqual(['header', 'header', 'header']);
    expect(turns(t)).toEqual([['Asha Patel', 'Hello.'], ['Lee', 'Hi.']]);
  });

  it('an Otter speaker name of any length or punctuation is a speaker, never folded into the turn before', () => {
    const long = 'Participant 4 (peer advocate, Northside drop-in center)';
    const t = parseTextLayout(`Interviewer  0:01\nWhat changed?\n\n${long}  0:05\nI got my own lease.\n\nTranscribed by https://otter.ai\n`, opts);
    expect(turns(t)).toEqual([['Interviewer', 'What changed?'], [long, 'I got my own lease.']]);
    expect(t.turns.map((x) => x.role)).toEqual(['interviewer', 'participant']);
  });

  it('in the timecode layout a one-off `Word: text` line is words, with a warning', () => {
    const t = parseTextLayout('[00:00:01]\nSPEAKER 1:\nWhat did she say?\n\n[00:00:04]\nSPEAKER 2:\nShe said: leave tonight.\n', opts);
    expect(turns(t)).toEqual([['SPEAKER 1', 'What did she say?'], ['SPEAKER 2', 'She said: leave tonight.']]);
    expect(t.warnings.map((w) => [w.line, w.message])).toEqual([[7, expect.stringContaining('"She said:" starts only one line')]]);
  });

  it('NVivo rows with no content but other cells are listed as unread; rows with no speaker keep the one before', () => {
    const t = parseTextLayout('Timespan\tContent\tSpeaker\n0:00.0 - 0:02.0\tHello.\tI\n0:02.0 - 0:03.0\t\tAna\n0:03.0 - 0:05.0\tMore words.\t\n', opts);
    expect(turns(t)).toEqual([['I', 'Hello.\n\nMore words.']]);
    expect(t.unread).toEqual([{ line: 3, kind: 'dropped', text: '0:02.0 - 0:03.0\t\tAna' }]);
  });

  it('Meet: text after a time line without a speaker continues the turn; the time line is never words', () => {
    const t = parseTextLayout('Transcript\nAna: We met at the clinic.\n00:05:00\nThen we went to the office.\nMeeting ended after 00:06:10\n', opts);
    expect(turns(t)).toEqual([['Ana', 'We met at the clinic.\n\nThen we went to the office.']]);
    expect(t.text).not.toContain('00:05:00');
    expect(t.unread.map((u) => [u.line, u.kind])).toEqual([[1, 'header'], [5, 'footer']]);
  });

  it('front matter still gives the id and attributes in a tool layout', () => {
    const t = parseTextLayout('---\nid: P12\nsite: east\n---\nSpeaker 1 (00:01): Hello.\nSpeaker 2 (00:03): Hi.\n', opts);
    expect([t.id, t.layout, t.attributes, t.turns.map((x) => x.line)]).toEqual(['P12', 'rev', { site: 'east' }, [5, 6]]);
  });
});

describe('older Teams Word transcripts', () => {
  it('reads `0:0:3.960 --> 0:0:8.120` cues with the speaker on the next line, joining one speaker\'s cues', () => {
    const text = [
      'Transcript', '', '0:0:0.0 --> 0:0:3.960', 'Lee, Jordan', 'Good afternoon, everyone.', '',
      '0:0:4.100 --> 0:0:9.520', 'Reyes, Dana', 'The food bank moved to Tuesdays.', '',
      '0:0:9.600 --> 0:0:12.10', 'Reyes, Dana', 'Same address.', '', '0:1:2.0 --> 0:1:5.0', 'Lee, Jordan', 'Thanks.',
    ].join('\n');
    expect(detectLayout(text)).toBe('teams');
    const t = parseTextLayout(text, opts);
    expect(t.turns.map((x) => [x.speaker, cpSlice(t.text, x.span), x.time])).toEqual([
      ['Lee, Jordan', 'Good afternoon, everyone.', 0],
      ['Reyes, Dana', 'The food bank moved to Tuesdays.\n\nSame address.', 4.1],
      ['Lee, Jordan', 'Thanks.', 62],
    ]);
    expect(t.unread).toEqual([{ line: 1, kind: 'header', text: 'Transcript' }]);
  });
});

describe('a name and a time on one line', () => {
  // The patterns these two functions once were; they now read around the time by hand,
  // which must accept exactly the same lines.
  const NAME_TIME = new RegExp(String.raw`^(\S.*?)(?: {2,}|\t)[ \t]*(${CLOCK})$`);
  const REV_LABEL = new RegExp(String.raw`^(\S.*?)[ \t]*\((${CLOCK})\):(?:[ \t]+(.*))?$`);
  const byPattern = (line: string) => {
    const n = NAME_TIME.exec(line);
    const r = line.includes('):') ? REV_LABEL.exec(line) : null;
    const rev = r ? { name: r[1]!.trim(), start: r[2]!, ...(r[3]?.trim() ? { words: r[3].trim() } : {}) } : undefined;
    return [n ? { name: n[1]!.trim(), start: n[2]! } : undefined, rev];
  };

  it('accepts the lines the patterns accepted, with the same name, time and words', () => {
    const pieces = ['Ana', 'Speaker 1', ' ', '  ', '\t', '0:09', '12:31', '1:02:05', '00:00:44.5', '123:45', '(', ')', '):', '(0:09):', '(00:09)', ':', 'x', '\u00a0', '\u2028', '.', ',5', 'words here'];
    let matched = 0;
    for (const line of madeUpLines(pieces, 50_000, 7, 8)) {
      const expected = byPattern(line);
      if (expected[0] || expected[1]) matched++;
      expect([nameTime(line), revLabel(line)], JSON.stringify(line)).toEqual(expected);
    }
    expect(matched).toBeGreaterThan(1000);
  });

  it('reads Otter and Rev lines', () => {
    expect(nameTime('Ana Diaz  0:09')).toEqual({ name: 'Ana Diaz', start: '0:09' });
    expect(nameTime('Ana Diaz 0:09')).toBeUndefined();
    expect(revLabel('Speaker 1 (00:09): I was scared.')).toEqual({ name: 'Speaker 1', start: '00:09', words: 'I was scared.' });
  });

  it('reads a line of 200,000 spaces or tabs at once (the patterns took minutes)', () => {
    expect(nameTime('a' + ' '.repeat(200_000) + 'b')).toBeUndefined();
    expect(revLabel('a' + ' '.repeat(200_000) + 'x):')).toBeUndefined();
    expect(nameTime('a' + '\t'.repeat(200_000) + '1:00')).toEqual({ name: 'a', start: '1:00' });
  });
});
