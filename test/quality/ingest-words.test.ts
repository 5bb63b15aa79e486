// What `qcode ingest` reports of a transcript: turns and words per speaker and in all.
// The counts are checked against a transcript whose words were counted by hand.
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/core/aggregate/ingest.js';
import { transcriptFromTurns } from '../../src/core/segment/fromturns.js';

const transcript = transcriptFromTurns('P07', { region: 'urban' }, [
  { speaker: 'I', text: 'What got in the way when you tried to leave?' }, // 10 words
  { speaker: 'P07', text: "I didn't have ID, and no landlord would rent to me.\n\nThe shelter had a waitlist." }, // 11 + 5
  { speaker: 'I', text: 'And work?' }, // 2
  { speaker: 'P07', text: 'Two jobs, 60 hours, still short on rent.' }, // 8
], { source: 'P07.txt', format: 'txt', layout: 'plain', interviewers: ['I'] });

describe('summarise: the words ingest reports', () => {
  const s = summarise(transcript, 'turn');

  it('counts every word of every turn, an apostrophe word and a number as one word each', () => {
    expect(s.turns).toBe(4);
    expect(s.words).toBe(10 + 16 + 2 + 8);
  });

  it('splits turns and words by speaker, in order of first appearance, with their role', () => {
    expect(s.speakers).toEqual([
      { label: 'I', role: 'interviewer', turns: 2, words: 12 },
      { label: 'P07', role: 'participant', turns: 2, words: 24 },
    ]);
  });

  it('carries the transcript id, source and attributes, and segments it by the unit asked for', () => {
    expect(s).toMatchObject({ id: 'P07', source: 'P07.txt', format: 'txt', attributes: { region: 'urban' } });
    expect(s.segments).toHaveLength(4);
    expect(summarise(transcript, 'paragraph').segments).toHaveLength(5);
  });

  it('a transcript with no turns has no words and no speakers', () => {
    const empty = transcriptFromTurns('P08', {}, [], { source: 'P08.txt', format: 'txt', layout: 'plain', interviewers: ['I'] });
    expect(summarise(empty, 'turn')).toMatchObject({ turns: 0, words: 0, speakers: [] });
  });
});
