// What a coder may have done to a sheet, each reported with its cell.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { QcodeError, formatMessage } from '../../src/core/errors.js';
import { studyDrift } from '../../src/core/sheet/about.js';
import { importSheet, type SheetGrid } from '../../src/core/sheet/import.js';
import { textHash, type SheetAbout } from '../../src/core/sheet/layout.js';
import { readMark } from '../../src/core/sheet/marks.js';
import { sheetWorkbook } from '../../src/io/sheet-xlsx.js';
import { sheetCsv } from '../../src/render/sheet.js';
import { runImportSheet } from '../../src/study/import-sheet.js';
import { runSheet } from '../../src/study/sheet.js';
import { deleteRow, fillMarks, openSheetXml, saveSheetXml, setText } from './fill.js';

const STUDY = { codebook: 'codebooks/exit-barriers.yaml', inputs: ['fixtures/survivors'] };
const dir = mkdtempSync(join(tmpdir(), 'qcode-sheet-import-'));
let blank: Buffer;
let csvSheet: string;
let codes: string[];

beforeAll(async () => {
  const { model } = await runSheet({ ...STUDY, coder: 'ben' });
  blank = await sheetWorkbook(model);
  csvSheet = sheetCsv(model);
  codes = model.codes.map((c) => c.id);
}, 60_000);

async function importEdited(edit: (s: ReturnType<typeof openSheetXml>) => void) {
  const sheet = openSheetXml(blank);
  fillMarks(sheet, new Map([['P01:4', ['barrier.housing']], ['P02:2', []]]), codes, 'libreoffice');
  edit(sheet);
  const file = join(dir, `edited-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, saveSheetXml(sheet));
  return { file, run: () => runImportSheet({ ...STUDY, files: [file] }) };
}

async function errorsOf(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (e) {
    if (e instanceof QcodeError) return e.all().map(formatMessage);
    throw e;
  }
  throw new Error('expected the import to fail');
}

describe('marks as spreadsheets save them', () => {
  it('reads 1/0, booleans, yes/no and x; refuses anything else', () => {
    expect([1, true, '1', 'TRUE', 'x', 'X', 'yes', ' 1 ', '✓'].map(readMark)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect([0, false, '0', 'FALSE', 'no', '', null].map(readMark)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect([2, -1, 0.5, '2', 'maybe', '#N/A', '1?'].map(readMark)).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('import sheet names the cell of every problem', () => {
  it('a stray value: error with its cell and value', async () => {
    const { file, run } = await importEdited((s) => setText(s, `${s.columns.get('barrier.legal')}${s.rows.get('P01:6')}`, 'maybe'));
    const errors = await errorsOf(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${file}: Coding!O4: "maybe" is not a mark for barrier.legal`);
  });

  it('a renamed code column: error at its header, naming the missing code', async () => {
    const { run } = await importEdited((s) => setText(s, `${s.columns.get('barrier.housing')}1`, 'housing'));
    const errors = await errorsOf(run);
    expect(errors[0]).toMatch(/Coding!H1: column "housing" is not one of this sheet's codes \(was it renamed\? .*barrier\.housing\)/);
  });

  it('an edited text: a warning at the text cell; the coding is kept', async () => {
    const { run } = await importEdited((s) => setText(s, `F${s.rows.get('P01:4')}`, 'Something else entirely.'));
    const result = await run();
    expect(result.warnings.map(formatMessage).join('\n')).toContain('Coding!F3: the text of P01:4 was edited');
    expect(result.codings.filter((c) => c.segment === 'P01:4').map((c) => c.code)).toEqual(['barrier.housing']);
  });

  it('a deleted row: a warning naming the segment; it is not reviewed', async () => {
    const { run } = await importEdited((s) => deleteRow(s, s.rows.get('P01:8')!));
    const result = await run();
    expect(result.warnings.map(formatMessage).join('\n')).toMatch(/1 row of the sheet is missing \(deleted\?\): P01:8 \(row 5 when made\)/);
    expect(result.codings.some((c) => c.segment === 'P01:8')).toBe(false);
  });

  it('an edited segment id: error at the id cell', async () => {
    const { run } = await importEdited((s) => setText(s, `B${s.rows.get('P01:8')}`, 'P01:99'));
    const errors = await errorsOf(run);
    expect(errors.join('\n')).toContain("Coding!B5: segment P01:99 is not one of this sheet's segments");
  });
});

// The same checks on grids, for what an XML edit cannot easily make.
const about: SheetAbout = {
  qcode: '0.0.0', codebook: { name: 'b', version: '1', sha256: 'aaa' }, unit: 'turn', coder: 'cy', mode: 'blind',
  codes: ['a.x', 'a.y'],
  transcripts: [{ id: 'T1', sha256: 'h1' }],
  segments: [{ id: 'T1:2', sha256: textHash('one') }, { id: 'T1:4', sha256: textHash('two') }],
};
const header = ['case', 'segment', 'speaker', 'time', 'question', 'text', 'a.x', 'a.y', 'memo'];
const grid = (...rows: (string | number | boolean | null)[][]): SheetGrid => ({ name: 'Coding', rows: [header, ...rows].map((cells, i) => ({ row: i + 1, cells })) });

describe('importSheet on grids', () => {
  it('a duplicated row with the same marks is a warning; with other marks an error naming both rows', () => {
    const same = importSheet({ file: 's.xlsx', about, coder: 'cy', grid: grid(['T1', 'T1:2', 'P', null, null, 'one', 1, 0, null], ['T1', 'T1:4', 'P', null, null, 'two', 0, 0, null], ['T1', 'T1:2', 'P', null, null, 'one', 1, 0, null]) });
    expect(same.warnings.map((w) => w.message)).toEqual(['Coding!B4: segment T1:2 appears again (first at row 2); the copy is ignored']);
    expect(() => importSheet({ file: 's.xlsx', about, coder: 'cy', grid: grid(['T1', 'T1:2', 'P', null, null, 'one', 1, 0, null], ['T1', 'T1:4', 'P', null, null, 'two', 0, 0, null], ['T1', 'T1:2', 'P', null, null, 'one', 0, 1, null]) }))
      .toThrow('Coding!B4: segment T1:2 appears again with other marks (first at row 2)');
  });

  it('collects every stray value at once', () => {
    try {
      importSheet({ file: 's.xlsx', about, coder: 'cy', grid: grid(['T1', 'T1:2', 'P', null, null, 'one', 2, 'y?', null], ['T1', 'T1:4', 'P', null, null, 'two', 0, '#N/A', null]) });
      expect.unreachable();
    } catch (e) {
      expect((e as QcodeError).all().map((x) => x.message)).toEqual([
        'Coding!G2: 2 is not a mark for a.x (use 1 or 0; TRUE/FALSE, yes/no and x are read too)',
        'Coding!H2: "y?" is not a mark for a.y (use 1 or 0; TRUE/FALSE, yes/no and x are read too)',
        'Coding!H3: "#N/A" is not a mark for a.y (use 1 or 0; TRUE/FALSE, yes/no and x are read too)',
      ]);
    }
  });

  it('a missing code column is an error; reordered columns are read by their headers', () => {
    const moved = { name: 'Coding', rows: [
      { row: 1, cells: ['a.y', 'segment', 'a.x', 'text', 'memo'] },
      { row: 2, cells: [1, 'T1:2', 0, 'one', 'ask about the move'] },
      { row: 3, cells: [null, 'T1:4', true, 'two', null] },
    ] };
    const r = importSheet({ file: 's.xlsx', about, coder: 'cy', grid: moved });
    expect(r.codings.map((c) => `${c.segment} ${c.code}`)).toEqual(['T1:2 a.y', 'T1:4 a.x']);
    expect(r.memos.get('T1:2')).toBe('ask about the move');
    const without = { name: 'Coding', rows: [{ row: 1, cells: ['segment', 'a.x'] }, { row: 2, cells: ['T1:2', 1] }] };
    expect(() => importSheet({ file: 's.xlsx', about, coder: 'cy', grid: without })).toThrow('Coding: the code column a.y is missing from row 1');
  });

  it('a prefilled sheet says its coding is not blind', () => {
    const r = importSheet({ file: 's.xlsx', about: { ...about, mode: 'prefill' }, coder: 'cy', grid: grid(['T1', 'T1:2', 'P', null, null, 'one', 1, 0, null], ['T1', 'T1:4', 'P', null, null, 'two', 0, 0, null]) });
    expect(r.warnings.map((w) => w.message).join()).toContain('made with --prefill');
  });
});

describe('a sheet whose study changed', () => {
  it('says what changed in the codebook and in each transcript', () => {
    const warnings = studyDrift(about, {
      codebook: { name: 'b', version: '2', sha256: 'bbb', codes: ['a.x', 'a.z'] },
      transcripts: new Map([['T1', { sha256: 'h2', segments: new Map([['T1:2', textHash('one, now longer')], ['T1:6', textHash('new')]]) }]]),
    }, 's.xlsx').map((w) => w.message);
    expect(warnings).toEqual([
      'the codebook changed since this sheet was made: b 1 (sha256 aaa) → b 2 (sha256 bbb); codes added since: a.z; codes no longer in it: a.y',
      'transcript T1 changed since this sheet was made: segments gone: T1:4; segments whose text changed: T1:2; segments not in the sheet: T1:6',
    ]);
    expect(studyDrift(about, { transcripts: new Map() }, 's.xlsx').map((w) => w.message)).toEqual(['transcript T1 is in this sheet but no longer among the study\'s transcripts']);
  });

  it('through the import: an edited codebook is named', async () => {
    const sheet = openSheetXml(blank);
    const file = join(dir, 'drift.xlsx');
    writeFileSync(file, saveSheetXml(sheet));
    const { readFileSync } = await import('node:fs');
    const book = join(dir, 'book.yaml');
    writeFileSync(book, readFileSync('codebooks/exit-barriers.yaml', 'utf8').replace(/^version: .*$/m, 'version: 1.1.0'));
    const result = await runImportSheet({ ...STUDY, codebook: book, files: [file] });
    expect(result.warnings.map((w) => w.message).join('\n')).toMatch(/the codebook changed since this sheet was made: .* 1\.0\.0 .* → .* 1\.1\.0 .*the same codes/);
  });
});

describe('a CSV sheet', () => {
  it('filled in as text comes back, and an edited text is found against the transcripts', async () => {
    const rows = Papa.parse<string[]>(csvSheet, { skipEmptyLines: true }).data;
    const head = rows[0]!;
    const row = (id: string): string[] => rows.find((r) => r[1] === id)!;
    row('P01:4')[head.indexOf('barrier.housing')] = '1';
    row('P01:4')[head.indexOf('exit.attempt')] = 'TRUE';
    row('P01:6')[head.indexOf('text')] = `${row('P01:6')[head.indexOf('text')]} (edited)`;
    const file = join(dir, 'filled.csv');
    writeFileSync(file, Papa.unparse(rows, { newline: '\r\n' }));
    const result = await runImportSheet({ ...STUDY, files: [file] });
    expect(result.coders).toEqual(['filled']);
    expect(result.codings.filter((c) => c.code !== '').map((c) => `${c.segment} ${c.code}`)).toEqual(['P01:4 barrier.housing', 'P01:4 exit.attempt']);
    expect(result.warnings.map((w) => w.message)).toEqual(['Coding!F4: the text of P01:6 was edited in the sheet; its coding is kept for the segment as the transcript has it']);
  });
});

describe('a prefilled sheet', () => {
  it("holds the auto-coder's codes; imported untouched it gives them back, with a warning that it is not blind", async () => {
    const { model } = await runSheet({ ...STUDY, coder: 'rev', prefill: true });
    expect(model.about.mode).toBe('prefill');
    const auto = model.rows.flatMap((r) => r.prefilled.map((c) => `${r.segment} ${c}`));
    expect(auto.length).toBeGreaterThan(50);
    const file = join(dir, 'prefilled.xlsx');
    writeFileSync(file, await sheetWorkbook(model));
    const result = await runImportSheet({ ...STUDY, files: [file] });
    expect(result.codings.filter((c) => c.code !== '').map((c) => `${c.segment} ${c.code}`).sort()).toEqual(auto.sort());
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('made with --prefill')]);
  }, 60_000);
});

describe('columns a coder added', () => {
  it('a notes column is left alone with a warning; a misspelt code is an error with a suggestion', () => {
    const extra = { name: 'Coding', rows: [
      { row: 1, cells: ['segment', 'a.x', 'a.y', 'my notes'] },
      { row: 2, cells: ['T1:2', 1, 0, 'check this one'] },
      { row: 3, cells: ['T1:4', 0, 0, null] },
    ] };
    const r = importSheet({ file: 's.xlsx', about, coder: 'cy', grid: extra });
    expect(r.warnings.map((w) => w.message)).toEqual(['Coding!D1: column "my notes" is not one of this sheet\'s codes; its values are not read']);
    const typo = { name: 'Coding', rows: [{ row: 1, cells: ['segment', 'barrier.legal', 'barrier.housng'] }, { row: 2, cells: ['T1:2', 1, 1] }] };
    expect(() => importSheet({ file: 's.csv', coder: 'cy', knownCodes: new Set(['barrier.legal', 'barrier.housing']), grid: typo }))
      .toThrow('Coding!C1: column "barrier.housng" is not a code of the codebook (did you mean barrier.housing?)');
  });
});

describe('the blank workbook a coder opens', () => {
  it('is the same bytes whenever it is made', async () => {
    const { model } = await runSheet({ ...STUDY, coder: 'ben' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    try {
      expect(Buffer.compare(await sheetWorkbook(model), blank)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers 0 or 1 down each code column with one rule per column, none overlapping', () => {
    const sheet = openSheetXml(blank);
    const xml = Buffer.from(sheet.files[sheet.sheetPath]!).toString('utf8');
    const ranges = [...xml.matchAll(/<dataValidation [^>]*errorTitle="([^"]+)"[^>]*sqref="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    const last = Math.max(...sheet.rows.values());
    const wanted = codes.map((code) => {
      const col = sheet.columns.get(code)!;
      return [code, `${col}2:${col}${last}`];
    });
    const byCode = (a: (string | undefined)[], b: (string | undefined)[]): number => a[0]!.localeCompare(b[0]!);
    expect(ranges.sort(byCode)).toEqual(wanted.sort(byCode));
  });
});
