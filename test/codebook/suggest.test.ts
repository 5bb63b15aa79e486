// `codebook suggest`: terms the coded segments use that the code's rules do not, with
// counts a researcher can check by hand on a small study written for this test.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qcode as run } from '../cli/run.js';
import { loadStemmer } from '../../src/core/codebook/stem.js';
import { suggestTerms, TermTally } from '../../src/core/codebook/suggest-terms.js';
import { runSuggest, type SuggestResult } from '../../src/study/suggest.js';

const dir = mkdtempSync(join(tmpdir(), 'qcode-suggest-'));
const transcripts = join(dir, 'transcripts');
mkdirSync(transcripts);
const codebook = join(dir, 'codebook.yaml');
const codings = join(dir, 'gold.csv');
const config = join(dir, 'qcode.yaml');

writeFileSync(codebook, `name: Suggest test
version: 0.1.0
language: en
unit: turn
speakers: participant
interviewers: [I]
codes:
  - id: support
    label: Support
    children:
      - id: family
        label: Family
        match:
          - any: [family, burned every bridge]
      - id: friends
        label: Friends
        match:
          - any: [=friend]
  - id: housing
    label: Housing
    match:
      - any: [shelter]
`);
writeFileSync(join(transcripts, 'T1.txt'), `---
id: T1
speakers: [I, T1]
---
I: Who could you call?
T1: Nobody. My family cut me off and my aunt stopped answering.
I: And your friends?
T1: I had burned every bridge. My aunt was the last one.
I: Where did you sleep?
T1: In a shelter downtown, near the bus station.
I: Anyone else?
T1: Nobody would pick up at three in the morning.
`);
writeFileSync(join(transcripts, 'T2.txt'), `---
id: T2
speakers: [I, T2]
---
I: Who helped?
T2: My aunt let me stay one night, then nobody.
I: Where did you wait?
T2: The bus station was cold. My aunt never knew.
I: How did you get there?
T2: A friend drove me to the shelter.
`);
// The human coding: T1:8 and T2:2 are support the rules miss; T1:6 and T2:4 are not support.
writeFileSync(codings, `transcript,segment,speaker,code,coder
T1,T1:2,T1,support.family,gold
T1,T1:4,T1,support.family,gold
T1,T1:6,T1,housing,gold
T1,T1:8,T1,support.friends,gold
T2,T2:2,T2,support.family,gold
T2,T2:4,T2,,gold
T2,T2:6,T2,support.friends,gold
T2,T2:6,T2,housing,gold
`);
writeFileSync(config, `codebook: ${JSON.stringify(codebook)}\ntranscripts: [${JSON.stringify(transcripts)}]\n`);

const byTerm = (r: SuggestResult) => new Map(r.suggestions.map((s) => [s.term, s]));

describe('codebook suggest on a hand-made study', () => {
  it('counts coded, other and missed segments and cases per term, rolling a parent code up from its children', async () => {
    const r = await runSuggest({ config, code: 'support', codings, min: 2 });
    expect(r.basis).toBe('codings');
    expect(r.coder).toBe('gold');
    // 7 participant turns; 5 coded support.* by the human; the rules code T1:2, T1:4, T2:6; they miss T1:8 and T2:2.
    expect(r.segments).toEqual({ eligible: 7, coded: 5, missed: 2, rule_coded: 3 });
    const terms = byTerm(r);
    expect(terms.get('aunt')).toMatchObject({ coded: 3, other: 1, missed: 1, cases: 2, precision: 0.75 });
    expect(terms.get('nobody')).toMatchObject({ coded: 3, other: 0, missed: 2, cases: 2, precision: 1 });
    // Examples show a segment the rules miss first.
    expect(terms.get('nobody')!.examples.map((e) => e.segment)).toEqual(['T1:8', 'T2:2']);
    expect(terms.get('nobody')!.examples[0]!.missed).toBe(true);
    // "bus station" is said only where nobody coded support: never a candidate.
    expect(terms.has('bus station') || terms.has('station')).toBe(false);
  });

  it('never suggests a term the rules already have, nor a piece of a rule phrase, even at --min 1', async () => {
    const r = await runSuggest({ config, code: 'support', codings, min: 1, top: 1000 });
    const stems = r.suggestions.map((s) => s.stems);
    expect(r.suggestions.length).toBeGreaterThan(5);
    for (const covered of ['famili', 'famili cut', 'burn', 'bridg', 'burn everi', 'everi bridg', 'friend']) expect(stems).not.toContain(covered);
    expect(stems).toContain('cut');
  });

  it('without --codings the rules\' own codings are the coded segments', async () => {
    const r = await runSuggest({ config, code: 'support', min: 1, top: 1000 });
    expect(r.basis).toBe('rules');
    expect(r.segments).toEqual({ eligible: 7, coded: 3, missed: 0, rule_coded: 3 });
    expect(byTerm(r).get('aunt')).toMatchObject({ coded: 2, other: 2, missed: 0 });
  });
});

describe('ranking', () => {
  it('is deterministic: equal evidence is ordered by the words, whatever the corpus order', async () => {
    const stem = await loadStemmer('en');
    const run = (texts: string[]) => {
      const tally = new TermTally(stem, new Set(['the']));
      texts.forEach((text, i) => tally.add({ id: `T:${i + 1}`, transcript: 'T', text, coded: i < 2, ruleCoded: false }));
      tally.add({ id: 'T:9', transcript: 'T', text: 'the cherry', coded: false, ruleCoded: false });
      return suggestTerms(tally, [], { min: 2, top: 10 }).suggestions.map((s) => s.term);
    };
    // "pear apple" is the same evidence as "pear" and "apple" alone: only the words are listed.
    expect(run(['pear apple', 'pear apple'])).toEqual(['apple', 'pear']);
    expect(run(['apple pear', 'pear apple'])).toEqual(['apple', 'pear']);
  });

  it('ranks a term seen in more coded segments above a rarer one with the same precision', async () => {
    const stem = await loadStemmer('en');
    const tally = new TermTally(stem, new Set());
    const texts = ['curfew rent', 'curfew rent', 'curfew', 'curfew', 'lease', 'lease'];
    texts.forEach((text, i) => tally.add({ id: `T:${i}`, transcript: 'T', text, coded: true, ruleCoded: false }));
    for (let i = 0; i < 6; i++) tally.add({ id: `U:${i}`, transcript: 'U', text: 'weather talk', coded: false, ruleCoded: false });
    const list = suggestTerms(tally, [], { min: 2, top: 10 }).suggestions;
    const score = new Map(list.map((s) => [s.term, s.score]));
    expect(list[0]!.term).toBe('curfew');
    expect(score.get('curfew')!).toBeGreaterThan(score.get('lease')!);
  });
});

describe('a corpus of any size', () => {
  it('counts the other segments in a second pass to the same suggestions, keeping only the coded segments\' terms', async () => {
    const stem = await loadStemmer('en');
    const segments = [
      { text: 'My Aunt took me in. The aunt had a couch.', coded: false },
      { text: 'my aunt, my aunt and her couch', coded: true },
      { text: 'Couch surfing at my aunt\'s place', coded: true },
      { text: 'the weather, and an aunt', coded: false },
      { text: 'a Couch and the AUNT again', coded: true },
      { text: 'nothing here but weather', coded: false },
    ];
    const single = new TermTally(stem, new Set(['the', 'a', 'my', 'and', 'her', 'at', 'an', 'but']));
    const twoPass = new TermTally(stem, new Set(['the', 'a', 'my', 'and', 'her', 'at', 'an', 'but']), undefined, true);
    segments.forEach((seg, i) => {
      for (const t of [single, twoPass]) t.add({ id: `T:${i}`, transcript: `T${i % 2}`, text: seg.text, coded: seg.coded, ruleCoded: false });
    });
    for (const seg of segments) if (!seg.coded) twoPass.addOther(seg.text);
    const opts = { min: 1, top: 20 };
    expect(suggestTerms(twoPass, [], opts)).toEqual(suggestTerms(single, [], opts));
    expect(twoPass.counted).toEqual(single.counted);
    // Terms only the other segments hold are never kept: "weather" is not a candidate at all.
    expect(twoPass.entries().map(([key]) => key)).not.toContain('weather');
    expect(single.entries().map(([key]) => key)).toContain('weather');
  });
});

describe('the command', () => {
  const qcode = (...args: string[]) => run(args);

  it('an unknown code is a usage error with a did-you-mean', async () => {
    const r = await qcode('codebook', 'suggest', 'suport.family', '--config', config);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no code "suport.family"');
    expect(r.stderr).toContain('did you mean "support.family"?');
    expect(r.stdout).toBe('');
  });

  it('prints CSV rows with counts and examples, and a table that says how many coded segments the rules miss', async () => {
    const csv = await qcode('codebook', 'suggest', 'support', '--config', config, '--codings', codings, '--format', 'csv');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('code,term,stems,coded,other,missed,cases,precision,score,example_1_segment,example_1,example_2_segment,example_2,similarity');
    expect(lines.find((l) => l.startsWith('support,nobody,'))).toMatch(/^support,nobody,nobodi,3,0,2,2,1,[\d.]+,T1:8,/);
    const table = await qcode('codebook', 'suggest', 'support', '--config', config, '--codings', codings, '--no-color', '--top', '2');
    expect(table.stdout).toContain('5 turn segments of 7 coded support by coder "gold"; the rules miss 2 of them');
    expect(table.stdout.split('\n').filter((l) => /^\S+.*\d+%/.test(l))).toHaveLength(2);
  });

  it('shows each term in its table example, however far into a long answer it comes', async () => {
    // The shipped study's answers run long; the example column is cut at its end to fit.
    const r = await run(['codebook', 'suggest', 'barrier.housing', '--min', '1', '--no-color'], { env: { COLUMNS: '160' } });
    const rows = r.stdout.split('\n').filter((l) => /\s\d+%\s/.test(l));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row, row).toMatch(/\*\*[^*]+\*\*/);
  });
});
