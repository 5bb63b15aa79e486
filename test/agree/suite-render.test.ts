// What `qcode agree` prints, from a report computed in-process: the table a researcher
// reads, the CSV a spreadsheet opens, and the disagreements list. Case: Wikipedia's
// 50 grant proposals (both 20, only A 5, only B 10, neither 15): agreement 70%, κ 0.40.
import { describe, expect, it } from 'vitest';
import { computeAgreement, type AgreeCoding } from '../../src/core/agree/index.js';
import { agreeCsv, agreeTable, disagreementsTable } from '../../src/render/agree.js';

function coding(n: number, coder: string, code: string): AgreeCoding {
  return { transcript: 'T', segment: `T:${n}`, speaker: '', code, coder, start: null, end: null, evidence: [] };
}

const codings: AgreeCoding[] = [];
for (let n = 1; n <= 50; n++) {
  const a = n <= 25; // 20 both + 5 only A
  const b = n <= 20 || (n > 25 && n <= 35); // 20 both + 10 only B
  codings.push(coding(n, 'A', a ? 'approve' : ''), coding(n, 'B', b ? 'approve' : ''));
}
const segments = new Map([['T:21', { transcript: 'T', speaker: 'P', text: 'I had  nowhere\nto stay' }]]);
const report = computeAgreement({ codings, segments }, { bootstrap: 0, minKappa: 0.5, disagreements: true });

describe('agree table', () => {
  const t = agreeTable(report);
  const row = t.rows.find((r) => r[0] === 'approve')!;
  const cell = (header: string): string => row[t.columns.findIndex((c) => c.header === header)]!;

  it('shows units, agreement, kappa with its band, and the threshold it fell below', () => {
    expect(t.title).toBe('Agreement per code (2 coders, presence of each code per segment)');
    expect(cell('units')).toBe('50');
    expect(cell('agree')).toBe('70.0%');
    expect(cell("Cohen's κ")).toBe('0.400 fair');
    expect(cell("Scott's π")).toBe('0.394');
    expect(row[row.length - 1]).toBe('▼ κ');
    expect(t.notes).toContain('▼ below the threshold (κ ≥ 0.5); 1 failure(s)');
    expect(t.notes![0]).toMatch(/^coders: A, B;/);
  });

  it('shows an undefined statistic as –, never as a number', () => {
    expect(cell('α 95% CI')).toBe('–');
  });
});

describe('agree csv', () => {
  it('one row per code, statistics at full precision, the failed threshold named', () => {
    const [header, line] = agreeCsv(report).trim().split('\n');
    const cols = header!.split(',');
    const cells = Object.fromEntries(line!.split(',').map((v, i) => [cols[i], v]));
    expect(cells['code']).toBe('approve');
    expect(cells['units']).toBe('50');
    expect(Number(cells['percent_agreement'])).toBeCloseTo(0.7, 12);
    expect(Number(cells['cohen_kappa'])).toBeCloseTo(0.4, 12);
    expect(Number(cells['scott_pi'])).toBeCloseTo(0.3939, 4);
    expect(cells['alpha_ci_lower']).toBe('');
    expect(cells['below']).toBe('cohen_kappa');
  });
});

describe('disagreements table', () => {
  it('lists each differing segment with both coders\' values and the text on one line', () => {
    const t = disagreementsTable(report)!;
    expect(t.rows).toHaveLength(15);
    expect(t.rows[0]).toEqual(['approve', 'T:21', 'P', 'A=1 B=0', 'I had nowhere to stay']);
    expect(t.rows.find((r) => r[1] === 'T:26')![3]).toBe('A=0 B=1');
  });

  it('is left out unless asked for', () => {
    expect(disagreementsTable(computeAgreement({ codings }, { bootstrap: 0 }))).toBeNull();
  });
});
