import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { DEFAULT_INTERVIEWERS } from '../../src/core/segment/roles.js';
import { NotATranscriptError } from '../../src/io/errors.js';
import type { Transcript, Warning } from '../../src/core/types.js';
import { applyAttributes, listInputs, readTranscripts } from '../../src/io/read.js';

import { F, fx, readAll, tempFiles } from './helpers.js';

const opts = { interviewers: [...DEFAULT_INTERVIEWERS] };
const study = fx('study');

describe('listInputs', () => {
  it('walks a folder recursively in path order, skipping hidden entries and other extensions', async () => {
    const { files, warnings } = await listInputs([study]);
    expect(files).toEqual([
      { path: join(study, 'P01.txt'), format: 'txt', explicit: false, sheet: join(study, 'cases.csv') },
      { path: join(study, 'notes.csv'), format: 'csv', explicit: false, sheet: join(study, 'cases.csv') },
      { path: join(study, 'sub/P02.md'), format: 'md', explicit: false, sheet: join(study, 'cases.csv') },
      { path: join(study, 'summary.json'), format: 'json', explicit: false, sheet: join(study, 'cases.csv') },
    ]);
    expect(warnings).toEqual([]);
  });

  it('keeps files as given, in the order given, without duplicates', async () => {
    const { files } = await listInputs([fx('single.json'), fx('captions.vtt'), fx('single.json')]);
    expect(files.map((f) => [f.path, f.format, f.explicit])).toEqual([
      [fx('single.json'), 'json', true],
      [fx('captions.vtt'), 'vtt', true],
    ]);
  });

  it('a missing path or an unreadable kind of file is a QcodeError', async () => {
    const missing = await listInputs([join(F, 'nope')]).catch((x: unknown) => x);
    expect(missing).toBeInstanceOf(QcodeError);
    expect((missing as QcodeError).message).toBe('no such file or folder');
    expect((missing as QcodeError).place).toEqual({ file: join(F, 'nope') });
    const e = await listInputs([fx('study/readme.rtf')]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(QcodeError);
    expect((e as QcodeError).place).toEqual({ file: fx('study/readme.rtf') });
  });

  it('warns about a folder with no transcripts', async () => {
    const dir = await tempFiles({ 'a.pdf': 'x' });
    expect((await listInputs([dir])).warnings).toEqual([{ file: dir, message: 'no transcript files (.txt .md .csv .tsv .vtt .srt .docx .json) in this folder' }]);
  });
});

describe('readAll', () => {
  it('reads a folder: cases.csv adds attributes and non-transcripts are skipped with warnings', async () => {
    const { transcripts, warnings } = await readAll([study], opts);
    expect(transcripts.map((t) => [t.id, t.format, t.source])).toEqual([
      ['P01', 'txt', join(study, 'P01.txt')],
      ['P02', 'md', join(study, 'sub/P02.md')],
    ]);
    // The sheet overrides the front matter's age_group and keeps its site (the sheet cell is empty).
    expect(transcripts[0]!.attributes).toEqual({ age_group: '35-44', site: 'north', exit_attempts: 4, code: '007' });
    expect(transcripts[1]!.attributes).toEqual({ age_group: '18-24', exit_attempts: 2.5, site: 'south', code: 12 });
    expect(warnings.map((w) => [w.file, w.message])).toEqual([
      [join(study, 'notes.csv'), 'skipped: not a transcript: the header row has no "speaker" and "text" column'],
      [join(study, 'summary.json'), 'skipped: not a transcript: no "turns" list of { "speaker", "text" }'],
    ]);
  });

  it('the --attributes sheet wins over the folder sheet', async () => {
    const { transcripts } = await readAll([study], { ...opts, attributes: fx('sheet.csv') });
    expect(transcripts[0]!.attributes).toEqual({ age_group: '35-44', site: 'north', exit_attempts: 5, code: '007', wave: 1 });
    expect(transcripts[1]!.attributes.exit_attempts).toBe(2.5);
  });

  it('reads every format together, in input order', async () => {
    const names = ['turns.csv', 'multi.csv', 'captions.vtt', 'captions.srt', 'interview.docx', 'single.json', 'array.json'];
    const { transcripts, warnings } = await readAll(names.filter((n) => n !== 'captions.srt').map(fx), opts);
    expect(transcripts.map((t) => `${t.id}/${t.format}/${t.turns.length}`)).toEqual([
      'G01/csv/3',
      'H01/csv/3',
      'H02/csv/2',
      'captions/vtt/5',
      'interview/docx/4',
      'J01/json/3',
      'K01/json/2',
      'K02/json/2',
    ]);
    expect(warnings).toEqual([]);
  });

  it('a non-transcript named explicitly is an error', async () => {
    await expect(readAll([fx('study/notes.csv')], opts)).rejects.toBeInstanceOf(NotATranscriptError);
    await expect(readAll([fx('study/summary.json')], opts)).rejects.toBeInstanceOf(NotATranscriptError);
  });

  it('a cases.csv in a subfolder applies to that subfolder only', async () => {
    const dir = await tempFiles({ 'A.txt': 'I: a\nX: b\nX: c', 'cases.csv': 'id,group\nA,top\nB,top\n' });
    await mkdir(join(dir, 'inner'));
    await writeFile(join(dir, 'inner', 'B.txt'), 'I: a\nY: b\nY: c');
    await writeFile(join(dir, 'inner', 'cases.csv'), 'id,group\nB,inner\n');
    const { transcripts, warnings } = await readAll([dir], opts);
    expect(transcripts.map((t) => [t.id, t.attributes])).toEqual([
      ['A', { group: 'top' }],
      ['B', { group: 'inner' }],
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('readTranscripts and applyAttributes', () => {
  it('reads one file at a time and reports skipped files through onWarning', async () => {
    const { files } = await listInputs([study]);
    const seen: string[] = [];
    const got: Transcript[] = [];
    for (const f of files) got.push(...(await readTranscripts(f, { ...opts, onWarning: (w) => seen.push(w.file ?? '') })));
    expect(got.map((t) => t.id)).toEqual(['P01', 'P02']);
    expect(got[0]!.attributes.exit_attempts).toBe(4);
    expect(seen).toEqual([join(study, 'notes.csv'), join(study, 'summary.json')]);
  });

  it('applyAttributes lays the sheet row over the transcript own attributes, without mutating it', async () => {
    const [t] = await readTranscripts({ path: fx('single.json'), format: 'json', explicit: true }, opts);
    const sheet = new Map([['J01', { city: 'York', wave: 2 }]]);
    const out = applyAttributes(t!, sheet);
    expect(out.attributes).toEqual({ city: 'York', visits: 3, member: true, note: null, wave: 2 });
    expect(t!.attributes.city).toBe('Leeds');
    expect(applyAttributes(t!, new Map())).toBe(t);
  });
});

describe('listInputs and links', () => {
  it('ignores a broken symlink and follows a linked folder once', async () => {
    const { symlink } = await import('node:fs/promises');
    const dir = await tempFiles({ 'A.txt': 'I: a' });
    await symlink(join(dir, 'missing.txt'), join(dir, 'broken.txt'));
    await symlink(dir, join(dir, 'loop'));
    const { files } = await listInputs([dir]);
    expect(files.map((f) => f.path)).toEqual([join(dir, 'A.txt')]);
  });

  it('reads a file once however it is reached: named, in its folder, through a linked file or folder', async () => {
    const { symlink } = await import('node:fs/promises');
    const dir = await tempFiles({});
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'A.txt'), 'I: a\nA: b');
    await writeFile(join(dir, 'sub', 'B.txt'), 'I: a\nB: b');
    const links = await tempFiles({});
    await symlink(join(dir, 'sub'), join(links, 'same-folder'));
    await symlink(join(dir, 'sub', 'B.txt'), join(links, 'C.txt'));
    const { files } = await listInputs([join(dir, 'sub', 'A.txt'), links, join(dir, 'sub'), join(dir, 'sub', './B.txt')]);
    expect(files.map((f) => [f.path, f.explicit])).toEqual([
      [join(dir, 'sub', 'A.txt'), true],
      [join(links, 'C.txt'), true],
    ]);
  });
});

describe('prose files without speaker turns in a folder', () => {
  it('are skipped with a warning, so notes beside transcripts are not counted as cases', async () => {
    const dir = await tempFiles({ 'A.txt': 'I: a\nA: b\nI: c\nA: d', 'NOTES.md': '# Coding notes\nSee: the codebook.\n' });
    const r = await readAll([dir], opts);
    expect(r.transcripts.map((t) => t.id)).toEqual(['A']);
    expect(r.warnings.map((w) => w.message)).toEqual(['skipped: not a transcript (no speaker turns)']);
  });
  it('named explicitly, are read as a transcript with only a preamble', async () => {
    const dir = await tempFiles({ 'NOTES.md': '# Coding notes\n' });
    const r = await readAll([join(dir, 'NOTES.md')], opts);
    expect(r.transcripts.map((t) => [t.id, t.turns.length])).toEqual([['NOTES', 0]]);
  });
});
