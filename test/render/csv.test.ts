import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { FreqReport } from '../../src/core/aggregate/freq.js';
import type { IngestSummary } from '../../src/core/aggregate/ingest.js';
import type { Coding } from '../../src/core/types.js';
import { codingsCsv } from '../../src/render/codings.js';
import { countCsvRows, renderCsv } from '../../src/render/csv.js';
import { freqCsv } from '../../src/render/freq.js';
import { ingestCsv } from '../../src/render/ingest.js';
import { renderJson } from '../../src/render/json.js';

/** The cells a spreadsheet would see, header first. */
function cells(csv: string): string[][] {
  return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
}

// Every way a spreadsheet starts a formula (OWASP's list), as text from an input.
const HOSTILE = ['=HYPERLINK("http://example.test","click")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tTAB', '\rCR'];

describe('CSV is safe to open in a spreadsheet', () => {
  it('prefixes every text cell a spreadsheet would run as a formula with a quote', () => {
    const csv = renderCsv(['text'], HOSTILE.map((h) => [h]));
    expect(cells(csv).slice(1).map((r) => r[0])).toEqual(HOSTILE.map((h) => `'${h}`));
  });

  it('leaves ordinary text alone, including a quote or a formula sign later in the cell', () => {
    const plain = ["it's fine", 'a = b', 'x-y', 'mail me @ the shelter', '5'];
    expect(cells(renderCsv(['text'], plain.map((p) => [p]))).slice(1).map((r) => r[0])).toEqual(plain);
  });

  it('keeps numbers qcode computed as numbers: a negative kappa is not escaped', () => {
    const csv = renderCsv(['code', 'kappa', 'n', 'missing', 'flag'], [['-a', -0.25, -3, null, true]]);
    expect(cells(csv)[1]).toEqual(["'-a", '-0.25', '-3', '', 'true']);
  });

  it('escapes hostile text in every text column of the coded table', () => {
    const coding = {
      transcript: '=T1', segment: '+T1:1', speaker: '@Dana', code: '-barrier', coder: '=auto', start: 0, end: 10,
      evidence: [{ term: '=cmd', text: '=cmd', start: 0, end: 4 }],
    } as unknown as Coding;
    const [, row] = cells(codingsCsv([coding]));
    expect(row).toEqual(["'=T1", "'+T1:1", "'@Dana", "'-barrier", "'=auto", '0', '10', "'=cmd"]);
  });

  it('escapes a frequency table\'s labels and --by values, not its numbers', () => {
    const report = {
      codebook: { name: 'b', version: '1', sha256: 'x' }, unit: 'turn', transcripts: 2, segments: 4, by: 'region', notes: [],
      codes: [{
        code: 'barrier', label: '=label', depth: 0, segments: 1, segment_pct: 0.25, cases: 1, case_pct: 0.5,
        by: { '@north': { segments: 1, cases: 1, case_total: 2 } },
      }],
    } as unknown as FreqReport;
    expect(cells(freqCsv(report))[1]).toEqual(['barrier', "'=label", '0', 'region', "'@north", '1', '1', '2']);
    const flat = freqCsv({ ...report, by: undefined } as unknown as FreqReport);
    expect(cells(flat)[1]).toEqual(['barrier', "'=label", '0', '1', '0.25', '1', '0.5']);
  });

  it('escapes a transcript line that starts like a formula in the ingest table', () => {
    const summary = {
      id: 'P01', segments: [{ id: 'P01:1', speaker: '-P01', role: 'participant', start: 0, end: 20, text: '- I left in the spring' }],
    } as unknown as IngestSummary;
    expect(cells(ingestCsv([summary]))[1]).toEqual(['P01', 'P01:1', "'-P01", 'participant', '0', '20', "'- I left in the spring"]);
  });

  it('JSON keeps the raw text', () => {
    expect(JSON.parse(renderJson({ label: '=HYPERLINK("x")' }))).toEqual({ label: '=HYPERLINK("x")' });
  });
});

describe('countCsvRows', () => {
  it('counts data rows, not line ends inside quoted cells', () => {
    const csv = renderCsv(['a', 'b'], [['one\ntwo', 'x'], ['"quoted"\r\nline', 'y'], ['plain', 'z']]);
    expect(countCsvRows(csv)).toBe(3);
    expect(countCsvRows(renderCsv(['a'], []))).toBe(0);
  });
});
