// The README's library example, run as a user would: a script that imports only 'qcode'
// (the built package, through its export map) gets what the CLI prints.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { json, qcode } from '../cli/run.js';

describe('import … from "qcode"', () => {
  const run = spawnSync(process.execPath, ['examples/library.mjs', '--json'], { encoding: 'utf8' });
  const lines = run.stdout.trim().split('\n');
  const values = JSON.parse(lines[lines.length - 1]!) as { freq: unknown[]; byRegion: { code: string; by: unknown }[]; pooled: number };

  it('runs the README example cleanly', async () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lines[0]).toMatch(/^barrier\.[a-z_]+: \d of 7 participants$/);
  });

  it('gets the same frequencies as `qcode freq --format json`', async () => {
    const cli = json<{ codes: unknown[] }>(await qcode(['freq', '--format', 'json']));
    expect(values.freq).toEqual(cli.codes);
  });

  it('gets the same split by region, from the rules, as `qcode freq --by region --merge rules`', async () => {
    const cli = json<{ codes: { code: string; by: unknown }[] }>(await qcode(['freq', '--by', 'region', '--merge', 'rules', '--format', 'json']));
    expect(values.byRegion.map((c) => c.by)).toEqual(cli.codes.map((c) => c.by));
  });

  it('gets the same agreement as `qcode agree --format json`', async () => {
    const cli = json<{ overall: { pooled: { cohen_kappa: number } } }>(
      await qcode(['agree', 'fixtures/codings/survivors-gold.csv', 'fixtures/codings/survivors-coder-b.csv', '--bootstrap', '0', '--format', 'json']),
    );
    expect(values.pooled).toBe(cli.overall.pooled.cohen_kappa);
  });

  it('reaches nothing but the public entry point', async () => {
    const deep = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('qcode/dist/core/types.js')"], { encoding: 'utf8' });
    expect(deep.status).not.toBe(0);
    expect(deep.stderr).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
  });
});
