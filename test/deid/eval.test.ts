// The labelled evaluation set in fixtures/deid/: planted identifiers in three export
// formats, and clean transcripts full of what looks like one (programs, agencies,
// months and years, ages, sums, hotlines, placeholders, generic labels). Prints recall
// and false alarms; fails if recall drops below 95% or the clean files raise more than 3.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runDeid, type DeidFinding } from '../../src/study/deid.js';

const DIR = 'fixtures/deid';
const answers = (name: string) => parse(readFileSync(`${DIR}/${name}`, 'utf8')) as Record<string, [string, string][]>;
const planted = { ...answers('planted.answers.yaml'), ...answers('second.answers.yaml'), ...answers('third.answers.yaml'), ...answers('fourth.answers.yaml') };
const CLEAN = ['clean.txt', 'clean-zoom.vtt', 'clean-otter.txt', 'clean-teams.txt'];

async function findings(file: string): Promise<DeidFinding[]> {
  return (await runDeid({ inputs: [`${DIR}/${file}`], show: true })).findings;
}

const covers = (f: DeidFinding, s: string): boolean => f.text.includes(s) || (s.includes(f.text) && f.text.length * 2 >= s.length);

describe('deid on the labelled evaluation set', () => {
  it('finds at least 95% of the planted identifiers, with few false alarms on clean text', async () => {
    let total = 0;
    let hit = 0;
    const missed: string[] = [];
    let plantedFalse = 0;
    const falseAlarms: string[] = [];
    for (const [file, items] of Object.entries(planted)) {
      const found = await findings(file);
      for (const [kind, s] of items) {
        total++;
        if (found.some((f) => covers(f, s))) hit++;
        else missed.push(`${file}: ${kind} "${s}"`);
      }
      for (const f of found) {
        if (!items.some(([, s]) => covers(f, s) || s.includes(f.text) || f.text.includes(s))) {
          plantedFalse++;
          falseAlarms.push(`${file}:${f.line}:${f.col} ${f.kind} "${f.text}"`);
        }
      }
    }
    let cleanFalse = 0;
    for (const file of CLEAN) {
      for (const f of await findings(file)) {
        cleanFalse++;
        falseAlarms.push(`${file}:${f.line}:${f.col} ${f.kind} "${f.text}"`);
      }
    }
    const recall = hit / total;
    console.log(
      `deid evaluation: recall ${hit}/${total} = ${(recall * 100).toFixed(1)}%; ` +
        `false alarms: ${cleanFalse} on the ${CLEAN.length} clean transcripts, ${plantedFalse} beside the planted ones\n` +
        (missed.length ? `missed:\n  ${missed.join('\n  ')}\n` : '') +
        (falseAlarms.length ? `false alarms:\n  ${falseAlarms.join('\n  ')}\n` : ''),
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(cleanFalse).toBeLessThanOrEqual(3);
  }, 60_000);
});
