// `qcode learn` and `qcode code --model` as the CLI runs them, in this process: the model
// file written by --out, the report on stdout, and the coded table's optional columns.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qcode as run } from '../cli/run.js';
import { CODINGS_HEADER } from '../../src/render/codings.js';

const qcode = (...args: string[]) => run(args);

const dir = mkdtempSync(join(tmpdir(), 'qcode-learn-cli-'));
const BOOK = ['--codebook', 'codebooks/exit-barriers.yaml'];

describe('qcode learn', () => {
  it('--groups K reads word groups made from --vectors, and the model file carries them', async () => {
    const vectors = join(dir, 'vectors.txt');
    writeFileSync(vectors, ['rent 1 0.1 0', 'money 0 1 0.1', 'landlord 0.9 0 0.2', 'cash 0.1 0.9 0', 'apartment 1 0.2 0.1', 'wages 0.2 1 0', '1990 5 5 5'].join('\n'));
    const model = join(dir, 'grouped.json');
    const r = await qcode('learn', ...BOOK, '--codings', 'fixtures/codings/survivors-gold.csv', 'fixtures/survivors', '--folds', '0', '--groups', '2', '--vectors', vectors, '--out', model, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(model, 'utf8')).groups).toEqual({ 'money/cash/wages': 'money cash wages', 'rent/landlord/apartment': 'rent landlord apartment' });
    const bad = await qcode('learn', ...BOOK, '--codings', 'fixtures/codings/survivors-gold.csv', 'fixtures/survivors', '--folds', '0', '--groups', '9', '--vectors', vectors);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/6 words to group, fewer than the 9 groups asked for/);
  });

  it('--out writes the model; the report of rules, model and merge goes to stdout', async () => {
    const model = join(dir, 'm.json');
    const r = await qcode('learn', ...BOOK, '--codings', 'fixtures/codings/survivors-gold.csv', 'fixtures/survivors', '--folds', '0', '--top', '30', '--out', model, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote .*m\.json \(\d+ codes, \d+ bytes\)/);
    const doc = JSON.parse(r.stdout) as { model: { file: string; bytes: number }; evaluation: { summary: Record<string, unknown> } };
    expect(doc.model.file).toBe(model);
    expect(doc.model.bytes).toBe(readFileSync(model).length);
    expect(Object.keys(doc.evaluation.summary)).toEqual(['rules', 'model', 'union', 'vote']);

    const coded = await qcode('code', 'fixtures/survivors/P02.txt', ...BOOK, '--model', model, '--merge', 'union', '--format', 'csv');
    expect(coded.code).toBe(0);
    const [header, ...rows] = coded.stdout.trim().split('\n');
    expect(header!.split(',').slice(0, CODINGS_HEADER.length)).toEqual(CODINGS_HEADER);
    expect(header!.endsWith('probability,features')).toBe(true);
    expect(rows.some((row) => row.split(',')[4] === 'model')).toBe(true);

    const table = await qcode('code', 'fixtures/survivors/P02.txt', ...BOOK, '--model', model, '--merge', 'union', '--no-color');
    expect(table.stdout).toMatch(/\(model p=\d\.\d\d: [wbq]:/);
  });

  it('without --codings there is nothing to learn from, and it says how to give them', async () => {
    const r = await qcode('learn', ...BOOK, 'fixtures/survivors');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/learn needs human codings: --codings FILE/);
  });

  it('a codings file that names no transcript among the inputs is a usage error', async () => {
    const r = await qcode('learn', ...BOOK, '--codings', 'eval/dev/gold-codings.csv', 'fixtures/survivors/P01.txt', '--folds', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to learn from/);
  });
});

describe('qcode learn --out', () => {
  it('refuses to overwrite an input before it learns anything', async () => {
    const r = await qcode('learn', ...BOOK, '--codings', 'fixtures/codings/survivors-gold.csv', 'fixtures/survivors', '--folds', '0', '--out', 'fixtures/codings/survivors-gold.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/survivors-gold\.csv/);
    expect(readFileSync('fixtures/codings/survivors-gold.csv', 'utf8')).toMatch(/^transcript,segment/);
  });
});
