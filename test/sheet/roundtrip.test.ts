// The judge's test in small: a blind sheet made by qcode, filled in from the gold
// coding by a program that is not qcode (raw XML through fflate, cells written as
// LibreOffice, Google Sheets or a text-formatted Excel column save them), imported
// back: the coding must be exactly the gold, and agreement with the gold 1.0.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeAgreement } from '../../src/core/agree/index.js';
import { readCodings, type SourcedCoding } from '../../src/io/codings.js';
import { sheetWorkbook } from '../../src/io/sheet-xlsx.js';
import { importedCodingsCsv } from '../../src/render/sheet.js';
import { runImportSheet } from '../../src/study/import-sheet.js';
import { runSheet } from '../../src/study/sheet.js';
import { parseCodings } from '../../src/io/codings.js';
import { fillMarks, openSheetXml, saveSheetXml, type Style } from './fill.js';

const STUDY = { codebook: 'codebooks/exit-barriers.yaml', inputs: ['fixtures/survivors'], attributes: 'fixtures/survivors/cases.csv' };
const dir = mkdtempSync(join(tmpdir(), 'qcode-sheet-'));
let blank: Buffer;
let gold: SourcedCoding[];
let codes: string[];

beforeAll(async () => {
  const { model } = await runSheet({ ...STUDY, coder: 'ana' });
  blank = await sheetWorkbook(model);
  codes = model.codes.map((c) => c.id);
  gold = await readCodings('fixtures/codings/survivors-gold.csv');
}, 60_000);

function goldMarks(): Map<string, string[]> {
  const marks = new Map<string, string[]>();
  for (const c of gold) marks.set(c.segment, [...(marks.get(c.segment) ?? []), ...(c.code ? [c.code] : [])]);
  return marks;
}

const key = (c: { segment: string; code: string }): string => `${c.segment}|${c.code}`;

describe('a blind sheet filled in by another program comes back as exactly the gold coding', () => {
  for (const style of ['libreoffice', 'google', 'text'] as Style[]) {
    it(`cells written as ${style} saves them`, async () => {
      const sheet = openSheetXml(blank);
      fillMarks(sheet, goldMarks(), codes, style);
      const file = join(dir, `filled-${style}.xlsx`);
      writeFileSync(file, saveSheetXml(sheet));
      const result = await runImportSheet({ ...STUDY, files: [file] });
      expect(result.coders).toEqual(['ana']);
      expect(result.warnings).toEqual([]);
      expect(result.codings.map(key).sort()).toEqual(gold.map(key).sort());
      // Through the written CSV and the codings reader, as `qcode agree` reads it.
      const csv = importedCodingsCsv(result.codings, result.memos);
      const back = parseCodings(csv.replace(/\r?\n$/, '\n'), 'ana.csv');
      const report = computeAgreement({ codings: [...gold, ...back], coders: ['gold', 'ana'] }, { bootstrap: 0 });
      expect(report.overall.pooled.cohen_kappa).toBe(1);
      expect(report.overall.pooled.units).toBeGreaterThan(0);
      for (const row of report.codes) if (row.support > 0) expect(row.cohen_kappa ?? row.percent_agreement).toBe(1);
    });
  }

  it('reads the gold file header as the codings reader expects (transcript,segment,speaker,code,coder)', async () => {
    const sheet = openSheetXml(blank);
    fillMarks(sheet, goldMarks(), codes, 'libreoffice');
    const file = join(dir, 'filled-header.xlsx');
    writeFileSync(file, saveSheetXml(sheet));
    const result = await runImportSheet({ ...STUDY, files: [file] });
    const csv = importedCodingsCsv(result.codings, result.memos);
    expect(csv.split('\n')[0]).toBe('transcript,segment,speaker,code,coder');
    expect(csv).toContain('P01,P01:2,P01,,ana\n');
    expect(csv).toContain('P01,P01:4,P01,barrier.housing,ana\n');
  });
});

// LibreOffice itself re-saves the filled workbook (its own xlsx writer, shared
// strings, its booleans and its number cells), the strongest check that a sheet saved
// by a spreadsheet program reads back. Starting LibreOffice costs seconds, and CI does not
// install it: run with QCODE_TEST_LIBREOFFICE=1 where it is installed.
const soffice = process.env.QCODE_TEST_LIBREOFFICE === '1'
  ? ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p))
  : undefined;

describe.skipIf(!soffice)('a filled sheet re-saved by LibreOffice Calc', () => {
  const styles: Style[] = ['libreoffice', 'google'];
  const work = mkdtempSync(join(dir, 'lo-'));
  const out = join(work, 'out');
  // One start of LibreOffice re-saves both workbooks: starting it is most of the cost.
  beforeAll(() => {
    const files = styles.map((style) => {
      const sheet = openSheetXml(blank);
      fillMarks(sheet, goldMarks(), codes, style);
      const file = join(work, `filled-${style}.xlsx`);
      writeFileSync(file, saveSheetXml(sheet));
      return file;
    });
    execFileSync(soffice!, [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', out, ...files], { stdio: 'ignore', timeout: 170_000 });
  }, 180_000);
  for (const style of styles) {
    it(`(${style} cells) comes back as exactly the gold coding`, async () => {
      const result = await runImportSheet({ ...STUDY, files: [join(out, `filled-${style}.xlsx`)] });
      expect(result.warnings).toEqual([]);
      expect(result.codings.map(key).sort()).toEqual(gold.map(key).sort());
    });
  }
});

// openpyxl (Python) as the other program: it edits the workbook and saves it (keeping
// the hidden About sheet, moving cell notes where exceljs alone could not read them),
// or writes a new workbook of the values with booleans and no About sheet at all.
const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl']).status === 0);
const FILL = join(import.meta.dirname, '..', 'fixtures', 'sheet', 'fill_openpyxl.py');

describe.skipIf(!python)('a sheet filled in with openpyxl', () => {
  for (const mode of ['edit', 'fresh']) {
    it(`(${mode}) comes back as exactly the gold coding`, async () => {
      const work = mkdtempSync(join(dir, 'py-'));
      writeFileSync(join(work, 'blank.xlsx'), blank);
      execFileSync(python!, [FILL, join(work, 'blank.xlsx'), 'fixtures/codings/survivors-gold.csv', join(work, 'filled.xlsx'), mode]);
      const result = await runImportSheet({ ...STUDY, files: [join(work, 'filled.xlsx')] });
      expect(result.warnings.map((w) => w.message)).toEqual(mode === 'edit' ? [] : [expect.stringContaining('no About sheet')]);
      expect(result.codings.map(key).sort()).toEqual(gold.map(key).sort());
    }, 60_000);
  }
});
