// A copy of the shipped study in a temporary folder, to change without touching the repo.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { runCheck } from '../../src/study/check.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The study's interviews with the small test codebook, the gold coding and the case
 * sheet beside them (interviews/, book.yaml, gold.csv, attrs.csv), in a throw-away
 * folder, so an output test can never write over the repository's fixtures.
 */
export function smallStudyCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qcode-out-'));
  cpSync(join(ROOT, 'fixtures/survivors'), join(dir, 'interviews'), { recursive: true });
  copyFileSync(join(ROOT, 'test/fixtures/codebooks/small.yaml'), join(dir, 'book.yaml'));
  copyFileSync(join(ROOT, 'fixtures/codings/survivors-gold.csv'), join(dir, 'gold.csv'));
  copyFileSync(join(ROOT, 'fixtures/survivors/cases.csv'), join(dir, 'attrs.csv'));
  return dir;
}

export function copyStudy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qcode-check-'));
  for (const p of ['qcode.yaml', 'codebooks', 'fixtures']) cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  return dir;
}

/** A codebook's YAML without the model it names (and its merge policy): its rules alone. */
export const withoutModel = (yaml: string): string => yaml.replace(/^(model|merge):.*\n/gm, '');

/**
 * A copy of the study whose codebook codes with its rules alone (the model it ships with
 * removed), its snapshot made for them: what a change to the rules does then shows
 * undiluted by the model's codings.
 */
export async function rulesOnlyStudy(): Promise<string> {
  const dir = copyStudy();
  const book = join(dir, 'codebooks/exit-barriers.yaml');
  writeFileSync(book, withoutModel(readFileSync(book, 'utf8')));
  await runCheck({ config: join(dir, 'qcode.yaml'), update: true });
  return dir;
}

/** Rewrites a YAML file through the yaml library, keeping its comments. */
export function editYaml(file: string, edit: (doc: ReturnType<typeof parseDocument>) => void): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  edit(doc);
  writeFileSync(file, doc.toString());
}

/** The node of a code in a codebook document, by its dotted id. */
export function codeNode(doc: ReturnType<typeof parseDocument>, id: string): YAMLMap {
  let list = doc.get('codes') as YAMLSeq<YAMLMap>;
  let node: YAMLMap | undefined;
  for (const key of id.split('.')) {
    node = list.items.find((n) => n.get('id') === key);
    if (!node) throw new Error(`no code ${id}`);
    list = node.get('children') as YAMLSeq<YAMLMap>;
  }
  return node!;
}

/** What a researcher does to retire a code's automation: its rules and examples go. */
export function stripCode(codebook: string, id: string): void {
  editYaml(codebook, (doc) => {
    const node = codeNode(doc, id);
    node.delete('match');
    node.delete('examples');
  });
}

/**
 * A copy of the study in a git repository of two commits: as shipped, then with the
 * rules and examples of barrier.children removed. `git` runs git in it.
 */
export function studyInGitWithChildrenRetired(): { dir: string; git: (...args: string[]) => string } {
  const dir = copyStudy();
  const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'study as shipped');
  stripCode(join(dir, 'codebooks/exit-barriers.yaml'), 'barrier.children');
  git('commit', '-q', '-am', 'retire the children rules');
  return { dir, git };
}
