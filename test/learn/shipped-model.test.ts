// The model the starter codebook names is a derived file: learned from the study's gold
// coding and every hand-coded dev set (and the codebook's examples). Anyone can make it
// again, to the byte; a change to those inputs that does not re-learn it fails here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the shipped model', () => {
  it('is what scripts/learn-model.mjs learns from the hand-coded sets, byte for byte', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'qcode-model-')), 'again.model.json');
    execFileSync(process.execPath, ['scripts/learn-model.mjs', out], { encoding: 'utf8' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync('codebooks/exit-barriers.model.json', 'utf8'));
    expect(readFileSync('codebooks/exit-barriers.yaml', 'utf8')).toMatch(/^model: exit-barriers\.model\.json\nmerge: vote$/m);
  }, 60_000);
});
