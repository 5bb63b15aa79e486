// The library's own entry points, in process: what a script gets from `import … from 'qcode'`.
import { describe, expect, it } from 'vitest';
import { codeTranscript, compileCodebook, loadCodebook, parseTranscript, readTranscripts } from '../../src/study/library.js';

const BOOK = 'name: t\nversion: 1\ncodes:\n  - id: money\n    label: Money\n    match: { any: [money, rent] }\n';

describe('library entry points', () => {
  it('parseTranscript reads a string in a named format, or detects it', () => {
    const vtt = parseTranscript('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v I>How did you leave?\n\n00:00:03.000 --> 00:00:05.000\n<v Ana>I had no money.\n', { id: 'V1' });
    expect(vtt).toMatchObject({ id: 'V1', format: 'vtt' });
    expect(vtt.turns.map((t) => [t.speaker, t.role, t.time])).toEqual([['I', 'interviewer', 1], ['Ana', 'participant', 3]]);
    const otter = parseTranscript('Dana Reyes  0:09\nHow did you leave?\n\nAna  0:15\nI had no money.\n', { format: 'otter', interviewers: ['Dana Reyes'] });
    expect(otter.layout).toBe('otter');
    expect(otter.turns.map((t) => t.speaker)).toEqual(['Dana Reyes', 'Ana']);
  });

  it('compileCodebook and codeTranscript code one transcript with the codebook defaults', async () => {
    const cb = await compileCodebook(BOOK);
    const t = parseTranscript('I: Why did you go back?\nAna: No money for rent.\nI: And then?\nAna: I stayed.\n', { id: 'T', format: 'txt' });
    const coded = codeTranscript(cb, t);
    expect(coded.codings.map((c) => [c.segment, c.code, c.evidence.map((e) => e.text)])).toEqual([['T:2', 'money', ['money', 'rent']]]);
  });

  it('readTranscripts reads a folder with its case sheet, in id order; loadCodebook reads a file', async () => {
    const { transcripts, warnings } = await readTranscripts(['fixtures/survivors'], { attributes: 'fixtures/survivors/cases.csv' });
    expect(transcripts.map((t) => t.id)).toEqual(['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07']);
    expect(transcripts[0]!.attributes).toHaveProperty('region');
    expect(warnings).toEqual([]);
    expect((await loadCodebook('codebooks/exit-barriers.yaml')).book.codes.length).toBeGreaterThan(3);
  });
});
