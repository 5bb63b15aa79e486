// `codebook diff`: what changed between two versions, and what that does to the coding.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCodebooks } from '../../src/core/check/diff.js';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { diffCsv, diffMarkdown, diffTables } from '../../src/render/diff.js';
import { runCodebookDiff } from '../../src/study/diff.js';
import { codeNode, copyStudy, editYaml, ROOT, stripCode, studyInGitWithChildrenRetired } from './study.js';

const SHIPPED = join(ROOT, 'codebooks/exit-barriers.yaml');

function book(codes: string): ReturnType<typeof parseCodebook> {
  return parseCodebook(`name: t\nversion: "1"\ncodes:\n${codes}`, 't.yaml');
}

describe('diffCodebooks: the codebook itself', () => {
  const before = book(`
  - id: barrier
    label: Barriers
    children:
      - id: housing
        label: Housing
        definition: No safe place to live.
        match: { any: [rent, homeless*] }
      - id: kids
        label: Children
        definition: Her children while leaving.
        match: { any: [childcare] }
      - id: money
        label: Money
        match: { any: [money] }
  - id: family
    label: Family
`);

  it('tells added, removed, moved, renamed and changed codes apart', () => {
    const after = book(`
  - id: barrier
    label: Barriers to exit
    children:
      - id: housing
        label: Housing
        definition: No safe place to live.
        match: { any: [rent, homeless*, deposit] }
      - id: children
        label: Children
        definition: Her children while leaving.
        match: { any: [childcare] }
      - id: legal
        label: Legal
  - id: family
    label: Family
    children:
      - id: money
        label: Money
        match: { any: [money] }
`);
    const d = diffCodebooks(before, after);
    expect(d.added).toEqual(['barrier.legal']);
    expect(d.removed).toEqual([]);
    expect(d.moved).toEqual([{ code: 'family.money', from: 'barrier.money', to: 'family.money' }]);
    expect(d.renamed).toEqual([{ code: 'barrier.children', from: 'barrier.kids', to: 'barrier.children' }]);
    expect(d.changed).toEqual([
      { code: 'barrier', fields: ['label'] },
      { code: 'barrier.housing', fields: ['match'] },
    ]);
    expect(d.book).toEqual([]);
  });

  it('a code with a new id and new content is removed and added, not renamed', () => {
    const after = book(`
  - id: barrier
    label: Barriers
    children:
      - id: housing
        label: Housing
        definition: No safe place to live.
        match: { any: [rent, homeless*] }
      - id: custody
        label: Custody
        definition: Losing custody.
        match: { any: [custody] }
      - id: money
        label: Money
        match: { any: [money] }
  - id: family
    label: Family
`);
    const d = diffCodebooks(before, after);
    expect(d.removed).toEqual(['barrier.kids']);
    expect(d.added).toEqual(['barrier.custody']);
    expect(d.renamed).toEqual([]);
  });
});

describe('codebook diff on the shipped study', () => {
  it('from a file: the changed code, its lost segments with their evidence, counts and κ', async () => {
    const dir = copyStudy();
    const changed = join(dir, 'codebooks/exit-barriers.yaml');
    stripCode(changed, 'barrier.children');
    const { report, same } = await runCodebookDiff({ old: SHIPPED, new: changed, config: join(dir, 'qcode.yaml') });
    expect(same).toBe(false);
    expect(report.changed).toEqual([{ code: 'barrier.children', fields: ['examples', 'match'] }]);
    expect(report.added).toEqual([]);
    expect(report.removed).toEqual([]);
    expect(report.corpus).toEqual({ transcripts: 7, segments: 96, unit: 'turn' });
    const row = report.effect!.find((e) => e.code === 'barrier.children')!;
    expect(row).toMatchObject({ before: 5, after: 0, gained: [], kappa: 0 });
    expect(row.lost).toEqual(['P01:10', 'P02:20', 'P04:16', 'P06:9', 'P06:17']);
    for (const x of row.excerpts) {
      expect(x.change).toBe('lost');
      expect(x.evidence.length).toBeGreaterThan(0);
      expect(x.excerpt.length).toBeLessThanOrEqual(142);
      // The evidence is the transcript's own words, inside the excerpt shown.
      expect(x.evidence.some((w) => x.excerpt.includes(w))).toBe(true);
    }
    // Every other code codes exactly as before.
    const others = report.effect!.filter((e) => e.code !== 'barrier.children' && e.code !== 'barrier');
    expect(others.every((e) => e.gained.length === 0 && e.lost.length === 0 && e.kappa === 1)).toBe(true);
    const md = diffMarkdown(report);
    expect(md).toMatch(/\| changed \| `barrier\.children` \| examples, match \|/);
    expect(md).toMatch(/\| `barrier\.children` \| 5 \| 0 \| \+0 \| −5 \| 0\.000 \|/);
    expect(md).toContain('➖ lost `P02:20` (P02)');
    expect(md).toMatch(/<details>[\s\S]*<\/details>/);
    expect(diffCsv(report).split('\n').filter((l) => l.startsWith('barrier.children,lost,'))).toHaveLength(5);
    expect(diffTables(report).map((t) => t.title)).toEqual([expect.stringMatching(/^Codebook diff/), 'Effect on the coding', 'Segments gained and lost']);
  });

  it('follows a renamed code: compared with itself, nothing gained or lost', async () => {
    const dir = copyStudy();
    const changed = join(dir, 'codebooks/exit-barriers.yaml');
    editYaml(changed, (doc) => codeNode(doc, 'barrier.children').set('id', 'parenting'));
    const { report } = await runCodebookDiff({ old: SHIPPED, new: changed, config: join(dir, 'qcode.yaml') });
    expect(report.renamed).toEqual([{ code: 'barrier.parenting', from: 'barrier.children', to: 'barrier.parenting' }]);
    const row = report.effect!.find((e) => e.code === 'barrier.parenting')!;
    expect(row).toMatchObject({ status: 'kept', before: 5, after: 5, gained: [], lost: [], kappa: 1 });
  });

  it('from git:HEAD~1:PATH in a repository, without touching the working tree', async () => {
    const { dir, git } = studyInGitWithChildrenRetired();
    const { report } = await runCodebookDiff({
      old: 'git:HEAD~1:codebooks/exit-barriers.yaml', new: join(dir, 'codebooks/exit-barriers.yaml'), config: join(dir, 'qcode.yaml'), cwd: dir,
    });
    expect(report.old.source).toBe('git:HEAD~1:codebooks/exit-barriers.yaml');
    expect(report.changed).toEqual([{ code: 'barrier.children', fields: ['examples', 'match'] }]);
    expect(report.effect!.find((e) => e.code === 'barrier.children')!.lost).toHaveLength(5);
    expect(git('status', '--porcelain')).toBe('');
    // A revision git does not know is an error naming it.
    await expect(runCodebookDiff({ old: 'git:no-such-rev:codebooks/exit-barriers.yaml', new: join(dir, 'codebooks/exit-barriers.yaml'), config: join(dir, 'qcode.yaml'), cwd: dir }))
      .rejects.toThrow(/git could not show no-such-rev:codebooks\/exit-barriers\.yaml/);
  });

  it('without transcripts it reports the codebook change only, and says so', async () => {
    const dir = copyStudy();
    const changed = join(dir, 'codebooks/exit-barriers.yaml');
    stripCode(changed, 'barrier.children');
    const { report } = await runCodebookDiff({ old: SHIPPED, new: changed, config: join(dir, 'qcode.yaml'), on: [] });
    expect(report.effect).toBeNull();
    expect(report.notes.join(' ')).toMatch(/effect on the coding was not measured/);
  });
});
