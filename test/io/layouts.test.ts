// Exports of the tools researchers use, recognised by their content: the right speakers,
// turns (consecutive pieces of one speaker joined), words and source times, and none of
// the tools' furniture (timestamps, headers, footers) in anybody's words.
import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import type { Transcript } from '../../src/core/types.js';
import { readTranscripts } from '../../src/io/read.js';
import { cpSlice, fx } from './helpers.js';

const opts = { interviewers: [...DEFAULT_INTERVIEWERS] };
const read = async (name: string, format: 'txt' | 'tsv' = 'txt'): Promise<Transcript> => {
  const [t] = await readTranscripts({ path: fx(`text/${name}`), format, explicit: true }, opts);
  return t!;
};
const turns = (t: Transcript) => t.turns.map((x) => [x.speaker, cpSlice(t.text, x.span), x.time]);
const unread = (t: Transcript) => t.unread.map((u) => [u.line, u.kind, u.text]);
/** No timestamp or furniture in any turn's words. */
const clean = (t: Transcript, ...furniture: RegExp[]) => {
  for (const x of t.turns) {
    const words = cpSlice(t.text, x.span);
    expect(words).not.toMatch(/^\s*\[?\d{1,2}:\d{2}/m);
    for (const f of furniture) expect(words).not.toMatch(f);
  }
};

describe('Otter.ai', () => {
  it('reads `Name  0:09` above the words, joins consecutive pieces, keeps the footer out', async () => {
    const t = await read('otter.txt');
    expect(t.layout).toBe('otter');
    expect(turns(t)).toEqual([
      ['Dana Reyes', 'Thanks for making time today. Can you tell me about the first program that helped you?', 9],
      ['María Guadalupe Fernández de la Torre', 'It was a drop-in center. They had a case manager who spoke Spanish, and that mattered.\n\nShe helped me fill in the housing forms.', 17],
      ['Dana Reyes', 'What made it hard to leave?', 3725],
    ]);
    expect(t.turns.map((x) => x.line)).toEqual([1, 4, 10]);
    expect(t.turns[1]!.paragraphs).toHaveLength(2);
    expect(unread(t)).toEqual([[13, 'footer', 'Transcribed by https://otter.ai']]);
    expect(t.text).not.toContain('otter.ai');
    clean(t, /otter/);
  });
});

describe('Microsoft Teams', () => {
  it('files the header block as unread, reads `Name   0:03` turns, keeps "stopped transcription" out', async () => {
    const t = await read('teams.txt');
    expect(t.layout).toBe('teams');
    expect(turns(t)).toEqual([
      ['Jordan Lee', 'Good afternoon. Shall we start with the housing waitlist?', 3],
      ['P1 (advocate)', 'Yes. Two people got placed this week.\n\nOne of them had been waiting since spring.', 11],
      ['Jordan Lee', 'That is good news.', 3842],
    ]);
    expect(unread(t)).toEqual([
      [1, 'header', 'Advocates check-in'],
      [2, 'header', 'January 9, 2025, 4:00PM'],
      [3, 'header', '32m 14s'],
      [5, 'header', 'Jordan Lee started transcription'],
      [19, 'footer', 'Jordan Lee stopped transcription'],
    ]);
    expect(t.warnings).toEqual([]);
    clean(t, /transcription/);
  });
});

describe('Rev', () => {
  it('reads `Speaker 1 (00:09):` on its own line; notes like [inaudible 00:00:31] stay in the words', async () => {
    const t = await read('rev.txt');
    expect(t.layout).toBe('rev');
    expect(turns(t)).toEqual([
      ['Speaker 1', 'How did you find the job training program?', 9],
      ['Speaker 2', 'A friend from the shelter told me about it. [inaudible 00:00:31] It was three days a week.', 15],
      ['Speaker 1', 'And was there childcare?', 3725],
    ]);
    expect(t.unread).toEqual([]);
  });

  it('reads the label inline and joins consecutive pieces of one speaker', async () => {
    const t = await read('rev-inline.txt');
    expect(t.layout).toBe('rev');
    expect(turns(t)).toEqual([
      ['Speaker 1', 'How did you find the job training program?', 9],
      ['Speaker 2', 'A friend from the shelter told me about it.\n\nIt was three days a week.', 15],
      ['Speaker 1', 'And was there childcare?', 40],
    ]);
    expect(t.text).toBe(
      'Speaker 1: How did you find the job training program?\nSpeaker 2: A friend from the shelter told me about it.\n\nIt was three days a week.\nSpeaker 1: And was there childcare?',
    );
  });
});

describe('f4transkript / MAXQDA and NVivo timestamps', () => {
  it('keeps the plain-text grammar; end stamps are times, never words', async () => {
    const t = await read('f4.txt');
    expect(t.layout).toBe('plain');
    expect(turns(t)).toEqual([
      ['I', 'Wie haben Sie von der Beratungsstelle erfahren?', 0],
      ['B', 'Über eine Freundin. Sie hat mich hingebracht.', 6.8],
      ['I', 'Und was kam danach?', 15.2],
      ['B', 'Eine Wohnung, nach vier Monaten.', 18],
    ]);
    expect(t.text).not.toMatch(/#\d/);
  });

  it('reads NVivo #hh:mm:ss# stamps before a label as start times', async () => {
    const t = await read('nvivo-stamps.txt');
    expect(t.layout).toBe('plain');
    expect(turns(t)).toEqual([
      ['Interviewer', 'What did the advocate do first?', 7],
      ['Sam', 'She found me a bed for the night.', 12],
      ['Interviewer', 'And after that?', 20],
      ['Sam', 'She sat with me at the benefits office.', 23],
    ]);
  });
});

describe("NVivo's transcript table", () => {
  for (const [name, format] of [['nvivo.tsv', 'tsv'], ['nvivo.txt', 'txt']] as const) {
    it(`reads Timespan/Content/Speaker rows from ${name}, joining consecutive rows of one speaker`, async () => {
      const t = await read(name, format);
      expect(t.layout).toBe('nvivo');
      expect(t.format).toBe(format);
      expect(turns(t)).toEqual([
        ['Interviewer', 'What did you need most when you first left?', 0],
        ['Dana Reyes (she/her)', 'A safe place to sleep. Then an ID card.\n\nThe ID took months.', 6.5],
        ['Interviewer', 'Thank you.', 3725],
      ]);
      expect(t.turns.map((x) => x.role)).toEqual(['interviewer', 'participant', 'interviewer']);
      expect(t.text).not.toContain('Timespan');
    });
  }
});

describe('Google Meet', () => {
  it('files title, attendees and the end line as unread; bare time lines give the next turn its time', async () => {
    const t = await read('meet.txt');
    expect(t.layout).toBe('meet');
    expect(turns(t)).toEqual([
      ['Alex Kim', 'Welcome, everyone. Today we talk about work after leaving.', undefined],
      ['Sam Ortiz', 'I started at a bakery through the re-entry program.', undefined],
      ['+1 415 555 0123', 'Sorry, I joined by phone. The bus pass helped me most.', 300],
      ['Alex Kim', 'Thank you.', undefined],
    ]);
    expect(unread(t).map(([line, kind]) => [line, kind])).toEqual([
      [1, 'header'],
      [2, 'header'],
      [3, 'header'],
      [4, 'header'],
      [5, 'header'],
      [11, 'footer'],
    ]);
    clean(t, /Meeting ended/, /Attendees/);
  });
});

describe('timecodes and labels on their own lines', () => {
  it('reads `0:00:17` / `[00:00:44]` lines and `SPEAKER 2:` above the words', async () => {
    const t = await read('timecode.txt');
    expect(t.layout).toBe('timecode');
    expect(turns(t)).toEqual([
      ['SPEAKER 1', 'When did you first hear about the legal clinic?', 17],
      ['SPEAKER 2', 'A counselor at the shelter gave me a card.\nI called the next morning.', 44],
      ['SPEAKER 1', 'What happened at the first visit?', 80],
    ]);
    expect(unread(t)).toEqual([[1, 'preamble', 'Interview 7, community center']]);
    expect(t.warnings[0]?.message).toMatch(/line 1/);
  });

  it('reads labels alone on their line without any times', async () => {
    const t = await read('labels-own-line.txt');
    expect(t.layout).toBe('timecode');
    expect(turns(t)).toEqual([
      ['SPEAKER 1', 'What do you tell someone who just left?', undefined],
      ['SPEAKER 2', 'That it is not their fault. And that there are people who will help.', undefined],
      ['SPEAKER 1', 'Thank you.', undefined],
    ]);
  });
});
