// Which reader a file goes to: its content first, its extension second, `--from` above both.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { detectLayout } from '../../src/core/segment/layouts/detect.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { NotATranscriptError } from '../../src/io/errors.js';
import { formatOf, FROM_NAMES, parseFrom } from '../../src/io/names.js';
import { parseTranscriptText, readTranscripts } from '../../src/io/read.js';
import { makeDocx } from './docx-build.js';
import { cpSlice, readAll, tempFiles } from './helpers.js';

const interviewers = [...DEFAULT_INTERVIEWERS];
const OTTER = 'Dana Reyes  0:09\nWhat helped you most?\n\nSam Ortiz  0:14\nA caseworker who called back.\n';

async function readOne(name: string, content: string | Uint8Array, from?: string) {
  const dir = await tempFiles({ [name]: content });
  const [t] = await readTranscripts({ path: join(dir, name), format: formatOf(name)!, explicit: true }, { interviewers, ...(from ? { from } : {}) });
  return t!;
}

describe('recognising a file by its content', () => {
  it('reads WebVTT and SubRip whatever the extension', async () => {
    const vtt = await readOne('call.txt', 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Dana>Hello there.\n');
    expect([vtt.format, vtt.turns.map((x) => x.speaker)]).toEqual(['vtt', ['Dana']]);
    const srt = await readOne('call.md', '1\n00:00:01,000 --> 00:00:04,000\nDana: Hello there.\n\n2\n00:00:05,000 --> 00:00:07,000\nDana: Again.\n');
    expect(srt.format).toBe('srt');
    expect(srt.turns.map((x) => x.speaker)).toEqual(['Dana']);
  });

  it('reads a Word file saved with a .txt name as Word, and an Otter text with a .md name as Otter', async () => {
    const docx = await readOne('export.txt', makeDocx(['Dana Reyes  0:09', 'What helped you most?', 'Sam Ortiz  0:14', 'A caseworker who called back.']));
    expect([docx.format, docx.layout, docx.turns.length]).toEqual(['docx', 'otter', 2]);
    const md = await readOne('otter.md', OTTER);
    expect([md.format, md.layout]).toEqual(['md', 'otter']);
  });

  it('detects each layout from a few lines', () => {
    expect(detectLayout('I: Hello?\nP03: Hi.\nI: Bye.\nP03: Bye.')).toBe('plain');
    expect(detectLayout(OTTER)).toBe('otter');
    expect(detectLayout('A started transcription\n\nA   0:03\nHi.')).toBe('teams');
    expect(detectLayout('Speaker 1 (00:09):\nHi.')).toBe('rev');
    expect(detectLayout('Timespan\tContent\tSpeaker\n0:00.0 - 0:01.0\tHi.\tA')).toBe('nvivo');
    expect(detectLayout('Title\nAttendees\nA, B\nTranscript\nA: Hi.')).toBe('meet');
    expect(detectLayout('0:00:17\nA: Hi.\n0:00:20\nB: Hello.')).toBe('timecode');
    // A time at the end of a sentence is not Otter's `Name  0:09` (one space, no words below).
    expect(detectLayout('I: When did you leave?\nAna: At 5:30\nI: Why then?\nAna: The shift ended.')).toBe('plain');
  });
});

describe('tab-separated tables', () => {
  it('reads a .tsv with speaker and text columns as a table of turns', async () => {
    const t = await readOne('P05.tsv', 'speaker\ttext\tstart\nI\tWhere did you stay?\t00:00:04\nP05\tAt my sister\'s, then a shelter.\t00:00:09\n');
    expect([t.format, t.layout]).toEqual(['tsv', 'table']);
    expect(t.turns.map((x) => [x.speaker, cpSlice(t.text, x.span), x.time])).toEqual([
      ['I', 'Where did you stay?', 4],
      ['P05', "At my sister's, then a shelter.", 9],
    ]);
  });
});

describe('parseTranscriptText (the library\'s reader of strings)', () => {
  it('recognises the layout of a string, or takes it from `from`', () => {
    expect(parseTranscriptText(OTTER, { id: 'P02', interviewers }).layout).toBe('otter');
    const vtt = parseTranscriptText('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>Hi.\n', { id: 'P02', interviewers });
    expect([vtt.id, vtt.format]).toEqual(['P02', 'vtt']);
    expect(() => parseTranscriptText(OTTER, { id: 'P02', interviewers, from: 'ottr' })).toThrow(/did you mean "otter"/);
  });
});

describe('--from', () => {
  it('overrides detection: an Otter-looking file read as plain text keeps its lines as preamble', async () => {
    const t = await readOne('otter.txt', OTTER, 'plain');
    expect(t.layout).toBe('plain');
    expect(t.turns).toEqual([]);
    expect(t.unread.map((u) => u.kind)).toEqual(['preamble', 'preamble', 'preamble', 'preamble']);
  });

  it('names a layout the content does not show clearly (one Otter block, no footer)', async () => {
    const text = 'Dana Reyes  0:09\nWhat helped you most?\n';
    expect((await readOne('one.txt', text)).layout).toBe('plain');
    const t = await readOne('one.txt', text, 'otter');
    expect(t.turns.map((x) => [x.speaker, cpSlice(t.text, x.span), x.time])).toEqual([['Dana Reyes', 'What helped you most?', 9]]);
  });

  it('accepts formats and layouts, case-insensitively, and suggests the closest for a typo', () => {
    expect(FROM_NAMES).toEqual(expect.arrayContaining(['txt', 'md', 'csv', 'tsv', 'vtt', 'srt', 'docx', 'json', 'otter', 'teams', 'rev', 'meet', 'nvivo', 'timecode', 'plain', 'zoom', 'youtube']));
    expect(parseFrom('OTTER')).toEqual({ layout: 'otter' });
    expect(parseFrom('docx')).toEqual({ format: 'docx' });
    const e = (() => {
      try {
        parseFrom('oter');
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(QcodeError);
    expect((e as QcodeError).message).toMatch(/unknown --from "oter": did you mean "otter"\?/);
  });
});

describe('empty files', () => {
  it('named explicitly, an empty file is an error', async () => {
    const dir = await tempFiles({ 'P09.txt': '  \n\n' });
    const e = await readTranscripts({ path: join(dir, 'P09.txt'), format: 'txt', explicit: true }, { interviewers }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotATranscriptError);
    expect((e as QcodeError).message).toBe('the file is empty');
  });

  it('found in a folder, it is skipped with a warning (a .vtt or a .docx too)', async () => {
    const dir = await tempFiles({ 'P01.txt': 'I: Hi.\nAna: Hello.\nAna: Bye.', 'P02.txt': '', 'P03.vtt': '', 'P04.docx': makeDocx([]) });
    const { transcripts, warnings } = await readAll([dir], { interviewers });
    expect(transcripts.map((t) => t.id)).toEqual(['P01']);
    expect(warnings.map((w) => [w.file, w.message])).toEqual([
      [join(dir, 'P02.txt'), 'skipped: the file is empty'],
      [join(dir, 'P03.vtt'), 'skipped: the file is empty'],
      [join(dir, 'P04.docx'), 'skipped: the file is empty'],
    ]);
  });
});
