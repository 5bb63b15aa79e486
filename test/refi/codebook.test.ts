import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileCodebook } from '../../src/core/codebook/compile.js';
import { lintCodebook } from '../../src/core/codebook/lint.js';
import { flattenCodes } from '../../src/core/codebook/model.js';
import { loadStemmer } from '../../src/core/codebook/stem.js';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { foldDescription, unfoldDescription } from '../../src/core/refi/description.js';
import { idFromName } from '../../src/core/refi/names.js';
import { uuidV5 } from '../../src/core/refi/uuid.js';
import { runExportQdc } from '../../src/study/export.js';
import { runImportQdc } from '../../src/study/import-refi.js';
import { fixture, xsdErrors } from './helpers.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'qcode-refi-'));

describe('uuid v5', () => {
  it('matches the RFC 4122 example (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('ids from names', () => {
  it('strips accents, starts with a letter, hashes names with no Latin letters', () => {
    expect(idFromName('1. Oltás típusa')).toBe('c1_oltas_tipusa');
    expect(idFromName('Housing & shelter')).toBe('housing_shelter');
    expect(idFromName('住房')).toMatch(/^code_[0-9a-f]{8}$/);
    expect(idFromName('住房')).toBe(idFromName('住房'));
  });
});

describe('description folding', () => {
  it('unfolds what it folds', () => {
    const parts = { definition: 'No safe place.\n\nSecond paragraph.', include: 'rent, deposits', exclude: 'programs', examples: ['I had nowhere to stay'], counterexamples: ['the shelter gave me a bed'], memo: 'check P03', qcode: { id: 'housing', match: [{ any: ['rent'] }] } };
    expect(unfoldDescription(foldDescription(parts))).toEqual(parts);
  });
  it('reads a description from another tool whole, as the definition', () => {
    expect(unfoldDescription('Erősen szkeptikus (piros)\nElfogadó (zöld)')).toEqual({ definition: 'Erősen szkeptikus (piros)\nElfogadó (zöld)', examples: [], counterexamples: [] });
  });
});

describe('export qdc', () => {
  it('validates against Codebook.xsd, with stable GUIDs', async () => {
    const a = await runExportQdc({ codebook: 'codebooks/exit-barriers.yaml' });
    const b = await runExportQdc({ codebook: 'codebooks/exit-barriers.yaml' });
    expect(await xsdErrors(a.xml, 'Codebook')).toEqual([]);
    expect(a.xml).toBe(b.xml);
    expect(a.xml).toContain('color="#');
  });

  it('round trips through import qdc: same ids, labels, texts, rules and examples', async () => {
    const out = await runExportQdc({ codebook: 'codebooks/exit-barriers.yaml' });
    const qdc = join(tmp, 'cb.qdc');
    writeFileSync(qdc, out.xml);
    const back = await runImportQdc({ file: qdc });
    const original = parseCodebook(readFileSync('codebooks/exit-barriers.yaml', 'utf8'), 'a.yaml');
    const again = parseCodebook(back.yaml, 'b.yaml');
    // A YAML block scalar's final newline is not part of what a researcher wrote.
    const view = (c: ReturnType<typeof flattenCodes>[number]) => ({
      id: c.id, label: c.label, definition: c.definition?.trim(), include: c.include?.trim(), exclude: c.exclude?.trim(), memo: c.memo?.trim(), color: c.color?.toLowerCase(),
      examples: c.examples, counterexamples: c.counterexamples, rules: c.rules.map((r) => JSON.stringify({ ...r, place: undefined }, (k, v) => (k === 'place' ? undefined : v))),
    });
    expect(flattenCodes(again.codes).map(view)).toEqual(flattenCodes(original.codes).map(view));
  });
});

describe('import qdc on real files', () => {
  const codeCount = (file: string): number => (readFileSync(fixture(file), 'utf8').match(/<Code\s/g) ?? []).length;

  for (const file of ['atlasti-win-23.4_codebook.qdc', 'taguette_codebook.qdc', 'nvivo-win-12.6_project.qde', 'nvivo-mac-12.7_project.qde', 'atlasti-win-23.2_project.qde']) {
    it(`${file}: every code comes in and the codebook parses`, async () => {
      const r = await runImportQdc({ file: fixture(file) });
      const book = parseCodebook(r.yaml, 'x.yaml');
      expect(flattenCodes(book.codes)).toHaveLength(codeCount(file));
      const ids = flattenCodes(book.codes).map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(lintCodebook(compileCodebook(book, await loadStemmer(book.language))).errors).toBe(0);
    });
  }

  it('ATLAS.ti: colour, description, and the code group kept as a comment with a warning', async () => {
    const r = await runImportQdc({ file: fixture('atlasti-win-23.4_codebook.qdc') });
    expect(parse(r.yaml).codes[0]).toMatchObject({ id: 'code1', label: 'code1', definition: 'description', color: '#46aa00' });
    expect(r.yaml).toContain('#   code group 1 (kategorie 1): code1');
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/set\(s\) of codes/);
  });

  it('ATLAS.ti Parent::Child names become a tree', async () => {
    const r = await runImportQdc({ file: fixture('atlasti-mac-8.4_spec-annexA2_project.qde') });
    const book = parseCodebook(r.yaml, 'x.yaml');
    expect(flattenCodes(book.codes).some((c) => c.depth > 0)).toBe(true);
    expect(flattenCodes(book.codes).every((c) => !c.label.includes('::'))).toBe(true);
  });

  it('only ATLAS.ti names make a hierarchy with ::; elsewhere it is part of the name', async () => {
    const qdc = join(tmp, 'colons.qdc');
    writeFileSync(qdc, '<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo for Windows 12.6"><Codes><Code guid="33333333-3333-3333-3333-333333333333" name="Ratio::Cost" isCodable="true"/></Codes></CodeBook>');
    expect(parse((await runImportQdc({ file: qdc })).yaml).codes).toEqual([{ id: 'ratio_cost', label: 'Ratio::Cost' }]);
  });

  it('Taguette: flat names kept as labels', async () => {
    const r = await runImportQdc({ file: fixture('taguette_codebook.qdc') });
    expect(parse(r.yaml).codes.map((c: { label: string }) => c.label)).toEqual(['interesting', 'people', 'interesting\\places']);
  });

  it('isCodable="false" folders and an old namespace are read, with a warning for the namespace', async () => {
    const qdc = join(tmp, 'folders.qdc');
    writeFileSync(qdc, '<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:0:4"><Codes><Code guid="{11111111-1111-1111-1111-111111111111}" name="Barriers" isCodable="false"><Code guid="22222222-2222-2222-2222-222222222222" name="Housing" isCodable="true" color="#d62"/></Code></Codes></CodeBook>');
    const r = await runImportQdc({ file: qdc });
    expect(parse(r.yaml).codes[0]).toMatchObject({ id: 'barriers', children: [{ id: 'housing', color: '#dd6622' }] });
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/namespace urn:QDA-XML:codebook:0:4/);
  });

  it('the real sample files validate, except Taguette\'s empty <Sets/>', async () => {
    expect(await xsdErrors(readFileSync(fixture('atlasti-win-23.4_codebook.qdc'), 'utf8'), 'Codebook')).toEqual([]);
    expect(await xsdErrors(readFileSync(fixture('taguette_codebook.qdc'), 'utf8'), 'Codebook')).not.toEqual([]);
  });
});
