// The study layer: whole runs as values, the rules that keep a finding honest, and one
// roll-up rule for every command.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobsFor } from '../../src/study/parallel.js';
import { QcodeError } from '../../src/core/errors.js';
import { runAgree } from '../../src/study/agree.js';
import { runCode } from '../../src/study/code.js';
import { runFreq } from '../../src/study/freq.js';
import { runIngest } from '../../src/study/ingest.js';
import { makeDocx } from '../io/docx-build.js';

const STUDY = { config: 'qcode.yaml' };
const BOOK = 'codebooks/exit-barriers.yaml';
const SMALL = 'test/fixtures/codebooks/small.yaml';

function tmp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qcode-study-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function errorOf(p: Promise<unknown>): Promise<QcodeError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(QcodeError);
  return e as QcodeError;
}

describe('runs return values', () => {
  it('freq on the shipped study: 7 transcripts, 96 participant turns, every path it read', async () => {
    const { report, reads, warnings } = await runFreq(STUDY);
    expect(report).toMatchObject({ transcripts: 7, segments: 96, unit: 'turn' });
    const housing = report.codes.find((c) => c.code === 'barrier.housing')!;
    expect(housing.cases).toBeGreaterThan(0);
    expect(reads).toEqual(expect.arrayContaining(['qcode.yaml', BOOK, 'fixtures/survivors']));
    expect(warnings).toEqual([]);
  });

  it('code and freq agree: every coded segment counts once per code', async () => {
    const { codings } = await runCode(STUDY);
    const { report } = await runFreq(STUDY);
    for (const row of report.codes.filter((r) => r.depth === 1)) {
      expect(new Set(codings.filter((c) => c.code === row.code).map((c) => c.segment)).size).toBe(row.segments);
    }
  });

  it('evidence carries the transcript\'s own words', async () => {
    const { codings } = await runCode(STUDY);
    const ev = codings.flatMap((c) => c.evidence);
    expect(ev.length).toBeGreaterThan(0);
    for (const e of ev) expect(typeof e.text).toBe('string');
  });

  it('freq on saved codings reports what the coding implies, one coder chosen', async () => {
    const { report } = await runFreq({ ...STUDY, codings: 'fixtures/codings/survivors-gold.csv' });
    expect(report.transcripts).toBe(7);
    expect(report.codes.find((c) => c.code === 'barrier')!.cases).toBeGreaterThan(0);
  });

  it('freq --by with an unknown attribute is an error with a guess', async () => {
    const e = await errorOf(runFreq({ ...STUDY, by: 'regoin' }));
    expect(e.message).toMatch(/no transcript has the attribute "regoin" \(did you mean "region"\?\)/);
  });
});

describe('one roll-up rule: a code the codebook lacks is named and left out everywhere', () => {
  const dir = tmp({
    'codings.csv': 'transcript,segment,speaker,code,coder\nP01,P01:4,P01,barrier.typo,A\nP01,P01:4,P01,barrier.housing,A\n',
    'b.csv': 'transcript,segment,speaker,code,coder\nP01,P01:4,P01,barrier.housing,B\n',
  });

  it('freq leaves it out of the parent and warns with its row', async () => {
    const { report, warnings } = await runFreq({ ...STUDY, codings: join(dir, 'codings.csv') });
    expect(report.codes.find((c) => c.code === 'barrier')!.segments).toBe(1);
    expect(warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('code "barrier.typo" is not in the codebook'));
    expect(warnings.find((w) => w.message.includes('barrier.typo'))).toMatchObject({ line: 2 });
  });

  it('agree leaves it out too: coders who agree on housing agree on barrier', async () => {
    const { report, warnings } = await runAgree({ ...STUDY, codebook: BOOK, inputs: [join(dir, 'codings.csv'), join(dir, 'b.csv')], bootstrap: 0 });
    const barrier = report.codes.find((c) => c.code === 'barrier')!;
    expect(barrier.percent_agreement).toBe(1);
    expect(warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('barrier.typo'));
  });
});

describe('never a report of zero', () => {
  it('a transcript with only interviewer turns is an error naming it', async () => {
    const dir = tmp({ 'T1.txt': 'I: Hello?\nI: Anyone there?\n' });
    const e = await errorOf(runIngest({ inputs: [join(dir, 'T1.txt')] }));
    expect(e.message).toMatch(/no participant words in transcript "T1"/);
  });

  it('a file named explicitly with no speaker labels says how a turn is written', async () => {
    const dir = tmp({ 'notes.txt': 'Some notes about the day.\nAnother line.\n' });
    const e = await errorOf(runIngest({ inputs: [join(dir, 'notes.txt')] }));
    expect(e.message).toBe(
      'no participant words in transcript "notes": no speaker turns were found in it (a turn starts with its speaker\'s label and a colon, "P03: …"; an export from Otter, Teams, Rev or NVivo can be named with --from)',
    );
  });

  it('a folder with no transcript in it is an error', async () => {
    const dir = tmp({ 'notes.bin': 'x' });
    const e = await errorOf(runIngest({ inputs: [dir] }));
    expect(e.message).toMatch(/nothing was read from this input/);
    expect(e.place.file).toBe(dir);
  });

  it('the folder one stands in is read when named "." or "./"', async () => {
    const dir = tmp({ 'T1.txt': 'I: How did you leave?\nP: With help.\nI: What helped?\nP: A shelter.\n' });
    const before = process.cwd();
    process.chdir(dir);
    try {
      for (const input of ['.', './']) {
        const r = await runIngest({ inputs: [input] });
        expect(r.transcripts.map((t) => t.id)).toEqual(['T1']);
      }
    } finally {
      process.chdir(before);
    }
  });

  it('an interview through an interpreter labelled INT is noticed once, with the way to code the interpreter\'s turns', async () => {
    const turns = ['I: How did you leave?', 'P: [speaks in Spanish]', 'INT: She says she left at night with her daughter.',
      'I: Where did you go?', 'P: [speaks in Spanish]', 'INT: She says to a church, but it was locked.',
      'I: And then?', 'P: Sí. [continues in Spanish]', 'INT: She says a shelter took them.'];
    const dir = tmp({ 'T1.txt': `---\nid: T1\nspeakers: [I, INT, P]\n---\n${turns.join('\n')}\n` });
    const plain = await runIngest({ inputs: [dir] });
    expect(plain.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/P's turns are mostly transcriber notes \("\[speaks in Spanish\]"\).*--interviewers I to code INT's turns/));
    const named = await runIngest({ inputs: [dir], interviewers: ['I'] });
    expect(named.warnings.map((w) => w.message)).not.toContainEqual(expect.stringMatching(/transcriber notes/));
  });

  it('a transcript with no interviewer is read, with one warning that says how to name them', async () => {
    const dir = tmp({ 'T2.txt': 'Dana Reyes: How did you leave?\nMaria: With help.\nDana Reyes: What helped?\nMaria: A shelter.\n' });
    const plain = await runIngest({ inputs: [dir] });
    expect(plain.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/no interviewer among its speakers.*--interviewers/));
    const two = tmp({ 'T2.txt': 'Dana: How?\nMaria: With help.\n'.repeat(2), 'T3.txt': 'Dana: How?\nRosa: Slowly.\n'.repeat(2) });
    expect((await runIngest({ inputs: [two] })).warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/^2 transcripts \(T2, T3\) have no interviewer among their speakers/),
    );
    const named = await runIngest({ inputs: [dir], interviewers: ['Dana Reyes'] });
    expect(named.warnings.map((w) => w.message)).not.toContainEqual(expect.stringMatching(/no interviewer/));
    expect(named.transcripts[0]!.speakers).toContainEqual(expect.objectContaining({ label: 'Dana Reyes', role: 'interviewer' }));
  });

  it('speakers of a Word file guessed by the two-lines rule are checked with ingest, not listed in front matter it cannot have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-docx-'));
    writeFileSync(join(dir, 'W1.docx'), makeDocx(['I: How did you leave?', 'Rosa: With help.', 'I: What helped?', 'Rosa: A shelter.']));
    const r = await runIngest({ inputs: [dir] });
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/"Rosa"; check them with qcode ingest \(a Word file cannot list its speakers/));
  });

  it('speakers guessed by the two-lines rule are one warning for the whole run', async () => {
    const talk = (p: string): string => `I: How did you leave?\n${p}: With help.\nI: What helped?\n${p}: A shelter.\n`;
    const dir = tmp({ 'A.txt': talk('Ana'), 'B.txt': talk('Bea'), 'C.txt': `---\nspeakers: [Cy]\n---\n${talk('Cy')}` });
    const { warnings } = await runIngest({ inputs: [dir] });
    const guessed = warnings.filter((w) => /recognised because each label starts at least two lines/.test(w.message));
    expect(guessed).toHaveLength(1);
    expect(guessed[0]!.message).toMatch(/speakers of 2 transcripts \(A, B\).*"Ana", "Bea"/);
  });

  it('the same transcript id twice is an error', async () => {
    const dir = tmp({ 'a/P1.txt': 'I: Q?\nP1: A.\nI: Q?\nP1: B.\n', 'b/P1.txt': 'I: Q?\nP1: C.\nI: Q?\nP1: D.\n' });
    const e = await errorOf(runIngest({ inputs: [dir] }));
    expect(e.message).toMatch(/transcript id "P1" is used twice/);
  });
});

describe('the attribute sheet', () => {
  const sheet = (rows: string) => {
    const dir = tmp({ 'cases.csv': `id,region\n${rows}` });
    return join(dir, 'cases.csv');
  };
  const inputs = ['fixtures/survivors/P01.txt', 'fixtures/survivors/P05.txt'];

  it('names a transcript it has no row for, and the row that was likely meant for it', async () => {
    const r = await runFreq({ ...STUDY, inputs, attributes: sheet('P01,urban\nP5,rural\n'), by: 'region' });
    expect(r.warnings.map((w) => w.message)).toContain(
      'transcript "P05" has no row in this sheet, so its attributes are missing from every table split by one (is row "P5" meant for P05?)',
    );
  });

  it('on one thread and on workers alike; silent when every transcript read has a row, read from only some of the study\'s cases', async () => {
    const two = await runFreq({ ...STUDY, inputs, attributes: sheet('P01,urban\nP9,rural\n'), jobs: 2 });
    expect(two.warnings.map((w) => w.message)).toContain('transcript "P05" has no row in this sheet, so its attributes are missing from every table split by one');
    const some = await runFreq({ ...STUDY, inputs: ['fixtures/survivors/P01.txt'], attributes: sheet('P01,urban\nP02,rural\nP03,urban\n') });
    expect(some.warnings.filter((w) => /row in this sheet/.test(w.message))).toEqual([]);
    const other = await runFreq({ ...STUDY, inputs, attributes: sheet('Q1,urban\nQ2,rural\n') });
    expect(other.warnings.map((w) => w.message)).toContain(
      'none of the 2 transcripts read has a row in this sheet (is it their sheet?), so their attributes are missing from every table split by one',
    );
  }, 90_000);
});

describe('--jobs: the pass on worker threads', () => {
  it('gives the same codings and warnings as one thread, in the same order', async () => {
    const inputs = ['fixtures/survivors/P01.txt', 'fixtures/survivors/P02.txt'];
    // A small codebook: what is tested is the merge (order, warnings), not the rules;
    // test/cli/jobs.test.ts runs the starter codebook on threads.
    const one = await runCode({ ...STUDY, codebook: SMALL, inputs, jobs: 1 });
    const two = await runCode({ ...STUDY, codebook: SMALL, inputs, jobs: 2 });
    expect(two.codings.length).toBeGreaterThan(2);
    expect(two.codings).toEqual(one.codings);
    expect(two.warnings).toEqual(one.warnings);
  }, 90_000);

  it('of several broken files, the first in input order is the error, as on one thread', async () => {
    // A is slow to read (a long interviewer-only file), so Z's error arrives first.
    const files: Record<string, string> = { 'A.txt': 'I: Hello, is anyone there at all?\n'.repeat(60_000) };
    for (let i = 0; i < 12; i++) files[`M${String(i).padStart(2, '0')}.txt`] = `I: Q?\nP: yes, the rent.\n`;
    files['Z.txt'] = 'I: Still there?\n';
    const dir = tmp(files);
    for (const jobs of [1, 2]) {
      const e = await errorOf(runFreq({ codebook: SMALL, inputs: [dir], jobs }));
      expect(e.place.file, `jobs ${jobs}`).toBe(join(dir, 'A.txt'));
    }
  });

  it('an input error in a worker is the same error, at its place', async () => {
    const dir = tmp({ 'A.txt': 'I: Q?\nA: yes.\nI: Q?\nA: no.\n', 'B.txt': 'I: Hello?\nI: Anyone?\n' });
    const e = await errorOf(runFreq({ codebook: SMALL, inputs: [dir], jobs: 2 }));
    expect(e.message).toMatch(/no participant words in transcript "B"/);
    expect(e.place.file).toBe(join(dir, 'B.txt'));
  });
});

describe('how many threads a run codes on', () => {
  const files = Array.from({ length: 1000 }, (_, i) => ({ path: `T${i}.txt`, format: 'txt' as const, explicit: false }));
  it('asks each file its size only until the corpus is large enough for threads', () => {
    let asked = 0;
    const jobs = jobsFor(undefined, files, () => (asked++, 1024 * 1024));
    expect(jobs).toBe(Math.max(1, availableParallelism()));
    expect(asked).toBe(24);
  });
  it('codes a small corpus on one thread, and takes --jobs as given', () => {
    expect(jobsFor(undefined, files, () => 1024)).toBe(1);
    expect(jobsFor(3, files, () => 0)).toBe(3);
  });
});
