// The shipped codebooks are parsed when qcode is built and read back at run time.
// What a run gets from a snapshot must be exactly what parsing the file gives.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCodebook, compileWithHints } from '../../src/core/codebook/compile.js';
import { compiledData, fitsBook, hintsWithCompile } from '../../src/core/codebook/compiled-data.js';
import { flattenCodes } from '../../src/core/codebook/model.js';
import { matchText } from '../../src/core/codebook/match.js';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { planPattern } from '../../src/core/codebook/regex.js';
import { loadStemmer } from '../../src/core/codebook/stem.js';
// The build, where the snapshots are (npm test builds first).
import { loadCodebook as loadBuilt, readCodebook as readBuilt } from '../../dist/io/codebook-file.js';

const shipped = ['codebooks/exit-barriers.yaml', 'templates/init/codebooks/codebook.yaml'];

describe('codebook snapshots', () => {
  it.each(shipped)('%s read back equals a fresh parse, from a folder whose name needs escaping', async (file) => {
    const text = readFileSync(file, 'utf8');
    const fresh = parseCodebook(text, file);
    expect(existsSync(join('dist', 'snapshots', `${fresh.sha256}.json`))).toBe(true);
    expect(await readBuilt(file)).toEqual(fresh);
    const dir = mkdtempSync(join(tmpdir(), 'qcode "study" \\ é-'));
    const copy = join(dir, 'codebook.yaml');
    copyFileSync(file, copy);
    const built = await readBuilt(copy);
    expect(built).toEqual(parseCodebook(text, copy));
    expect(built.codes[0]!.place.file).toBe(copy);
  });

  it.each(shipped)('%s: its regex plans and stems are what this source works out, and it codes the same', async (file) => {
    const fresh = parseCodebook(readFileSync(file, 'utf8'), file);
    const hints = JSON.parse(readFileSync(join('dist', 'snapshots', `${fresh.sha256}.hints.json`), 'utf8')) as {
      plans: Array<[string, unknown]>; wordStems: Array<[string, string]>;
    };
    for (const [source, plan] of hints.plans) expect(plan, source).toEqual(planPattern(source));
    const stem = await loadStemmer(fresh.language);
    for (const [word, stemmed] of hints.wordStems) expect(stemmed, word).toBe(stem(word));
    expect(hints.wordStems.length).toBeGreaterThan(10);
    const built = await loadBuilt(file);
    const compiled = compileCodebook(fresh, stem);
    expect(built.patterns.map((p: { source: string }) => p.source)).toEqual(compiled.patterns.map((p) => p.source));
    const sentences = flattenCodes(fresh.codes).flatMap((c) => [...c.examples, ...c.counterexamples]);
    for (const text of sentences) expect(JSON.stringify([...built.patternSet.matching(text)]), text).toBe(JSON.stringify(compiled.patternSet.matching(text)));
    for (const text of sentences) expect([...matchText(built as never, text)], text).toEqual([...matchText(compiled, text)]);
    // The pre-filter's automaton is read from the snapshot's .tables file, not built again, and is the one this source builds.
    expect(existsSync(join('dist', 'snapshots', `${fresh.sha256}.tables`))).toBe(true);
    const tables = built.patternSet.scannerTables;
    expect(tables.table.buffer.byteLength).toBeGreaterThanOrEqual(readFileSync(join('dist', 'snapshots', `${fresh.sha256}.tables`)).length);
    expect({ ...tables }).toEqual({ ...compiled.patternSet.scannerTables });
  });

  it.each(shipped)('%s: the compile read back from the build is the compile this source makes', async (file) => {
    const fresh = parseCodebook(readFileSync(file, 'utf8'), file);
    const compiled = compileCodebook(fresh, await loadStemmer(fresh.language));
    const built = await loadBuilt(file);
    // Read from the snapshot, not worked out again: its terms are the very objects the JSON held.
    expect(JSON.parse(readFileSync(join('dist', 'snapshots', `${fresh.sha256}.compiled.json`), 'utf8'))).toEqual(compiledData(compiled));
    expect(built.hints.compiled).toBeDefined();
    expect(compiledData(built as never)).toEqual(compiledData(compiled));
    expect([...built.prefixes.next.keys()]).toEqual([...compiled.prefixes.next.keys()]);
    expect({ ...built.termParts }).toEqual({ ...compiled.termParts });
  });

  it('a compile handed to another codebook (or one changed after parsing) is passed over', async () => {
    const text = readFileSync(shipped[0]!, 'utf8');
    const original = parseCodebook(text, shipped[0]!);
    const stem = await loadStemmer(original.language);
    const hints = hintsWithCompile(compileCodebook(original, stem));
    const edited = parseCodebook(text.replace('any: [', 'any: [=bedsit, '), shipped[0]!);
    expect(fitsBook(hints.compiled!, edited)).toBe(false);
    const fromHints = await compileWithHints(edited, hints);
    expect(compiledData(fromHints)).toEqual(compiledData(compileCodebook(edited, stem)));
    expect(matchText(fromHints, 'We lived in a bedsit.').size).toBeGreaterThan(0);
    // The same text with a rule dropped in memory: its sha256 is the file's, its rules are not.
    const changed = parseCodebook(text, shipped[0]!);
    flattenCodes(changed.codes).find((c) => c.rules.length > 0)!.rules.pop();
    expect(fitsBook(hints.compiled!, changed)).toBe(false);
    expect(fitsBook(hints.compiled!, original)).toBe(true);
    // One that fits is taken as it is, not worked out again: here, one whose terms trigger no rule.
    const fromFit = await compileWithHints(original, hints);
    const example = flattenCodes(original.codes).flatMap((c) => c.examples).find((x) => matchText(fromFit, x).size > 0)!;
    expect(example).toBeDefined();
    const inert = { ...hints.compiled!, rulesByTerm: hints.compiled!.rulesByTerm.map(() => []), rulesByPattern: hints.compiled!.rulesByPattern.map(() => []), rulesByPromptTerm: hints.compiled!.rulesByPromptTerm.map(() => []) };
    expect(matchText(await compileWithHints(original, { ...hints, compiled: inert }), example).size).toBe(0);
  });

  it('an edited codebook is parsed, not read from the snapshot of its original', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-snap-'));
    const edited = join(dir, 'codebook.yaml');
    const text = readFileSync(shipped[0]!, 'utf8').replace('name:', 'name: edited #');
    writeFileSync(edited, text);
    const built = await readBuilt(edited);
    expect(built).toEqual(parseCodebook(text, edited));
    expect(existsSync(join('dist', 'snapshots', `${built.sha256}.json`))).toBe(false);
  });

  it('an edited codebook reuses the shipped plans, stems and tables, and codes as a fresh compile of it does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-snap-'));
    const edited = join(dir, 'codebook.yaml');
    // A team's edit: a term added to a rule, every regex as shipped.
    const text = readFileSync(shipped[0]!, 'utf8').replace('name:', 'name: edited #').replace('any: [', 'any: [=bedsit, ');
    writeFileSync(edited, text);
    const fresh = parseCodebook(text, edited);
    const built = await loadBuilt(edited);
    const compiled = compileCodebook(fresh, await loadStemmer(fresh.language));
    expect(built.book).toEqual(fresh);
    // The same literals as the shipped codebook's: its tables are the ones read from the build, not built again.
    const original = parseCodebook(readFileSync(shipped[0]!, 'utf8'), shipped[0]!);
    const tablesFile = readFileSync(join('dist', 'snapshots', `${original.sha256}.tables`));
    expect(built.patternSet.scannerTables.table.buffer.byteLength).toBeGreaterThanOrEqual(tablesFile.length);
    expect({ ...built.patternSet.scannerTables }).toEqual({ ...compiled.patternSet.scannerTables });
    const turns = readFileSync('fixtures/survivors/P03.txt', 'utf8').split('\n').filter((l) => /^P03: /.test(l)).map((l) => l.slice(5));
    const sentences = [...flattenCodes(fresh.codes).flatMap((c) => [...c.examples, ...c.counterexamples]), ...turns, 'We lived in a bedsit.'];
    for (const s of sentences) expect([...matchText(built as never, s)], s).toEqual([...matchText(compiled, s)]);
    expect(matchText(built as never, 'We lived in a bedsit.').size).toBeGreaterThan(0);
  });

  it('the build indexes each shipped codebook by its regexes, for edited copies to find', () => {
    const index = JSON.parse(readFileSync(join('dist', 'snapshots', 'index.json'), 'utf8')) as Array<{ sha: string; language: string; sources: string[] }>;
    for (const file of shipped) {
      const book = parseCodebook(readFileSync(file, 'utf8'), file);
      const entry = index.find((e) => e.sha === book.sha256)!;
      expect(entry.language).toBe(book.language);
      const sources = flattenCodes(book.codes).flatMap((c) => c.rules.flatMap((r) => (r.regex ?? []).map((x) => x.source)));
      expect(new Set(entry.sources)).toEqual(new Set(sources));
    }
  });

  it('an edited codebook with a regex the build never saw has it checked like any other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-snap-'));
    const edited = join(dir, 'codebook.yaml');
    const text = readFileSync(shipped[0]!, 'utf8').replace("regex: ['", "regex: ['(unclosed|");
    expect(text).not.toBe(readFileSync(shipped[0]!, 'utf8'));
    writeFileSync(edited, text);
    await expect(readBuilt(edited)).rejects.toThrow(/invalid regex \/\(unclosed\|.*missing closing \)/);
  });
});
