import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../src/core/segment/plaintext.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { segmentTranscript } from '../../src/core/segment/segment.js';
import { sentenceSpans } from '../../src/core/segment/sentences.js';
import type { Segment, Transcript } from '../../src/core/types.js';
import { cpSlice, PLAIN_EXAMPLE } from './helpers.js';

const opts = { id: 'P03', source: 'P03.txt', format: 'txt' as const, interviewers: [...DEFAULT_INTERVIEWERS] };

const TEXT = PLAIN_EXAMPLE;

function expectSlices(t: Transcript, segs: Segment[]): void {
  for (const s of segs) expect(cpSlice(t.text, s)).toBe(s.text);
}

describe('segmentTranscript', () => {
  const t = parsePlainText(TEXT, opts);

  it('turn segments: one per turn, both roles, ids <transcript>:<turn>', () => {
    const segs = segmentTranscript(t, 'turn');
    expect(segs.map((s) => [s.id, s.turn, s.speaker, s.role, s.start, s.end])).toEqual([
      ['P03:1', 1, 'I', 'interviewer', 3, 59],
      ['P03:2', 2, 'P03', 'participant', 65, 145],
      ['P03:3', 3, 'I', 'interviewer', 160, 184],
      ['P03:4', 4, 'P03', 'participant', 190, 237],
    ]);
    expect(segs.every((s) => s.unit === 'turn' && s.transcript === 'P03')).toBe(true);
    expect(segs[1]?.text).toBe('I was nineteen. I had no money and nowhere to stay.\n\nIt took me four more tries.');
    expectSlices(t, segs);
  });

  it('paragraph segments: <turn>.p<k>', () => {
    const segs = segmentTranscript(t, 'paragraph');
    expect(segs.map((s) => s.id)).toEqual(['P03:1.p1', 'P03:2.p1', 'P03:2.p2', 'P03:3.p1', 'P03:4.p1']);
    expect(segs[2]).toMatchObject({ turn: 2, start: 118, end: 145, text: 'It took me four more tries.' });
    expectSlices(t, segs);
  });

  it('sentence segments count across the paragraphs of a turn', () => {
    const segs = segmentTranscript(t, 'sentence');
    expect(segs.map((s) => [s.id, s.text])).toEqual([
      ['P03:1.s1', 'Can you tell me about the first time you tried to leave?'],
      ['P03:2.s1', 'I was nineteen.'],
      ['P03:2.s2', 'I had no money and nowhere to stay.'],
      ['P03:2.s3', 'It took me four more tries.'],
      ['P03:3.s1', 'What helped, in the end?'],
      ['P03:4.s1', 'A program that lasted two years, not two weeks.'],
    ]);
    expect(segs[2]).toMatchObject({ start: 81, end: 116 });
    expectSlices(t, segs);
  });

  it('empty turns produce no segments but keep their index', () => {
    const e = parsePlainText('I: Hi.\nPat:\nI: Still there?\nPat: Yes.', opts);
    expect(segmentTranscript(e, 'turn').map((s) => s.id)).toEqual(['P03:1', 'P03:3', 'P03:4']);
    expect(segmentTranscript(e, 'sentence').map((s) => s.id)).toEqual(['P03:1.s1', 'P03:3.s1', 'P03:4.s1']);
  });

  it('offsets are code points when an astral character comes before a segment', () => {
    const e = parsePlainText('I: Favourite 🌻🌻 thing?\nPat: The 🐝 garden. Dr. Lee runs it.\n\nAlso 😀 the café.\nPat: Yes.', opts);
    for (const unit of ['turn', 'paragraph', 'sentence'] as const) expectSlices(e, segmentTranscript(e, unit));
    const sentences = segmentTranscript(e, 'sentence');
    expect(sentences.map((s) => [s.id, s.start, s.end, s.text])).toEqual([
      ['P03:1.s1', 3, 22, 'Favourite 🌻🌻 thing?'],
      ['P03:2.s1', 28, 41, 'The 🐝 garden.'],
      ['P03:2.s2', 42, 58, 'Dr. Lee runs it.'],
      ['P03:2.s3', 60, 76, 'Also 😀 the café.'],
      ['P03:3.s1', 82, 86, 'Yes.'],
    ]);
    // In UTF-16 the same sentence starts at 30, not 28: the offsets really are code points.
    expect(e.text.indexOf('The 🐝')).toBe(30);
  });
});

describe('sentenceSpans', () => {
  const split = (p: string) => sentenceSpans(p).map((s) => p.slice(s.start, s.end));

  it('does not split after titles like Dr. and Mrs.', () => {
    expect(split('I saw Dr. Smith on Monday. Then Mrs. Patel came by.')).toEqual(['I saw Dr. Smith on Monday.', 'Then Mrs. Patel came by.']);
  });

  it('keeps e.g., i.e. and times together, but ends a sentence at p.m. before a capital', () => {
    expect(split('We grow herbs, e.g. basil and mint. They smell nice.')).toEqual(['We grow herbs, e.g. basil and mint.', 'They smell nice.']);
    expect(split('The bus left at 5 p.m. Then it rained.')).toEqual(['The bus left at 5 p.m.', 'Then it rained.']);
    expect(split('It opens at 9 a.m. on weekdays.')).toEqual(['It opens at 9 a.m. on weekdays.']);
  });

  it('does not treat "first." or "items." as abbreviations', () => {
    expect(split('I came first. Others followed.')).toEqual(['I came first.', 'Others followed.']);
    expect(split('We sold items. It went well.')).toEqual(['We sold items.', 'It went well.']);
  });

  it('handles ?, !, ellipses, quotes and a last sentence without a period', () => {
    expect(split('Really? Yes! Well... maybe "Go!" she said. And then')).toEqual(['Really?', 'Yes!', 'Well... maybe "Go!" she said.', 'And then']);
  });

  it('survives braces, decimals and a paragraph without punctuation', () => {
    expect(split('It cost 3.50 {roughly}. Fine.')).toEqual(['It cost 3.50 {roughly}.', 'Fine.']);
    expect(split('no punctuation at all')).toEqual(['no punctuation at all']);
    expect(sentenceSpans('')).toEqual([]);
  });
});
