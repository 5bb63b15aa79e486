// The shipped codebooks are parsed when qcode is built and read back at run time.
// What a run gets from a snapshot must be exactly what parsing the file gives.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/core/codebook/parse.js';
// The build, where the snapshots are (npm test builds first).
import { readCodebook as readBuilt } from '../../dist/io/codebook-file.js';

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

  it('an edited codebook is parsed, not read from the snapshot of its original', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcode-snap-'));
    const edited = join(dir, 'codebook.yaml');
    const text = readFileSync(shipped[0]!, 'utf8').replace('name:', 'name: edited #');
    writeFileSync(edited, text);
    const built = await readBuilt(edited);
    expect(built).toEqual(parseCodebook(text, edited));
    expect(existsSync(join('dist', 'snapshots', `${built.sha256}.json`))).toBe(false);
  });
});
