import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { parsePlainText } from '../../src/core/segment/plaintext.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { cpSlice, paragraphTexts, PLAIN_EXAMPLE, turnTexts } from './helpers.js';

const opts = { id: 'default-id', source: 'talk.txt', format: 'txt' as const, interviewers: [...DEFAULT_INTERVIEWERS] };


describe('parsePlainText: the documented plain-text example', () => {
  const t = parsePlainText(PLAIN_EXAMPLE, opts);

  it('takes id and attributes from front matter and removes the block from the text', () => {
    expect(t.id).toBe('P03');
    expect(t.attributes).toEqual({ age_group: '25-34', exit_attempts: 4 });
    expect(t.text.startsWith('I: Can you tell me')).toBe(true);
    expect(t.text).toBe(PLAIN_EXAMPLE.split('\n').slice(5).join('\n'));
    expect(t.source).toBe('talk.txt');
    expect(t.format).toBe('txt');
    expect(t.preamble).toBeUndefined();
    // No front matter "speakers:", so P03 is a guess: the run says so once for all transcripts.
    expect(t.warnings).toHaveLength(0);
    expect(t.guessedSpeakers).toEqual(['P03']);
  });

  it('finds four turns with speakers, roles, lines and timestamps', () => {
    expect(t.turns.map((x) => [x.index, x.speaker, x.role, x.line, x.timestamp])).toEqual([
      [1, 'I', 'interviewer', 6, undefined],
      [2, 'P03', 'participant', 7, undefined],
      [3, 'I', 'interviewer', 10, '00:12:31'],
      [4, 'P03', 'participant', 11, undefined],
    ]);
  });

  it('gives exact turn and paragraph spans', () => {
    expect(t.turns[0]?.span).toEqual({ start: 3, end: 59 });
    expect(t.turns[1]?.span).toEqual({ start: 65, end: 145 });
    expect(t.turns[1]?.paragraphs).toEqual([
      { start: 65, end: 116 },
      { start: 118, end: 145 },
    ]);
    expect(turnTexts(t)).toEqual([
      'Can you tell me about the first time you tried to leave?',
      'I was nineteen. I had no money and nowhere to stay.\n\nIt took me four more tries.',
      'What helped, in the end?',
      'A program that lasted two years, not two weeks.',
    ]);
    expect(paragraphTexts(t)[1]).toEqual(['I was nineteen. I had no money and nowhere to stay.', 'It took me four more tries.']);
  });
});

describe('parsePlainText: speakers', () => {
  it('infers speakers from labels that start at least two lines, and warns about a one-off label', () => {
    const text = ['Ana: I cook most evenings.', 'Q: What do you cook?', 'Ana: Soup, mostly.', 'My aunt said: keep it simple.', 'Q: Nice.'].join('\n');
    const t = parsePlainText(text, opts);
    expect(t.turns.map((x) => x.speaker)).toEqual(['Ana', 'Q', 'Ana', 'Q']);
    expect(t.turns.map((x) => x.role)).toEqual(['participant', 'interviewer', 'participant', 'interviewer']);
    expect(turnTexts(t)[2]).toBe('Soup, mostly.\nMy aunt said: keep it simple.');
    expect(t.turns[2]?.paragraphs).toHaveLength(1);
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]).toMatchObject({ file: 'talk.txt', line: 4, col: 1 });
    expect(t.warnings[0]?.message).toContain('"My aunt said:"');
    expect(t.guessedSpeakers).toContain('Ana');
  });

  it('an interviewer label is a speaker even when used once, case-insensitively', () => {
    const t = parsePlainText('interviewer: Hello there.\nBo: Hi.\nBo: Again.', opts);
    expect(t.turns.map((x) => [x.speaker, x.role])).toEqual([
      ['interviewer', 'interviewer'],
      ['Bo', 'participant'],
      ['Bo', 'participant'],
    ]);
  });

  it('a label used once that is not an interviewer makes the text before the next speaker preamble', () => {
    const t = parsePlainText('Ana: only once.\nI: Hello.', opts);
    expect(t.turns).toHaveLength(1);
    expect(t.preamble).toEqual({ start: 0, end: 15 });
    expect(t.warnings.map((w) => w.line)).toEqual([1]);
  });

  it('a declared speakers list replaces inference and is not an attribute', () => {
    const text = ['---', 'speakers: [Kim, Facilitator]', 'site: north', '---', 'Facilitator: Welcome.', 'Kim: Thanks.', 'Note: the tea was cold.', 'Note: it was late.'].join('\n');
    const t = parsePlainText(text, opts);
    expect(t.id).toBe('default-id');
    expect(t.attributes).toEqual({ site: 'north' });
    expect(t.turns.map((x) => x.speaker)).toEqual(['Facilitator', 'Kim']);
    expect(turnTexts(t)[1]).toBe('Thanks.\nNote: the tea was cold.\nNote: it was late.');
    expect(t.warnings.map((w) => w.line)).toEqual([7, 8]);
    expect(t.warnings[0]?.message).toContain('speakers');
    expect(t.turns[0]?.line).toBe(5);
  });

  it('uses the interviewers given, not the defaults', () => {
    const t = parsePlainText('Host: Hi.\nLee: Hello.\nHost: Bye.\nLee: Bye.', { ...opts, interviewers: ['host'] });
    expect(t.turns.map((x) => x.role)).toEqual(['interviewer', 'participant', 'interviewer', 'participant']);
  });

  it('accepts labels with spaces, digits, dots, apostrophes, hyphens and underscores', () => {
    const text = "Speaker 2: one\nDr. O'Neil-Ray_3: two\nSpeaker 2: three\nDr. O'Neil-Ray_3: four";
    expect(parsePlainText(text, opts).turns.map((x) => x.speaker)).toEqual(['Speaker 2', "Dr. O'Neil-Ray_3", 'Speaker 2', "Dr. O'Neil-Ray_3"]);
  });

  it('needs a space or the end of the line after the colon', () => {
    const text = 'I: Time was 10:30 then.\nI:no space\nSee http://example.org: later\nI:';
    const t = parsePlainText(text, opts);
    expect(t.turns.map((x) => x.line)).toEqual([1, 4]);
    expect(turnTexts(t)[0]).toBe('Time was 10:30 then.\nI:no space\nSee http://example.org: later');
  });

  it('takes labels of any length, in any script, with parentheses, slashes, digits and +', () => {
    const names = ['María Guadalupe Fernández de la Torre', 'P1 (advocate)', '+1 415 555 0123', 'Dana Reyes (she/her)'];
    const text = names.flatMap((n, i) => [`I: Question ${i}?`, `${n}: Answer ${i}.`, `I: And then?`, `${n}: More ${i}.`]).join('\n');
    const t = parsePlainText(text, opts);
    expect(t.turns.filter((x) => x.role === 'participant').map((x) => x.speaker)).toEqual(names.flatMap((n) => [n, n]));
    // Nobody's words were folded into the interviewer's turn.
    expect(turnTexts(t).filter((_, i) => i % 2 === 0).every((x) => /^(Question \d\?|And then\?)$/.test(x))).toBe(true);
  });

  it('a label declared in front matter is a speaker even when it starts only one line', () => {
    const text = '---\nspeakers: [I, "P1 (advocate)"]\n---\nI: What helped?\nP1 (advocate): A housing program that lasted two years.';
    const t = parsePlainText(text, opts);
    expect(t.turns.map((x) => [x.speaker, x.role])).toEqual([['I', 'interviewer'], ['P1 (advocate)', 'participant']]);
    expect(turnTexts(t)[1]).toBe('A housing program that lasted two years.');
    expect(t.warnings).toEqual([]);
  });

  it('every speaker line starts a new turn, even when the label repeats', () => {
    const t = parsePlainText('I: a\nI: b\nP: c\nP: d', opts);
    expect(t.turns.map((x) => `${x.index}${x.speaker}`)).toEqual(['1I', '2I', '3P', '4P']);
  });
});

describe('parsePlainText: timestamps', () => {
  it('reads [hh:mm:ss], [mm:ss] and bare hh:mm:ss before the label', () => {
    const text = '[01:02:03] I: one\n[04:05] Pat: two\n06:07:08 I: three\nPat: four';
    const t = parsePlainText(text, opts);
    expect(t.turns.map((x) => x.timestamp)).toEqual(['01:02:03', '04:05', '06:07:08', undefined]);
    expect(turnTexts(t)).toEqual(['one', 'two', 'three', 'four']);
    expect(t.turns[1]?.span).toEqual({ start: 31, end: 34 });
  });

  it('reads f4transkript/MAXQDA end stamps: never in the text, a turn starts at the stamp above it', () => {
    const text = 'I: Wie war der erste Tag im Wohnheim? #00:00:06-8#\nB: Ruhig. Ich hatte endlich ein eigenes Zimmer. #00:00:15-2#\nI: Und danach? #00:00:18-0#\nB: Arbeit gesucht. #00:01:02-5#';
    const t = parsePlainText(text, opts);
    expect(t.layout).toBe('plain');
    expect(turnTexts(t)).toEqual(['Wie war der erste Tag im Wohnheim?', 'Ruhig. Ich hatte endlich ein eigenes Zimmer.', 'Und danach?', 'Arbeit gesucht.']);
    expect(t.text).not.toContain('#');
    expect(t.turns.map((x) => x.time)).toEqual([0, 6.8, 15.2, 18]);
    expect(t.turns.map((x) => x.line)).toEqual([1, 2, 3, 4]);
  });

  it('reads an NVivo #hh:mm:ss# stamp in front of the label as the turn\'s start', () => {
    const text = '#00:00:07# Interviewer: What did the advocate do first?\n#00:00:12# Sam: She found me a bed for the night.\n#00:00:20# Interviewer: And then?\n#00:00:23# Sam: Then a job.';
    const t = parsePlainText(text, opts);
    expect(t.turns.map((x) => [x.speaker, x.timestamp, x.time])).toEqual([
      ['Interviewer', '00:00:07', 7],
      ['Sam', '00:00:12', 12],
      ['Interviewer', '00:00:20', 20],
      ['Sam', '00:00:23', 23],
    ]);
    expect(turnTexts(t)).toEqual(['What did the advocate do first?', 'She found me a bed for the night.', 'And then?', 'Then a job.']);
  });

  it('a bare mm:ss is not a timestamp, so the line is not a speaker line', () => {
    const t = parsePlainText('I: a\n04:05 I: b', opts);
    expect(t.turns).toHaveLength(1);
    expect(turnTexts(t)[0]).toBe('a\n04:05 I: b');
  });
});

describe('parsePlainText: turns, paragraphs and preamble', () => {
  it('continuation lines, several blank lines and trailing spaces make trimmed paragraphs', () => {
    const text = 'I:   Tell me about  \n  your week.\n\n\n   \nPat:\n\n  Busy.  \nVery busy.\n\n\nThe end.   \n\nPat: Yes.';
    const t = parsePlainText(text, opts);
    expect(turnTexts(t)).toEqual(['Tell me about  \n  your week.', 'Busy.  \nVery busy.\n\n\nThe end.', 'Yes.']);
    expect(paragraphTexts(t)).toEqual([['Tell me about  \n  your week.'], ['Busy.  \nVery busy.', 'The end.'], ['Yes.']]);
  });

  it('a turn with no words has an empty span and no paragraphs', () => {
    const t = parsePlainText('I: Hello?\nPat:\nI: Anyone?\nPat:   ', opts);
    expect(t.turns[1]).toMatchObject({ index: 2, speaker: 'Pat', paragraphs: [], span: { start: 14, end: 14 } });
    expect(t.turns[3]?.paragraphs).toEqual([]);
  });

  it('keeps the preamble as a span and warns once', () => {
    const text = 'Recorded at the library.\nNotes: second visit.\n\nI: Shall we start?\nJo: Yes.\nJo: Sure.';
    const t = parsePlainText(text, opts);
    expect(t.preamble).toEqual({ start: 0, end: 45 });
    expect(cpSlice(t.text, t.preamble!)).toBe('Recorded at the library.\nNotes: second visit.');
    expect(t.warnings).toHaveLength(1);
    expect(t.guessedSpeakers).toContain('Jo');
    expect(t.warnings[0]).toMatchObject({ line: 1, col: 1 });
    expect(t.warnings[0]?.message).toContain('lines 1-2');
    expect(t.turns).toHaveLength(3);
  });

  it('a text without any speaker line is all preamble', () => {
    const t = parsePlainText('Just some notes.\nNothing else.', opts);
    expect(t.turns).toEqual([]);
    expect(t.preamble).toEqual({ start: 0, end: 30 });
    expect(t.warnings[0]?.message).toContain('no speaker lines');
  });

  it('an empty file has no turns and no warnings', () => {
    const t = parsePlainText('', opts);
    expect(t).toMatchObject({ id: 'default-id', text: '', turns: [], warnings: [] });
  });
});

describe('parsePlainText: normalisation and front matter', () => {
  it('drops a BOM and turns CRLF and lone CR into LF', () => {
    const t = parsePlainText('\uFEFF---\r\nid: X1\r\n---\r\nI: one\r\ntwo\rPat: three\rPat: four', opts);
    expect(t.id).toBe('X1');
    expect(t.text).toBe('I: one\ntwo\nPat: three\nPat: four');
    expect(turnTexts(t)).toEqual(['one\ntwo', 'three', 'four']);
    expect(t.turns.map((x) => x.line)).toEqual([4, 6, 7]);
  });

  it('keeps a zero-padded id as written', () => {
    expect(parsePlainText('---\nid: 007\n---\nI: hi', opts).id).toBe('007');
  });

  it('a front matter closed on the last line leaves an empty document', () => {
    const t = parsePlainText('---\nid: A\n---', opts);
    expect(t.text).toBe('');
    expect(t.turns).toEqual([]);
  });

  it('a `---` that is not on the first line is ordinary text', () => {
    const t = parsePlainText('\n---\nid: A\n---\nI: hi', opts);
    expect(t.id).toBe('default-id');
    expect(t.preamble).toBeDefined();
  });

  it('reports invalid YAML at its line and column in the file', () => {
    const text = '---\nid: P1\nage: [1, 2\nsite: x\n---\nI: hi';
    try {
      parsePlainText(text, opts);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QcodeError);
      expect((e as QcodeError).place).toEqual({ file: 'talk.txt', line: 4, col: 1 });
      expect((e as QcodeError).message).toMatch(/^front matter is not valid YAML: /);
    }
  });

  it('reports duplicate keys, unclosed front matter, and non-scalar attributes', () => {
    expect(() => parsePlainText('---\nid: A\nid: B\n---\n', opts)).toThrow(/not valid YAML/);
    expect(() => parsePlainText('---\nid: A\nI: hi', opts)).toThrow(/never closed/);
    const nested = () => parsePlainText('---\nid: A\nhome:\n  city: X\n---\n', opts);
    expect(nested).toThrow(QcodeError);
    try {
      nested();
    } catch (e) {
      expect((e as QcodeError).place.line).toBe(3);
    }
  });

  it('joins a list attribute and rejects a transcript id with a colon', () => {
    expect(parsePlainText('---\nlanguages: [en, es]\n---\n', opts).attributes).toEqual({ languages: 'en; es' });
    expect(() => parsePlainText('---\nid: "a:b"\n---\n', opts)).toThrow(/may not contain ":"/);
  });
});

describe('parsePlainText: code point offsets', () => {
  it('counts an astral character as one offset', () => {
    const text = 'I: Did you see it 🌻 then?\nPat: Yes 😀 I did.\nPat: Twice.';
    const t = parsePlainText(text, opts);
    expect(t.turns[0]?.span).toEqual({ start: 3, end: 25 });
    expect(t.turns[1]?.span).toEqual({ start: 31, end: 43 });
    expect(t.turns[2]?.span).toEqual({ start: 49, end: 55 });
    expect(turnTexts(t)).toEqual(['Did you see it 🌻 then?', 'Yes 😀 I did.', 'Twice.']);
  });
});
