// deid and redact as commands (run in-process), as a researcher runs them on transcripts in
// three export formats: exit codes, the JSON contract, copies that hold none of the
// planted words and keep their format, inputs left byte for byte, the key file.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { json, qcode } from '../cli/run.js';
import { ROOT } from '../e2e/run.js';

const FIXTURES = join(ROOT, 'fixtures/deid');
const answers = {
  ...(parse(readFileSync(join(FIXTURES, 'planted.answers.yaml'), 'utf8')) as Record<string, [string, string][]>),
  ...(parse(readFileSync(join(FIXTURES, 'second.answers.yaml'), 'utf8')) as Record<string, [string, string][]>),
  ...(parse(readFileSync(join(FIXTURES, 'third.answers.yaml'), 'utf8')) as Record<string, [string, string][]>),
};

/** A study folder outside the repository (no qcode.yaml around it) with the evaluation transcripts. */
function study(): { dir: string; inputs: string } {
  const dir = mkdtempSync(join(tmpdir(), 'qcode-deid-'));
  const inputs = join(dir, 'transcripts');
  mkdirSync(inputs);
  for (const f of readdirSync(FIXTURES)) if (!f.endsWith('.yaml')) cpSync(join(FIXTURES, f), join(inputs, f));
  return { dir, inputs };
}

const digest = (folder: string): Record<string, string> =>
  Object.fromEntries(readdirSync(folder).map((f) => [f, createHash('sha256').update(readFileSync(join(folder, f))).digest('hex')]));

interface Finding { transcript: string; source: string; line: number; col: number; start: number | null; end: number | null; kind: string; confidence: number; text: string; in: string }

describe('qcode deid', () => {
  it('exits 1 on planted identifiers and reports them masked, with place and offsets', async () => {
    const { dir } = study();
    const r = await qcode(['deid', 'transcripts/planted.txt', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const doc = json<{ qcode: string; findings: Finding[] }>(r);
    expect(doc.qcode).toMatch(/^\d+\.\d+\.\d+/);
    const phone = doc.findings.find((f) => f.kind === 'phone')!;
    expect(phone).toMatchObject({ transcript: 'D01', source: 'transcripts/planted.txt', line: 11, in: 'words', text: '(•••) •••-••••' });
    expect(phone.col).toBe(readFileSync(join(dir, 'transcripts/planted.txt'), 'utf8').split('\n')[10]!.indexOf('(312)') + 1);
    expect(r.stdout).not.toContain('555-0148');
    // --show prints the words, and start/end are code points into the document text.
    const shown = json<{ findings: Finding[] }>(await qcode(['deid', 'transcripts/planted.txt', '--format', 'json', '--show'], { cwd: dir }));
    const ssn = shown.findings.find((f) => f.kind === 'ssn')!;
    expect(ssn.text).toBe('123-45-6789');
    expect(ssn.end! - ssn.start!).toBe(11);
  });

  it('reports Zoom display names and phone-number labels as identifiers, generic labels not', async () => {
    const { dir } = study();
    const doc = json<{ findings: Finding[] }>(await qcode(['deid', 'transcripts/planted-zoom.vtt', 'transcripts/clean-zoom.vtt', '--format', 'json', '--show'], { cwd: dir }));
    const labels = doc.findings.filter((f) => f.in === 'speaker').map((f) => `${f.kind} ${f.text}`);
    expect(labels).toEqual(['name Dana Reyes (she/her)', 'name Keisha Morrow', 'phone +1 937 555 0199']);
  });

  it('exits 0 on clean transcripts full of look-alikes', async () => {
    const { dir } = study();
    const r = await qcode(['deid', 'transcripts/clean.txt', 'transcripts/clean-zoom.vtt', 'transcripts/clean-otter.txt'], { cwd: dir });
    expect(r.stdout).toMatch(/no likely identifier in 3 transcripts/);
    expect(r.code).toBe(0);
  });

  it('deid.allow in qcode.yaml and --allow silence accepted terms', async () => {
    const { dir } = study();
    const before = json<{ findings: Finding[] }>(await qcode(['deid', 'transcripts/clean-teams.txt', '--format', 'json', '--show'], { cwd: dir })).findings;
    expect(before.map((f) => f.text)).toContain('Phil');
    writeFileSync(join(dir, 'qcode.yaml'), 'deid:\n  allow: [Dr. Phil, Phil, Oprah]\n');
    const after = await qcode(['deid', 'transcripts/clean-teams.txt'], { cwd: dir });
    expect(after.code).toBe(0);
  });
});

describe('qcode redact', () => {
  it('writes copies with none of the planted words, in their own formats, and leaves the inputs byte for byte', async () => {
    const { dir, inputs } = study();
    const before = digest(inputs);
    const r = await qcode(['redact', 'transcripts', '--out-dir', 'redacted', '--interviewers', 'Dana Reyes (she/her),Dana Reyes,Priya Natarajan,I,Interviewer,Speaker 1'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(digest(inputs)).toEqual(before);
    for (const [file, planted] of Object.entries(answers)) {
      const copy = readFileSync(join(dir, 'redacted', file), 'utf8');
      for (const [kind, words] of planted) expect(copy, `${file}: ${kind} "${words}"`).not.toContain(words);
    }
    const vtt = readFileSync(join(dir, 'redacted/planted-zoom.vtt'), 'utf8');
    expect(vtt.split('\n').slice(0, 4)).toEqual(['WEBVTT', '', '1', '00:00:01.200 --> 00:00:05.400']);
    expect(vtt).toMatch(/^Participant \d: I worked at \[PLACE\]/m);
    const txt = readFileSync(join(dir, 'redacted/planted.txt'), 'utf8');
    expect(txt.startsWith('---\nid: D01\nspeakers: [I, D01]\nsite: community\n---\nI: Thank you')).toBe(true);
    expect(txt).toContain('Social Security number is [SSN]');
    // One interviewer across the run: the same pseudonym in the Otter and the Zoom copy.
    expect(readFileSync(join(dir, 'redacted/planted-otter.txt'), 'utf8')).toMatch(/^Interviewer 1 {2}0:04$/m);
    expect(vtt).toMatch(/^Interviewer 1: Thank you/m);
    // The copies read back as transcripts with the same turns, and deid finds (almost) nothing.
    const again = json<{ findings: Finding[] }>(await qcode(['deid', 'redacted', '--format', 'json', '--show', '--interviewers', 'Interviewer 1,Interviewer 2,I,Interviewer,Speaker 1'], { cwd: dir }));
    expect(again.findings.length).toBeLessThanOrEqual(2);
    expect(existsSync(join(dir, 'key.json'))).toBe(false);
  });

  it('refuses an out-dir that holds an input or lies inside an input folder, and a key among the copies', async () => {
    const { dir } = study();
    const holds = await qcode(['redact', 'transcripts/planted.txt', '--out-dir', 'transcripts'], { cwd: dir });
    expect(holds.code).toBe(2);
    expect(holds.stderr).toMatch(/--out-dir transcripts holds transcripts\/planted\.txt, an input/);
    const inside = await qcode(['redact', 'transcripts', '--out-dir', 'transcripts/redacted'], { cwd: dir });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/is inside transcripts, a folder this command reads/);
    expect(existsSync(join(dir, 'transcripts/redacted'))).toBe(false);
    const key = await qcode(['redact', 'transcripts/planted.txt', '--out-dir', 'out', '--key', 'out/key.json'], { cwd: dir });
    expect(key.code).toBe(2);
    expect(key.stderr).toMatch(/must be stored apart from the redacted copies/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('--key writes the mapping owner-only, outside the copies', async () => {
    const { dir } = study();
    const r = await qcode(['redact', 'transcripts/planted-otter.txt', '--out-dir', 'out', '--key', 'key.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(dir, 'key.json')).mode & 0o777).toBe(0o600);
    const key = JSON.parse(readFileSync(join(dir, 'key.json'), 'utf8')) as { speakers: { original: string; pseudonym: string }[]; replacements: { original: string }[] };
    expect(key.speakers.find((s) => s.original === 'Renee Castillo')?.pseudonym).toMatch(/^Participant \d$/);
    expect(key.replacements.map((x) => x.original)).toContain('559-555-0162');
    expect(readdirSync(join(dir, 'out'))).toEqual(['planted-otter.txt']);
  });
});

describe('front matter', () => {
  it('deid reports identifying values (name:, city:) and redact replaces them, keeping the YAML readable', async () => {
    const { dir } = study();
    writeFileSync(join(dir, 'fm.txt'), '---\nid: F1\nparticipant: Maria Lopez\ncity: Toledo\nsite: community\n---\nI: How are you?\nF1: Fine, thanks.\nI: Good.\nF1: Yes.\n');
    const doc = json<{ findings: Finding[] }>(await qcode(['deid', 'fm.txt', '--format', 'json', '--show'], { cwd: dir }));
    expect(doc.findings.map((f) => `${f.line}:${f.col} ${f.kind} ${f.text} ${f.in}`)).toEqual(['3:14 name Maria Lopez header', '4:7 place Toledo header']);
    expect((await qcode(['redact', 'fm.txt', '--out-dir', 'out'], { cwd: dir })).code).toBe(0);
    // Quoted: `city: [PLACE]` is a list to YAML, and the copy's attributes would read `PLACE`.
    expect(readFileSync(join(dir, 'out/fm.txt'), 'utf8')).toBe('---\nid: F1\nparticipant: "[NAME]"\ncity: "[PLACE]"\nsite: community\n---\nI: How are you?\nF1: Fine, thanks.\nI: Good.\nF1: Yes.\n');
    const copy = json<{ transcripts: { attributes: Record<string, unknown> }[] }>(await qcode(['ingest', 'out/fm.txt', '--format', 'json'], { cwd: dir }));
    expect(copy.transcripts[0]!.attributes).toMatchObject({ participant: '[NAME]', city: '[PLACE]' });
  });
});

describe('reports that print transcript text', () => {
  it('quotes warns once where a quote may identify someone, never with the words; --redact masks them', async () => {
    const plain = await qcode(['quotes', 'barrier', '--level', '1', '--limit', '50', '--no-color']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toMatch(/^qcode: warning: 2 quotes may identify someone: P01:20 \(name\); P04:24 \(name\); pass --redact to mask them/m);
    expect(plain.stderr).not.toContain('Marisol');
    expect(plain.stdout).toContain('Marisol');
    const masked = await qcode(['quotes', 'barrier', '--level', '1', '--limit', '50', '--no-color', '--redact']);
    expect(masked.stdout).not.toContain('Marisol');
    expect(masked.stdout).toContain('What helped me was [NAME] did everything');
    expect(masked.stderr).toMatch(/2 quotes held likely identifiers, masked in this output \(--redact\)/);
  });
});
