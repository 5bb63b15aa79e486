import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { NotATranscriptError } from '../../src/io/errors.js';
import { parseJsonTranscripts, readJsonTranscripts } from '../../src/io/json.js';
import { cpSlice, fx } from './helpers.js';

const interviewers = [...DEFAULT_INTERVIEWERS];

describe('JSON transcripts', () => {
  it('reads a single transcript object with attributes and starts', async () => {
    const [t, ...rest] = await readJsonTranscripts(fx('single.json'), interviewers);
    expect(rest).toEqual([]);
    expect(t).toMatchObject({ id: 'J01', format: 'json', attributes: { city: 'Leeds', visits: 3, member: true, note: null } });
    expect(t!.text).toBe('INT: What do you read?\nAde: Mostly novels.\n\nSome poetry.\nINT: Nice.');
    expect(t!.turns.map((x) => [x.speaker, x.role, x.timestamp])).toEqual([
      ['INT', 'interviewer', '00:00:02'],
      ['Ade', 'participant', '14.5'],
      ['INT', 'interviewer', undefined],
    ]);
    expect(t!.turns[1]?.paragraphs.map((p) => cpSlice(t!.text, p))).toEqual(['Mostly novels.', 'Some poetry.']);
  });

  it('reads a start in seconds as the time, and refuses a turn whose words are under another name than "text"', () => {
    const [t] = parseJsonTranscripts('{"id":"J1","turns":[{"speaker":"I","text":"Where?","start":3},{"speaker":"J1","text":"Here.","start":"7.25"}]}', 'j.json', interviewers);
    expect(t!.turns.map((x) => x.time)).toEqual([3, 7.25]);
    const misnamed = '{"id":"N1","turns":[{"speaker":"I","text":"Where?"},{"speaker":"N1","txt":"I paid the rent late"}]}';
    expect(() => parseJsonTranscripts(misnamed, 'n.json', interviewers)).toThrow(
      'the transcript, turn 2 has no "text" but has "txt": if those are the words, name the field "text"',
    );
    // A turn with no words at all is still read (an empty turn).
    const [e] = parseJsonTranscripts('{"id":"N2","turns":[{"speaker":"N2","start":"00:00:01"}]}', 'e.json', interviewers);
    expect(e!.turns).toHaveLength(1);
  });

  it('reads an array of transcripts', async () => {
    const ts = await readJsonTranscripts(fx('array.json'), interviewers);
    expect(ts.map((t) => [t.id, t.text, t.attributes])).toEqual([
      ['K01', 'Q: Tea or coffee?\nBea: Tea.', {}],
      ['K02', 'Q: Tea or coffee?\nCy: Coffee, always.', {}],
    ]);
  });

  it('a single object without an id is named after the file', () => {
    expect(parseJsonTranscripts('{"turns":[{"speaker":"Q","text":"Hi"}]}', 'dir/chat-3.json', interviewers)[0]!.id).toBe('chat-3');
  });

  it('JSON without turns is not a transcript', () => {
    expect(() => parseJsonTranscripts('{"counts":[1]}', 'x.json', interviewers)).toThrow(NotATranscriptError);
    expect(() => parseJsonTranscripts('[]', 'x.json', interviewers)).toThrow(NotATranscriptError);
    expect(() => parseJsonTranscripts('"text"', 'x.json', interviewers)).toThrow(NotATranscriptError);
  });

  it('reports syntax errors with line and column', () => {
    try {
      parseJsonTranscripts('{\n  "id": "A",\n  "turns": [,]\n}', 'bad.json', interviewers);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QcodeError);
      expect((e as QcodeError).place).toEqual({ file: 'bad.json', line: 3, col: 13 });
      expect((e as QcodeError).message).toBe('not valid JSON: unexpected "," (value expected)');
    }
  });

  it('names the place of every kind of JSON syntax error', () => {
    const placeOf = (text: string): string => {
      try {
        parseJsonTranscripts(text, 'b.json', interviewers);
      } catch (e) {
        const p = (e as QcodeError).place;
        return `${p.line}:${p.col} ${(e as QcodeError).message}`;
      }
      return 'valid';
    };
    expect(placeOf('{"id": "A", "turns": [],}')).toBe('1:25 not valid JSON: unexpected "}" (property name expected)');
    expect(placeOf('{"id": "A"\n "turns": []}')).toBe('2:2 not valid JSON: unexpected "\\"" (comma expected)');
    expect(placeOf('{"id": "A", "turns": [')).toBe('1:23 not valid JSON: the text ends too early (close bracket expected)');
    expect(placeOf("{'id': 'A'}")).toMatch(/^1:2 not valid JSON/);
    expect(placeOf('{"id": "A", "turns": [01]}')).toMatch(/^1:24 not valid JSON/);
  });

  it('explains bad turns, ids and attributes', () => {
    expect(() => parseJsonTranscripts('{"turns":[{"text":"Hi"}]}', 'a.json', interviewers)).toThrow('the transcript, turn 1 has no "speaker"');
    expect(() => parseJsonTranscripts('{"turns":["Hi"]}', 'a.json', interviewers)).toThrow(/turn 1 must be an object/);
    expect(() => parseJsonTranscripts('[{"turns":[]}]', 'a.json', interviewers)).toThrow('transcript 1 in the array has no "id" (text)');
    expect(() => parseJsonTranscripts('[{"id":"A","turns":[]},{"id":"A","turns":[]}]', 'a.json', interviewers)).toThrow(/appears twice/);
    expect(() => parseJsonTranscripts('[{"id":"A","turns":[]},{"id":"B"}]', 'a.json', interviewers)).toThrow('transcript 2 in the array has no "turns" list');
    expect(() => parseJsonTranscripts('{"turns":[],"attributes":{"home":{"city":"X"}}}', 'a.json', interviewers)).toThrow(/attribute "home"/);
    expect(() => parseJsonTranscripts('{"turns":[{"speaker":"A","text":5}]}', 'a.json', interviewers)).toThrow(/"text" must be text/);
  });
});
