// The commands as a researcher types them (run in-process): files written whole, inputs
// never written over, and a study folder where freq and agree run at once.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qcode } from '../cli/run.js';
import { fixture } from './helpers.js';

describe('qcode export / import (CLI)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'qcode-refi-cli-'));

  it('export qdc writes the file and says how many codes; import qdc never writes over its input', async () => {
    const out = join(tmp, 'book.qdc');
    const r = await qcode(['export', 'qdc', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote .*book\.qdc \(37 codes\)/);
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml/);
    const again = await qcode(['import', 'qdc', out, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/this command reads/);
  }, 120_000);

  it('export qdc needs a .qdc --out', async () => {
    const r = await qcode(['export', 'qdc', '--out', join(tmp, 'book.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/name a \.qdc file/);
  });

  it('export qdpx → import qdpx gives a folder where freq and agree run at once; a second import needs --force', async () => {
    const qdpx = join(tmp, 'survivors.qdpx');
    expect((await qcode(['export', 'qdpx', '--codings', 'fixtures/codings/survivors-gold.csv', '--out', qdpx])).code).toBe(0);
    const dir = join(tmp, 'study');
    const imported = await qcode(['import', 'qdpx', qdpx, '--out-dir', dir]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/codings by auto \(\d+\), gold \(233\)/);
    expect((await qcode(['freq', '--codings', 'codings/gold.csv', '--format', 'csv'], { cwd: dir })).code).toBe(0);
    expect((await qcode(['agree', 'codings/auto.csv', 'codings/gold.csv', '--format', 'csv'], { cwd: dir })).code).toBe(0);
    const twice = await qcode(['import', 'qdpx', qdpx, '--out-dir', dir]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/--force/);
    expect((await qcode(['import', 'qdpx', qdpx, '--out-dir', dir, '--force'])).code).toBe(0);
  }, 300_000);

  it('import qdc of a real ATLAS.ti codebook prints YAML to stdout', async () => {
    const r = await qcode(['import', 'qdc', fixture('atlasti-win-23.4_codebook.qdc')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('label: code1');
  });
});
