import { describe, expect, it } from 'vitest';
import { transcriptOfSegment } from '../../src/core/segment/ids.js';

describe('transcriptOfSegment', () => {
  it('reads the transcript from turn, paragraph and sentence ids', () => {
    expect(['P03:4', 'P03:4.p2', 'P03:4.s3'].map(transcriptOfSegment)).toEqual(['P03', 'P03', 'P03']);
  });
  it('names an id from another tool by itself, never by a cut-off piece of it', () => {
    expect(transcriptOfSegment('u7')).toBe('u7');
    expect(transcriptOfSegment('doc 2:u3')).toBe('doc 2');
  });
});
