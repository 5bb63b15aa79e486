// Hostile caption files must finish in seconds of CPU time: no quadratic joins, no
// spreading of huge arrays into calls (which overflows the stack).

import { describe, expect, it } from 'vitest';
import { parseSrt } from '../../src/io/srt.js';
import { parseVtt } from '../../src/io/vtt.js';

const interviewers = ['Interviewer'];
/**
 * CPU seconds allowed: 100,000 cues (6 MB) take under a second; a quadratic join would
 * take an hour. The arrays of lines are past V8's limit on spread arguments (about
 * 120,000), so spreading them into a call fails here too.
 */
const LIMIT = 10;
const TIMEOUT = 120_000;

/**
 * CPU seconds spent by this process: unlike wall time it does not grow when other test
 * suites share the machine, so the limit can stay tight.
 */
function seconds(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

const clock = (ms: number): string => {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
};

describe('hostile caption files', () => {
  it('100,000 cues of one speaker become one turn, in seconds', () => {
    const parts: string[] = ['WEBVTT', ''];
    for (let i = 0; i < 100_000; i++) parts.push(String(i + 1), `${clock(i * 10)} --> ${clock(i * 10 + 10)}`, 'Rosa: we kept going', '');
    const raw = parts.join('\n');
    let turns = 0;
    let length = 0;
    const took = seconds(() => {
      const t = parseVtt(raw, 'big.vtt', interviewers);
      turns = t.turns.length;
      length = t.text.length;
    });
    expect(turns).toBe(1);
    expect(length).toBe('Rosa: '.length + 100_000 * 'we kept going '.length - 1);
    expect(took).toBeLessThan(LIMIT);
  }, TIMEOUT);

  it('a 5 MB file that is one enormous cue line, and a file of one enormous line, finish in seconds', () => {
    const words = 'housing work papers '.repeat(250_000); // 5 MB
    let took = seconds(() => {
      const t = parseVtt(`WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Rosa>${words}`, 'line.vtt', interviewers);
      expect(t.turns).toHaveLength(1);
    });
    expect(took).toBeLessThan(LIMIT);
    took = seconds(() => {
      const t = parseVtt(`WEBVTT ${words}`, 'header.vtt', interviewers);
      expect(t.unread).toHaveLength(1);
    });
    expect(took).toBeLessThan(LIMIT);
    took = seconds(() => {
      const t = parseSrt(`1\n00:00:01,000 --> 00:00:02,000\n${'<i>a < b & c</i> '.repeat(300_000)}`, 'line.srt', interviewers);
      expect(t.turns).toHaveLength(1);
    });
    expect(took).toBeLessThan(LIMIT);
  }, TIMEOUT);

  it('300,000 unread lines and rolling repeats are listed without overflowing the stack', () => {
    const parts: string[] = ['WEBVTT', 'Kind: captions', 'Language: en', ''];
    for (let i = 0; i < 75_000; i++) parts.push(`${clock(i * 10)} --> ${clock(i * 10 + 10)}`, `line ${i}`, '', `${clock(i * 10 + 10)} --> ${clock(i * 10 + 11)}`, `line ${i}`, '', 'NOTE a', 'b', 'c', '');
    const raw = parts.join('\n');
    const took = seconds(() => {
      const t = parseVtt(raw, 'yt.vtt', interviewers);
      expect(t.unread.filter((u) => u.kind === 'repeat')).toHaveLength(75_000);
      expect(t.unread.filter((u) => u.kind === 'note')).toHaveLength(225_000);
    });
    expect(took).toBeLessThan(LIMIT);
  }, TIMEOUT);
});
