import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { segmentTranscript } from '../../src/core/segment/segment.js';
import { parseCsvTranscripts, readCsvTranscripts } from '../../src/io/csv.js';
import { NotATranscriptError } from '../../src/io/errors.js';
import { cpSlice, fx } from './helpers.js';

const interviewers = [...DEFAULT_INTERVIEWERS];

describe('CSV transcripts', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, and the start column', async () => {
    const [t, ...rest] = await readCsvTranscripts(fx('turns.csv'), interviewers);
    expect(rest).toEqual([]);
    expect(t!.id).toBe('G01');
    expect(t!.format).toBe('csv');
    expect(t!.source).toBe(fx('turns.csv'));
    expect(t!.text).toBe(
      'Interviewer: Where do you buy groceries, usually?\nRae: At the corner shop. The owner says "hi" every time.\nRae: It is close.\n\nAnd cheap.',
    );
    expect(t!.turns.map((x) => [x.index, x.speaker, x.role, x.timestamp, x.line])).toEqual([
      [1, 'Interviewer', 'interviewer', '00:00:04', 2],
      [2, 'Rae', 'participant', '00:00:09', 3],
      [3, 'Rae', 'participant', undefined, 4],
    ]);
    expect(t!.turns[2]?.paragraphs.map((p) => cpSlice(t!.text, p))).toEqual(['It is close.', 'And cheap.']);
    expect(segmentTranscript(t!, 'paragraph').map((s) => s.id)).toEqual(['G01:1.p1', 'G01:2.p1', 'G01:3.p1', 'G01:3.p2']);
  });

  it('splits a multi-transcript CSV (case column, CRLF, blank rows) in order of first appearance', async () => {
    const ts = await readCsvTranscripts(fx('multi.csv'), interviewers);
    expect(ts.map((t) => t.id)).toEqual(['H01', 'H02']);
    expect(ts[0]!.text).toBe('Q: How do you get to work?\nLin: By bike.\nLin: Sometimes the train.');
    expect(ts[0]!.turns.map((x) => x.line)).toEqual([2, 3, 7]);
    expect(ts[1]!.text).toBe('Q: How do you get to work?\nOmar: Bus, then a short walk.');
    expect(ts[1]!.turns.map((x) => x.role)).toEqual(['interviewer', 'participant']);
  });

  it('without a transcript column the file is one transcript named after the file', () => {
    const [t] = parseCsvTranscripts('Speaker,Text\nQ,Hi?\nMo,Hello.\n', 'notes/visit-2.csv', interviewers);
    expect(t!.id).toBe('visit-2');
    expect(t!.turns).toHaveLength(2);
  });

  it('a CSV without speaker/text columns is not a transcript', () => {
    const run = () => parseCsvTranscripts('id,age\nP1,30\n', 'cases.csv', interviewers);
    expect(run).toThrow(NotATranscriptError);
    expect(run).toThrow('not a transcript: the header row has no "speaker" and "text" column');
    expect(() => parseCsvTranscripts('speaker,words\nA,b\n', 'x.csv', interviewers)).toThrow(/no "text" column/);
  });

  it('a row without a speaker is an error at its line', () => {
    try {
      parseCsvTranscripts('id,speaker,text\nP1,Q,Hi\nP1,,Hello\n', 'bad.csv', interviewers);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QcodeError);
      expect(e).not.toBeInstanceOf(NotATranscriptError);
      expect((e as QcodeError).place).toEqual({ file: 'bad.csv', line: 3, col: 1 });
      expect((e as QcodeError).message).toBe('row 3 has no "speaker" value');
    }
  });

  it('refuses a row whose text spills into cells past the header (an unquoted comma or tab), at that cell', () => {
    const csv = 'transcript,speaker,text\nM1,I,Where did you go?\nM1,M1,I had no money, not one dollar, and nowhere to stay.\n';
    try {
      parseCsvTranscripts(csv, 'm.csv', interviewers);
      expect.unreachable();
    } catch (e) {
      expect((e as QcodeError).place).toEqual({ file: 'm.csv', line: 3, col: 22 });
      expect((e as QcodeError).message).toBe(
        'row 3 has 5 cells where the header names 3, so "not one dollar" belongs to no column: a text holding a comma must be put in double quotes',
      );
    }
    const tsv = 'transcript\tspeaker\ttext\nM2\tM2\tI had no money.\tAnd nowhere to stay.\n';
    expect(() => parseCsvTranscripts(tsv, 'm.tsv', interviewers, 'tsv')).toThrow(/row 2 has 4 cells .* "And nowhere to stay\." .* a tab must be put in double quotes/);
    // A trailing separator leaves a blank cell: nothing is lost, the row is read.
    const [t] = parseCsvTranscripts('transcript,speaker,text\nM1,M1,"I had no money, none.",\n', 'm.csv', interviewers);
    expect(t!.text).toBe('M1: I had no money, none.');
  });

  it('reads a start given in seconds, and warns at the row of one that is no time', () => {
    const csv = 'transcript,speaker,text,start\nD4,I,Where?,0\nD4,D4,No money.,3.5\nD4,I,Then?,banana\nD4,D4,Shelter.,00:00:14\n';
    const [t] = parseCsvTranscripts(csv, 'd.csv', interviewers);
    expect(t!.turns.map((x) => [x.timestamp, x.time])).toEqual([['0', 0], ['3.5', 3.5], ['banana', undefined], ['00:00:14', 14]]);
    expect(t!.warnings).toEqual([
      { file: 'd.csv', line: 4, col: 1, message: 'turn 3: start "banana" is not a time (00:01:02, or a number of seconds); the turn is read without one' },
    ]);
  });

  it('a row without a transcript id, and an unclosed quote, are errors', () => {
    expect(() => parseCsvTranscripts('transcript,speaker,text\n,Q,Hi\n', 'b.csv', interviewers)).toThrow('row 2 has no "transcript" value');
    try {
      parseCsvTranscripts('id,speaker,text\nP1,Q,Hi\nP1,A,"never closed\n', 'q.csv', interviewers);
      expect.unreachable();
    } catch (e) {
      expect((e as QcodeError).place).toEqual({ file: 'q.csv', line: 3, col: 1 });
      expect((e as QcodeError).message).toMatch(/never closed/);
    }
  });

  it('an empty or header-only CSV is not a transcript', () => {
    expect(() => parseCsvTranscripts('', 'e.csv', interviewers)).toThrow(NotATranscriptError);
    expect(parseCsvTranscripts('id,speaker,text\n', 'h.csv', interviewers)).toEqual([]);
  });
});
