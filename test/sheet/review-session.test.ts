// A review opened, decided and saved in this process: the study layer, the file it
// resumes from, and the key loop on stand-in terminal streams.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTerminal, type ReviewTerminal } from '../../src/cli/commands/review.js';
import { prepareWidths } from '../../src/render/text.js';
import { accept, reject } from '../../src/core/sheet/review.js';
import { openReview, saveReview } from '../../src/study/review.js';

const STUDY = { codebook: 'codebooks/exit-barriers.yaml', inputs: ['fixtures/survivors'] };
const dir = mkdtempSync(join(tmpdir(), 'qcode-review-session-'));

function fakeTerminal(): ReviewTerminal & { screen: () => string } {
  const stdin = Object.assign(new PassThrough(), { setRawMode: () => undefined, isTTY: true });
  let written = '';
  const stdout = Object.assign(new PassThrough(), { columns: 90 });
  stdout.on('data', (d: Buffer) => (written += d.toString()));
  return { stdin, stdout, screen: () => written.slice(written.lastIndexOf('\u001b[2J')) } as ReviewTerminal & { screen: () => string };
}

describe('openReview / saveReview', () => {
  it('saves decisions and resumes from them; other codes\' decisions are kept', async () => {
    const out = join(dir, 'ana.csv');
    const first = await openReview({ ...STUDY, codes: ['barrier.housing'], coder: 'ana', out });
    expect(first.state.items.every((i) => i.code === 'barrier.housing')).toBe(true);
    await saveReview(first, reject(accept(first.state)));
    const again = await openReview({ ...STUDY, codes: ['barrier.housing'], coder: 'ana', out });
    expect(again.state.decisions).toHaveLength(2);
    expect(again.state.cursor).toBe(2);
    const other = await openReview({ ...STUDY, codes: ['service'], coder: 'ana', out });
    expect(other.state.kept).toHaveLength(2);
    expect(other.state.items.every((i) => i.code.startsWith('service.'))).toBe(true);
    await saveReview(other, accept(other.state));
    expect(readFileSync(out, 'utf8').split('\n').filter((l) => l !== '')).toHaveLength(4);
  }, 60_000);

  it('refuses what it cannot review', async () => {
    const out = join(dir, 'x.csv');
    await expect(openReview({ ...STUDY, codes: [], coder: '', out })).rejects.toThrow('review needs --coder NAME');
    await expect(openReview({ ...STUDY, codes: [], coder: 'a', out: join(dir, 'x.xlsx') })).rejects.toThrow('a review is saved as a codings .csv');
    await expect(openReview({ ...STUDY, codes: ['barrier.housng'], coder: 'a', out })).rejects.toThrow('no code "barrier.housng" in the codebook (did you mean barrier.housing?)');
    const foreign = join(dir, 'foreign.csv');
    writeFileSync(foreign, 'segment,code\nP01:4,barrier.housing\n');
    await expect(openReview({ ...STUDY, codes: [], coder: 'a', out: foreign })).rejects.toThrow('not one qcode review wrote');
    const bens = join(dir, 'ben.csv');
    writeFileSync(bens, 'transcript,segment,speaker,code,coder,decision,suggestion\nP01,P01:4,P01,barrier.housing,ben,accept,barrier.housing\n');
    await expect(openReview({ ...STUDY, codes: [], coder: 'a', out: bens })).rejects.toThrow('this review is coder "ben"\'s, not "a"\'s');
  }, 60_000);
});

describe('the key loop', () => {
  // The screen measures wide characters with string-width, loaded on demand.
  beforeAll(prepareWidths);

  it('accept, reject, add a code with Tab completion, undo, skip and quit', async () => {
    const out = join(dir, 'keys.csv');
    const session = await openReview({ ...STUDY, codes: ['barrier.housing'], coder: 'kim', out });
    const term = fakeTerminal();
    const done = runTerminal(session, false, term);
    const press = async (s: string): Promise<void> => {
      term.stdin.write(s);
      await new Promise((r) => setTimeout(r, 30));
    };
    await press('a');
    expect(term.screen()).toContain('2/12');
    await press('r');
    await press('c');
    for (const ch of 'service.she') await press(ch);
    await press('\t');
    expect(term.screen()).toContain('service.shelter_');
    await press('\r');
    expect(term.screen()).toContain('added service.shelter');
    await press('c');
    await press('zz');
    await press('\r');
    expect(term.screen()).toContain('no code "zz"');
    await press('\u001b');
    // A lone Esc is told from the start of a key sequence by a pause.
    await new Promise((r) => setTimeout(r, 600));
    await press('s');
    await press('a');
    await press('u');
    expect(term.screen()).toContain('undone');
    await press('?');
    expect(term.screen()).toContain('keys: a r c u s q');
    await press('q');
    const final = await done;
    expect(final.decisions.map((d) => `${d.segment} ${d.kind} ${d.code}`)).toEqual(['P01:4 accept barrier.housing', 'P01:10 reject ', 'P01:12 add service.shelter']);
    expect(readFileSync(out, 'utf8')).toContain('P01,P01:12,P01,service.shelter,kim,add,barrier.housing');
  }, 60_000);
});
