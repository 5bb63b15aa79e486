// The shipped study end to end: what `qcode freq` reports for it is pinned in a
// snapshot, so a codebook change that moves any count shows up in review.
// After a deliberate change, regenerate it and read the diff:
//   node bin/qcode.js freq --format json --out test/fixtures/study/expected-freq.json
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { json, qcode } from './run.js';

const SNAPSHOT = 'test/fixtures/study/expected-freq.json';
/** The fixed ids of the team's CODES.md, in its order (tests outside the project use them). */
const CODES_MD = [
  'barrier', 'barrier.financial', 'barrier.housing', 'barrier.transportation', 'barrier.education', 'barrier.employment', 'barrier.social_support', 'barrier.trauma', 'barrier.trafficker_control', 'barrier.legal', 'barrier.children', 'barrier.substance_use',
  'exit', 'exit.attempt', 'exit.return', 'exit.sustained',
  'service', 'service.case_management', 'service.counseling', 'service.crisis', 'service.shelter', 'service.medical', 'service.law_enforcement', 'service.legal_aid', 'service.education_job', 'service.peer_support',
  'quality', 'quality.trauma_informed', 'quality.long_term', 'quality.comprehensive', 'quality.in_house',
  'population', 'population.incarcerated', 'population.immigrant', 'population.tribal', 'population.minor', 'population.lgbtq',
];

interface Row { code: string; depth: number; segments: number; cases: number; segment_pct: number; case_pct: number }
interface Doc { qcode: string; transcripts: number; segments: number; codes: Row[] }

describe('the seven-survivor study', () => {
  const run = qcode(['freq', '--format', 'json']);
  const doc = json<Doc>(run);

  it('runs from qcode.yaml alone, with nothing on stderr', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(doc).toMatchObject({ transcripts: 7, segments: 96 });
  });

  it('reports every id of CODES.md, in codebook order, parents before children', () => {
    const ids = doc.codes.map((c) => c.code);
    expect(ids).toEqual(CODES_MD);
    for (const c of doc.codes) {
      if (c.depth === 0) continue;
      const parent = doc.codes.find((p) => p.code === c.code.split('.')[0])!;
      expect(parent.segments).toBeGreaterThanOrEqual(c.segments);
      expect(parent.cases).toBeGreaterThanOrEqual(c.cases);
    }
  });

  it('matches the frequency snapshot', () => {
    const want = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Doc;
    expect({ ...doc, qcode: want.qcode }).toEqual(want);
  });
});
