// `qcode review`: the decisions as a state machine, the screen, and the real command
// driven through a pseudo-terminal (tmux), checking the file it writes and that it
// resumes where it stopped.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accept, addCode, decidedCount, reject, savedDecisions, skip, startReview, undo, type ReviewItem } from '../../src/core/sheet/review.js';
import { readCodings } from '../../src/io/codings.js';
import { renderReviewScreen } from '../../src/render/sheet-review.js';
import { qcode, ROOT } from '../e2e/run.js';
import { prepareWidths } from '../../src/render/text.js';

// Terminal tables measure wide characters with string-width, loaded on demand.
beforeAll(prepareWidths);

const item = (segment: string, code: string): ReviewItem => ({ transcript: 'T', segment, speaker: 'T', question: 'And then?', text: 'I had nowhere to stay.', code, highlights: [{ start: 6, end: 21 }] });
const items = [item('T:2', 'a.x'), item('T:2', 'a.y'), item('T:4', 'a.x')];

describe('review decisions', () => {
  it('accept, reject, add, skip and undo move through the suggestions', () => {
    let s = startReview(items, []);
    expect(s.cursor).toBe(0);
    s = accept(s);
    expect([s.cursor, decidedCount(s)]).toEqual([1, 1]);
    s = skip(s);
    expect(s.cursor).toBe(2);
    s = addCode(s, 'b.z');
    s = reject(s);
    expect(s.cursor).toBe(1); // the skipped one comes back
    s = undo(s);
    expect([s.cursor, decidedCount(s)]).toEqual([2, 1]);
    s = reject(accept(skip(s)));
    expect(s.cursor).toBe(-1);
    expect(savedDecisions(s).map((d) => `${d.segment} ${d.kind} ${d.code} ${d.suggestion}`)).toEqual([
      'T:2 accept a.x a.x', 'T:2 accept a.y a.y', 'T:4 add b.z a.x', 'T:4 reject  a.x',
    ]);
  });

  it('resumes from saved decisions, keeping those about other suggestions', () => {
    const saved = [
      { kind: 'accept' as const, transcript: 'T', segment: 'T:2', speaker: 'T', suggestion: 'a.x', code: 'a.x' },
      { kind: 'reject' as const, transcript: 'T', segment: 'T:9', speaker: 'T', suggestion: 'q.q', code: '' },
    ];
    const s = startReview(items, saved);
    expect([s.cursor, decidedCount(s), s.kept.length]).toEqual([1, 1, 1]);
    expect(savedDecisions(accept(s)).map((d) => d.segment)).toEqual(['T:2', 'T:2', 'T:9']);
  });

  it('the screen shows progress, the question, the evidence and the keys', () => {
    const screen = renderReviewScreen({ state: startReview(items, []), codes: new Map(), coder: 'ana', width: 80, color: false });
    expect(screen).toContain('1/3');
    expect(screen).toContain('Q: And then?');
    expect(screen).toContain('A: I had «nowhere to stay».');
    expect(screen).toContain('[a]ccept  [r]eject');
  });
});

describe('qcode review without a terminal', () => {
  it('refuses with a clear message and exit 2', () => {
    const r = qcode(['review', '--coder', 'ana', '--out', join(tmpdir(), 'never.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('qcode review is interactive and needs a terminal');
  });
});

const tmux = spawnSync('tmux', ['-V']).status === 0 && existsSync(join(ROOT, 'dist/cli/commands/review.js'));

describe.skipIf(!tmux)('qcode review in a terminal (tmux)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qcode-review-'));
  const out = join(dir, 'ana.csv');
  const session = `qcode-review-${process.pid}`;
  const t = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' });
  const screen = (): string => t('capture-pane', '-p', '-t', session);
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  async function waitFor(text: string, ms = 60_000): Promise<string> {
    for (let waited = 0; waited < ms; waited += 200) {
      const s = screen();
      if (s.includes(text)) return s;
      await sleep(200);
    }
    throw new Error(`never saw "${text}" on screen:\n${screen()}`);
  }
  async function keys(...k: string[]): Promise<void> {
    for (const key of k) {
      t('send-keys', '-t', session, ...(key.length === 1 || key.startsWith('-l') ? ['-l', key.replace(/^-l /, '')] : [key]));
      await sleep(60);
    }
  }
  function start(): void {
    const cmd = `cd ${JSON.stringify(ROOT)} && NO_COLOR=1 node bin/qcode.js review barrier.housing --coder ana --out ${JSON.stringify(out)}; echo EXITED $?; sleep 60`;
    t('new-session', '-d', '-s', session, '-x', '110', '-y', '45', cmd);
  }

  it('writes the decisions made with the keys, and resumes where it stopped', async () => {
    start();
    try {
      let s = await waitFor('1/12');
      expect(s).toContain('P01:4');
      expect(s).toContain('Definition:');
      expect(s).toContain('Exclude:');
      await keys('a'); // P01:4 accept
      await waitFor('2/12');
      await keys('r'); // P01:10 reject
      await waitFor('3/12');
      await keys('c', '-l service.she', 'Tab', 'Enter'); // add a code to P01:12
      await waitFor('added service.shelter');
      await keys('a', 's'); // accept P01:12, skip the next
      await keys('a'); // accept the one after
      await keys('u'); // …and take it back
      s = await waitFor('undone');
      expect(s).toContain('4/12');
      await keys('q');
      s = await waitFor('EXITED 0');
      expect(s).toContain('3 of 12 suggestions decided');
      t('kill-session', '-t', session);

      const rows = readFileSync(out, 'utf8');
      expect(rows).toBe(
        'transcript,segment,speaker,code,coder,decision,suggestion\n' +
          'P01,P01:4,P01,barrier.housing,ana,accept,barrier.housing\n' +
          'P01,P01:10,P01,,ana,reject,barrier.housing\n' +
          'P01,P01:12,P01,barrier.housing,ana,accept,barrier.housing\n' +
          'P01,P01:12,P01,service.shelter,ana,add,barrier.housing\n',
      );
      // Every report reads it as codings.
      const codings = await readCodings(out);
      expect(codings.filter((c) => c.code !== '').map((c) => `${c.segment} ${c.code}`)).toEqual(['P01:4 barrier.housing', 'P01:12 barrier.housing', 'P01:12 service.shelter']);

      // Resumed: the skipped suggestion comes first, the decided ones stay decided.
      start();
      s = await waitFor('4/12');
      expect(s).toContain('(3 decided)');
      await keys('r', 'q');
      await waitFor('EXITED 0');
      expect(readFileSync(out, 'utf8').split('\n').filter((l) => l.includes(',reject,'))).toHaveLength(2);
    } finally {
      spawnSync('tmux', ['kill-session', '-t', session]);
    }
  }, 180_000);
});
