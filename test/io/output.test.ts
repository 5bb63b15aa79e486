import { chmodSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputPath, removePendingOutputs, stageOutput, writeOutput } from '../../src/io/output.js';
import { writeKey } from '../../src/io/redact-write.js';

/** A study on disk: a transcript folder, a codebook, a codings file, a config. */
function study(): { dir: string; transcripts: string; p01: string; codebook: string; codings: string; config: string; reads: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'qcode-out-'));
  const transcripts = join(dir, 'interviews');
  mkdirSync(transcripts);
  const p01 = join(transcripts, 'P01.txt');
  writeFileSync(p01, 'I: What helped?\nP01: The housing advocate.\n');
  const codebook = join(dir, 'codebook.yaml');
  writeFileSync(codebook, 'name: x\n');
  const codings = join(dir, 'gold.csv');
  writeFileSync(codings, 'segment,code\n');
  const config = join(dir, 'qcode.yaml');
  writeFileSync(config, 'codebook: codebook.yaml\n');
  return { dir, transcripts, p01, codebook, codings, config, reads: [config, codebook, codings, transcripts] };
}

async function refusal(out: string, reads: string[]): Promise<string> {
  try {
    await checkOutputPath(out, reads);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`--out ${out} was accepted`);
}

describe('--out refuses what the command reads', () => {
  it('an input file', async () => {
    const s = study();
    expect(await refusal(s.p01, [s.p01])).toMatch(/is a file this command reads/);
  });

  it('a file inside an input folder, existing or not', async () => {
    const s = study();
    expect(await refusal(s.p01, s.reads)).toMatch(/inside .*interviews, a folder this command reads/);
    expect(await refusal(join(s.transcripts, 'freq.csv'), s.reads)).toMatch(/inside/);
  });

  it('a symlink to an input, and a new file under a symlinked input folder', async () => {
    const s = study();
    const link = join(s.dir, 'latest.txt');
    symlinkSync(s.p01, link);
    expect(await refusal(link, [s.p01])).toMatch(/leads to .*P01\.txt, a file this command reads/);
    const folderLink = join(s.dir, 'current');
    symlinkSync(s.transcripts, folderLink);
    expect(await refusal(join(folderLink, 'new.csv'), [s.transcripts])).toMatch(/inside/);
  });

  it('a hard link to an input', async () => {
    const s = study();
    const hard = join(s.dir, 'copy.txt');
    linkSync(s.p01, hard);
    expect(await refusal(hard, [s.p01])).toMatch(/this command reads/);
  });

  it('a hard link, outside it, to a file inside an input folder (the folder named, not the file)', async () => {
    const s = study();
    mkdirSync(join(s.transcripts, 'wave2'));
    const inside = join(s.transcripts, 'wave2', 'P09.txt');
    writeFileSync(inside, 'I: Hello?\nP09: Hello.\n');
    const hard = join(s.dir, 'latest.csv');
    linkSync(inside, hard);
    expect(await refusal(hard, [s.transcripts])).toMatch(/leads to .*wave2.P09\.txt, a file in .*interviews, a folder this command reads/);
    // A file with one name outside the folder is written as ever.
    await expect(checkOutputPath(join(s.dir, 'fresh.csv'), [s.transcripts])).resolves.toMatchObject({ path: join(s.dir, 'fresh.csv') });
  });

  it('the codebook, the codings file and the config', async () => {
    const s = study();
    for (const f of [s.codebook, s.codings, s.config]) expect(await refusal(f, s.reads)).toMatch(/is a file this command reads/);
  });

  it('a folder, and a device', async () => {
    const s = study();
    expect(await refusal(s.dir, [])).toMatch(/is a folder.*leave --out out to write to stdout/);
    expect(await refusal(join(s.dir, 'new-folder/'), [])).toMatch(/is a folder/);
    expect(await refusal('/dev/null', [])).toMatch(/not a regular file.*leave --out out/);
  });

  it('a file in a folder that does not exist', async () => {
    const s = study();
    expect(await refusal(join(s.dir, 'missing', 'x.csv'), [])).toMatch(/its folder does not exist/);
  });

  it('accepts a new file beside the inputs, even one named like an input', async () => {
    const s = study();
    const target = await checkOutputPath(join(s.dir, 'P01.txt'), s.reads);
    expect(target.mode).toBeUndefined();
  });
});

describe('writeOutput', () => {
  it('replaces a file whole and keeps its permissions', async () => {
    const s = study();
    const out = join(s.dir, 'freq.csv');
    writeFileSync(out, 'old');
    chmodSync(out, 0o640);
    await writeOutput(await checkOutputPath(out, s.reads), 'code,n\nbarrier,3\n');
    expect(readFileSync(out, 'utf8')).toBe('code,n\nbarrier,3\n');
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes through a symlink to the file it names, which stays a link', async () => {
    const s = study();
    const real = join(s.dir, 'real.csv');
    writeFileSync(real, 'old');
    const link = join(s.dir, 'link.csv');
    symlinkSync(real, link);
    await writeOutput(await checkOutputPath(link, s.reads), 'new\n');
    expect(readFileSync(real, 'utf8')).toBe('new\n');
  });

  it('leaves no temporary file behind when an interrupt removes what is pending', async () => {
    const s = study();
    const out = join(s.dir, 'big.csv');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let wrote!: () => void;
    const started = new Promise<void>((r) => (wrote = r));
    async function* pieces(): AsyncGenerator<string> {
      yield 'code,n\n';
      wrote();
      await held;
      yield 'barrier,3\n';
    }
    const writing = writeOutput(await checkOutputPath(out, []), pieces());
    await started;
    expect(readdirSync(s.dir).some((f) => f.startsWith('.big.csv.') && f.endsWith('.tmp'))).toBe(true);
    removePendingOutputs();
    expect(readdirSync(s.dir).some((f) => f.endsWith('.tmp'))).toBe(false);
    release();
    await writing.catch(() => undefined);
  });
});

describe('several files put in place together', () => {
  it('staged files are beside their places until committed; discarded, the folder is as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-stage-'));
    writeFileSync(join(dir, 'a.txt'), 'the old a\n');
    const stage = async (name: string, text: string) => stageOutput(await checkOutputPath(join(dir, name), []), text);
    const kept = [await stage('a.txt', 'new a\n'), await stage('b.txt', 'new b\n')];
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('the old a\n');
    expect(readdirSync(dir).filter((f) => !f.endsWith('.tmp'))).toEqual(['a.txt']);
    for (const s of kept) await s.discard();
    expect(readdirSync(dir)).toEqual(['a.txt']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('the old a\n');
    const put = [await stage('a.txt', 'new a\n'), await stage('b.txt', 'new b\n')];
    for (const s of put) await s.commit();
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('new a\n');
  });
});

describe('the key of a redaction', () => {
  it('is owner-only while it is written and after, even over an old key others could read', async () => {
    const s = study();
    const key = join(s.dir, 'key.json');
    writeFileSync(key, '{"old": true}\n');
    chmodSync(key, 0o644);
    const staged = await stageOutput(await checkOutputPath(key, []), '{"renee": "P1"}\n', { mode: 0o600, what: 'the key' });
    const tmp = readdirSync(s.dir).find((f) => f.startsWith('.key.json.') && f.endsWith('.tmp'))!;
    expect(statSync(join(s.dir, tmp)).mode & 0o777).toBe(0o600);
    await staged.discard();
    await writeKey(key, '{"renee": "P1"}\n', join(s.dir, 'copies'), s.reads);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(key, 'utf8')).toBe('{"renee": "P1"}\n');
  });

  it('half-written, is taken away by an interrupt like any output', async () => {
    const s = study();
    await stageOutput(await checkOutputPath(join(s.dir, 'key.json'), []), '{"renee": "P1"}\n', { mode: 0o600, what: 'the key' });
    expect(readdirSync(s.dir).some((f) => f.endsWith('.tmp'))).toBe(true);
    removePendingOutputs();
    expect(readdirSync(s.dir).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('names itself when the disk fills while it is written, and leaves nothing behind', async () => {
    const s = study();
    function* full(): Generator<string> {
      yield '{"renee": ';
      throw Object.assign(new Error('write failed'), { code: 'ENOSPC' });
    }
    const target = await checkOutputPath(join(s.dir, 'key.json'), []);
    const error = await stageOutput(target, full(), { mode: 0o600, what: 'the key' }).then(() => null, (e: Error) => e.message);
    expect(error).toBe('cannot write the key: no space left on device');
    expect(readdirSync(s.dir).filter((f) => f.includes('key'))).toEqual([]);
  });
});

