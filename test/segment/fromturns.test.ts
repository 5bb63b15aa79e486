import { describe, expect, it } from 'vitest';
import { transcriptFromTurns } from '../../src/core/segment/fromturns.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { paragraphTexts, turnTexts } from './helpers.js';

const opts = { source: 'x.json', format: 'json' as const, interviewers: [...DEFAULT_INTERVIEWERS] };

describe('transcriptFromTurns', () => {
  it('renders LABEL: text lines joined by LF, with exact spans', () => {
    const t = transcriptFromTurns('T1', { site: 'east' }, [
      { speaker: 'Interviewer', text: 'How was the market?', start: '00:00:05' },
      { speaker: 'Sam', text: 'Crowded.\r\n\r\n\r\n  Lots of fruit.\nCheap, too.  ' },
      { speaker: 'Sam', text: '   ' },
    ], opts);
    expect(t.text).toBe('Interviewer: How was the market?\nSam: Crowded.\n\nLots of fruit.\nCheap, too.\nSam:');
    expect(t.turns.map((x) => [x.index, x.speaker, x.role, x.timestamp])).toEqual([
      [1, 'Interviewer', 'interviewer', '00:00:05'],
      [2, 'Sam', 'participant', undefined],
      [3, 'Sam', 'participant', undefined],
    ]);
    expect(t.turns[0]?.span).toEqual({ start: 13, end: 32 });
    expect(t.turns[1]?.span).toEqual({ start: 38, end: 74 });
    expect(t.turns[1]?.paragraphs).toEqual([
      { start: 38, end: 46 },
      { start: 48, end: 74 },
    ]);
    expect(t.turns[2]).toMatchObject({ span: { start: 79, end: 79 }, paragraphs: [] });
    expect(turnTexts(t)).toEqual(['How was the market?', 'Crowded.\n\nLots of fruit.\nCheap, too.', '']);
    expect(paragraphTexts(t)[1]).toEqual(['Crowded.', 'Lots of fruit.\nCheap, too.']);
    expect(t).toMatchObject({ id: 'T1', source: 'x.json', format: 'json', attributes: { site: 'east' }, warnings: [] });
  });

  it('counts offsets in code points', () => {
    const t = transcriptFromTurns('T2', {}, [
      { speaker: 'Q', text: '🙂 Hi' },
      { speaker: 'Mo', text: 'Hello 🌍 world' },
    ], opts);
    expect(t.turns[0]?.span).toEqual({ start: 3, end: 7 });
    expect(t.turns[1]?.span).toEqual({ start: 12, end: 25 });
    expect(turnTexts(t)).toEqual(['🙂 Hi', 'Hello 🌍 world']);
  });

  it('collapses whitespace in a label and keeps the source line', () => {
    const t = transcriptFromTurns('T3', {}, [{ speaker: ' Ana \n Ruiz ', text: 'x', line: 7 }], opts);
    expect(t.text).toBe('Ana Ruiz: x');
    expect(t.turns[0]?.line).toBe(7);
  });
});
