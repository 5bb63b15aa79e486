// `qcode check` on the shipped study and on copies of it with one thing broken.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { checkCsv, checkMarkdown, checkTable } from '../../src/render/check.js';
import { runCheck } from '../../src/study/check.js';
import { copyStudy, editYaml, ROOT, rulesOnlyStudy, stripCode } from './study.js';

/** The shipped study's check, run once for the tests that only read it. */
let shipped: ReturnType<typeof runCheck> | undefined;
const shippedCheck = (): ReturnType<typeof runCheck> => (shipped ??= runCheck({ config: join(ROOT, 'qcode.yaml') }));

describe('qcode check on the shipped study', () => {
  it('passes as shipped: examples, agreement with the gold coding, snapshot', async () => {
    const { report, failed } = await shippedCheck();
    expect(report.failing).toEqual([]);
    expect(failed).toBe(false);
    expect(report.lint.passed).toBe(true);
    expect(report.agreement?.passed).toBe(true);
    expect(report.snapshot?.passed).toBe(true);
    expect(report.snapshot?.codes.every((c) => c.status === 'same')).toBe(true);
    // Every code of the codebook is judged, with the gold coder's name.
    expect(report.agreement?.gold).toBe('gold');
    expect(report.agreement?.codes.map((c) => c.code)).toEqual(report.codes);
  });

  it('holds population.tribal to its own κ threshold, and only that code', async () => {
    const { report } = await shippedCheck();
    const tribal = report.agreement!.codes.find((c) => c.code === 'population.tribal')!;
    expect(tribal.override).toBe(true);
    expect(tribal.thresholds.min_kappa).toBe(0.5);
    expect(tribal.thresholds.min_agreement).toBe(0.85);
    expect(report.agreement!.codes.filter((c) => c.override).map((c) => c.code)).toEqual(['population.tribal']);
  });
});

describe('qcode check on a broken copy', () => {
  it('names the code whose rules and examples were removed, and says why', async () => {
    const dir = await rulesOnlyStudy();
    stripCode(join(dir, 'codebooks/exit-barriers.yaml'), 'barrier.children');
    const { report, failed } = await runCheck({ config: join(dir, 'qcode.yaml') });
    expect(failed).toBe(true);
    expect(report.failing).toEqual(['barrier.children']);
    const row = report.agreement!.codes.find((c) => c.code === 'barrier.children')!;
    expect(row.status).toBe('fail');
    expect(row.below).toContain('kappa');
    expect(row.recall).toBe(0);
    expect(row.missed.length).toBe(row.support);
    const table = checkTable(report);
    const line = table.rows.find((r) => r[0] === 'barrier.children')!;
    expect(line).toContain('FAIL');
    expect(line.at(-1)).toMatch(/κ 0\.000 < 0\.6: the rules miss 5 gold segments/);
    expect(line.at(-1)).toMatch(/snapshot segments 5 → 0/);
    expect(table.title).toMatch(/FAILED.*barrier\.children/);
    // Only the failing code is marked.
    expect(table.rows.filter((r) => r.includes('FAIL')).map((r) => r[0])).toEqual(['barrier.children']);
  });

  it('fails a code whose example no longer codes, naming the example', async () => {
    const dir = copyStudy();
    const book = join(dir, 'codebooks/exit-barriers.yaml');
    const text = readFileSync(book, 'utf8');
    writeFileSync(book, text.replace('- I found out I was pregnant two weeks after I left.', '- The weather was lovely that spring.'));
    const { report, failed } = await runCheck({ config: join(dir, 'qcode.yaml') });
    expect(failed).toBe(true);
    expect(report.failing).toEqual(['barrier.children']);
    expect(report.lint.failures).toEqual([expect.objectContaining({ code: 'barrier.children', kind: 'example', text: 'The weather was lovely that spring.' })]);
    expect(checkCsv(report)).toMatch(/barrier\.children,false,1,.*example not coded: ""The weather was lovely that spring\.""/);
  });

  it('fails population.tribal at the global threshold once its override is gone', async () => {
    const dir = await rulesOnlyStudy();
    editYaml(join(dir, 'qcode.yaml'), (doc) => doc.deleteIn(['check', 'codes']));
    const { report, failed } = await runCheck({ config: join(dir, 'qcode.yaml') });
    expect(failed).toBe(true);
    expect(report.failing).toEqual(['population.tribal']);
    const tribal = report.agreement!.codes.find((c) => c.code === 'population.tribal')!;
    expect(tribal.kappa!).toBeLessThan(0.6);
    expect(tribal.kappa!).toBeGreaterThan(0.5);
  });

  it('a snapshot count off by one fails at tolerance 0 and passes at tolerance 1', async () => {
    const dir = copyStudy();
    const snap = join(dir, 'fixtures/expected-freq.json');
    writeFileSync(snap, readFileSync(snap, 'utf8').replace('{ "code": "barrier.housing", "segments": 12,', '{ "code": "barrier.housing", "segments": 13,'));
    const strict = await runCheck({ config: join(dir, 'qcode.yaml') });
    expect(strict.failed).toBe(true);
    expect(strict.report.failing).toEqual(['barrier.housing']);
    expect(strict.report.snapshot!.codes.find((c) => c.code === 'barrier.housing')).toMatchObject({ status: 'moved', expected: { segments: 13 }, actual: { segments: 12 } });
    editYaml(join(dir, 'qcode.yaml'), (doc) => doc.setIn(['check', 'tolerance'], 1));
    const loose = await runCheck({ config: join(dir, 'qcode.yaml') });
    expect(loose.failed).toBe(false);
    expect(loose.report.snapshot!.codes.find((c) => c.code === 'barrier.housing')!.status).toBe('within');
  });

  it('--update rewrites the snapshot, reports what moved, and the next check passes', async () => {
    const dir = await rulesOnlyStudy();
    stripCode(join(dir, 'codebooks/exit-barriers.yaml'), 'barrier.children');
    const config = join(dir, 'qcode.yaml');
    const before = readFileSync(join(dir, 'fixtures/expected-freq.json'), 'utf8');
    const { updated, report } = await runCheck({ config, update: true });
    expect(updated!.created).toBe(false);
    const moved = updated!.changes.codes.filter((c) => c.status !== 'same');
    expect(moved).toEqual([expect.objectContaining({ code: 'barrier.children', expected: { segments: 5, cases: 4 }, actual: { segments: 0, cases: 0 } })]);
    // The snapshot part passes against the new file; agreement still fails: --update never hides that.
    expect(report.snapshot!.passed).toBe(true);
    expect(report.failing).toEqual(['barrier.children']);
    const after = readFileSync(join(dir, 'fixtures/expected-freq.json'), 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain('{ "code": "barrier.children", "segments": 0, "cases": 0 }');
    const again = await runCheck({ config });
    expect(again.report.snapshot!.passed).toBe(true);
  });

  it('a missing snapshot is an error that says how to make one', async () => {
    const dir = copyStudy();
    editYaml(join(dir, 'qcode.yaml'), (doc) => doc.setIn(['check', 'snapshot'], 'nothing-here.json'));
    await expect(runCheck({ config: join(dir, 'qcode.yaml') })).rejects.toThrow(/does not exist yet: run `qcode check --update`/);
  });

  it('an override for a code the codebook lacks is an error with a suggestion', async () => {
    const dir = copyStudy();
    editYaml(join(dir, 'qcode.yaml'), (doc) => doc.setIn(['check', 'codes', 'population.tribl'], { min_kappa: 0.5 }));
    const e = await runCheck({ config: join(dir, 'qcode.yaml') }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(QcodeError);
    expect((e as QcodeError).message).toMatch(/check\.codes names "population\.tribl".*did you mean "population\.tribal"/);
  });
});

describe('the pull-request comment', () => {
  it('puts the verdict and the failing codes first, and folds every code into <details>', async () => {
    const dir = await rulesOnlyStudy();
    stripCode(join(dir, 'codebooks/exit-barriers.yaml'), 'barrier.children');
    const { report } = await runCheck({ config: join(dir, 'qcode.yaml') });
    const md = checkMarkdown(report);
    const lines = md.split('\n');
    expect(lines[0]).toBe('<!-- qcode check -->');
    expect(lines[1]).toMatch(/^### ❌ qcode check FAILED/);
    const failingRow = md.indexOf('| `barrier.children` |');
    const details = md.indexOf('<details><summary>All 37 codes</summary>');
    expect(failingRow).toBeGreaterThan(0);
    expect(details).toBeGreaterThan(failingRow);
    expect(md).toMatch(/missed \(gold only\): `P\d\d:\d+`/);
    expect(md.match(/<details>/g)!.length).toBe(md.match(/<\/details>/g)!.length);
  });

  it('says passed when all pass', async () => {
    const { report } = await shippedCheck();
    expect(checkMarkdown(report).split('\n')[1]).toBe('### ✅ qcode check passed');
  });
});
