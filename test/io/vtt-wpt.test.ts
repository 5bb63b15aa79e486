// The web-platform-tests WebVTT file-parsing cases (test/fixtures/formats/vtt/wpt, see
// its README): qcode must read every cue a browser reads, with the same text and id.
// Where a browser silently drops a cue whose timing line is broken, qcode reads it
// with a warning (the timing is still plainly one) or names the line in an error.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../src/core/errors.js';
import { parseVtt, readVttCues } from '../../src/io/vtt.js';
import { F } from './helpers.js';

/** The WebVTT part of a wpt `.test` file, its escapes decoded as the suite's build.py does. */
function wptVtt(name: string): string {
  const src = readFileSync(join(F, 'vtt', 'wpt', `${name}.test`), 'utf8');
  const body = src.slice(src.indexOf('\n\n') + 2);
  const escaped = body.slice(body.indexOf('===\n') + 4);
  const simple: Record<string, string> = { '0': '\0', t: '\t', f: '\f', v: '\v', r: '\r', n: '\n', '\\': '\\', '\n': '' };
  return escaped.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[0tfvrn\\\n])/g, (_, e: string) =>
    e[0] === 'x' || e[0] === 'u' ? String.fromCharCode(parseInt(e.slice(1), 16)) : (simple[e] as string),
  );
}

const texts = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const times = (text: string, n: number): string[] => Array<string>(n).fill(text);

interface Case {
  /** Cue texts a browser reads (from the case's assertions). */
  browser: string[];
  /** Cue texts qcode reads: the browser's, plus cues a browser drops for a broken timing. */
  qcode?: string[];
  /** Lines of timing lines qcode cannot read under which words would be lost. */
  errors?: number[];
}

const CASES: Record<string, Case> = {
  arrows: { browser: texts('text', 6) },
  ids: { browser: texts('text', 5) },
  nulls: {
    browser: ['text1', 'text2', '\ufffdtext\ufffd3', 'text4', 'text5', 'text6', 'text7'],
    // A clean start with a damaged end time: read at its start, with a warning.
    qcode: ['text1', 'text2', '\ufffdtext\ufffd3', 'text4', 'text5', 'text6', 'text7', ...times('"FAIL"', 12)],
    errors: [27, 30, 33, 36, 39, 42, 45, 48, 51, 54, 57, 60, 63, 66, 69, 72, 75, 78, 81, 84, 87, 90, 93, 102, 111, 120, 123, 126, 129, 132, 135, 138, 141, 144, 147, 150, 153, 156, 159, 162, 165, 168, 171, 174, 177, 180, 189, 198],
  },
  'regions-id': { browser: times('valid', 4) },
  'regions-old': { browser: texts('text', 2) },
  'regions-scroll': { browser: times('text', 6) },
  'settings-multiple': { browser: texts('text', 2) },
  'settings-region': { browser: [...texts('text', 5), ...times('invalid', 4)] },
  'settings-size': { browser: [...texts('text', 7), ...times('invalid', 9)] },
  'settings-vertical': { browser: [...texts('text', 4), ...times('invalid', 4)] },
  'signature-no-newline': { browser: [] },
  'stylesheets-newlines': { browser: ['text', 'text'] },
  'stylesheets-none': { browser: [] },
  'timings-negative': { browser: texts('text', 4) },
  'timings-omitted-hours': { browser: texts('text', 3) },
  'timings-too-long': { browser: texts('text', 2), errors: [6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42] },
  'timings-too-short': {
    browser: texts('text', 2),
    // One-digit fields, short or missing milliseconds: plainly timings, read with a warning.
    qcode: ['text1', ...times('invalid', 13), 'text2'],
    errors: [6, 12, 18, 27, 36, 45, 48, 51, 54, 60, 66, 75, 78, 81, 84, 87, 90],
  },
  'whitespace-chars': {
    browser: ['   text1', 'text2', 'text3'],
    // A vertical tab is not WebVTT whitespace, but the line is a timing all the same.
    qcode: ['   text1', 'text2', 'text3', 'text4'],
  },
};

/** Whether every item of `sub` appears in `all`, in order. */
function isSubsequence(sub: string[], all: string[]): boolean {
  let k = 0;
  for (const x of all) if (k < sub.length && x === sub[k]) k++;
  return k === sub.length;
}

describe('web-platform-tests webvtt/parsing/file-parsing', () => {
  it.each(Object.keys(CASES))('%s: every cue a browser reads, and no words dropped', (name) => {
    const c = CASES[name] as Case;
    const read = readVttCues(wptVtt(name), `${name}.vtt`);
    const got = read.blocks.map((b) => b.lines.join('\n'));
    expect(got).toEqual(c.qcode ?? c.browser);
    expect(isSubsequence(c.browser, got)).toBe(true);
    expect(read.errors.map((e) => e.place.line)).toEqual(c.errors ?? []);
    expect(read.layout).toBe('webvtt');
  });

  it('files qcode cannot read without losing words are refused, naming every broken timing line', () => {
    for (const name of ['nulls', 'timings-too-long', 'timings-too-short']) {
      let thrown: unknown;
      try {
        parseVtt(wptVtt(name), `${name}.vtt`, []);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(QcodeError);
      expect((thrown as QcodeError).all().map((e) => e.place.line)).toEqual(CASES[name]?.errors);
      expect((thrown as QcodeError).message).toMatch(/^malformed cue timing ".+" \(expected 00:00:01\.000 --> 00:00:04\.000\)/);
    }
  });

  it('ids: cue ids are read as ids, never as words', () => {
    const read = readVttCues(wptVtt('ids'), 'ids.vtt');
    expect(read.blocks.map((b) => b.id)).toEqual([' leading space', 'trailing space ', '-- >', '->', ' ']);
    expect(parseVtt(wptVtt('ids'), 'ids.vtt', []).text).toBe('Unknown: text1 text2 text3 text4 text5');
  });

  it('arrows: lines with an arrow that are not timings end the cue before them and are listed as unread', () => {
    const read = readVttCues(wptVtt('arrows'), 'arrows.vtt');
    expect(read.unread.map((u) => [u.line, u.kind, u.text])).toEqual([
      [3, 'dropped', '-->'],
      [6, 'dropped', 'foo-->'],
      [9, 'dropped', '-->foo'],
      [12, 'dropped', '--->'],
      [15, 'dropped', '-->-->'],
      [21, 'dropped', '00:00:00.000 -a -->'],
      [23, 'dropped', '00:00:00.000 --a -->'],
      [25, 'dropped', '00:00:00.000 - -->'],
      [27, 'dropped', '00:00:00.000 -- -->'],
    ]);
    expect(read.warnings.map((w) => w.line)).toEqual([3, 6, 9, 12, 15, 21, 23, 25, 27]);
  });

  it('nulls: NUL becomes U+FFFD, and the header lines it sits in are unread header text', () => {
    const read = readVttCues(wptVtt('nulls'), 'nulls.vtt');
    expect(read.unread.slice(0, 2)).toEqual([
      { line: 2, kind: 'header', text: '\ufffd' },
      { line: 3, kind: 'header', text: '(null in previous line should make this line also part of the header)' },
    ]);
  });

  it('stylesheets and regions: STYLE, REGION and NOTE blocks are notes, stray blocks are dropped with a warning', () => {
    const style = readVttCues(wptVtt('stylesheets-newlines'), 's.vtt');
    expect(style.unread.filter((u) => u.kind === 'dropped').map((u) => u.text)).toEqual(['.bar {', 'width: 18px;', '}']);
    expect(style.unread.filter((u) => u.kind === 'note')[0]).toEqual({ line: 4, kind: 'note', text: '::cue(#foo) {' });
    expect(style.warnings).toHaveLength(1);
    const regions = readVttCues(wptVtt('regions-id'), 'r.vtt');
    expect(regions.unread[0]).toEqual({ line: 3, kind: 'note', text: 'NOTE No API for accessing region ids, so using lines to uniquely identify regions' });
    expect(regions.unread.every((u) => u.kind === 'note')).toBe(true);
  });

  it('timings: source times are read from the start time, hours optional', () => {
    expect(readVttCues(wptVtt('timings-negative'), 't.vtt').blocks.map((b) => b.timing.time)).toEqual([0, 1, 60, 3600]);
    expect(readVttCues(wptVtt('timings-omitted-hours'), 't.vtt').blocks.map((b) => b.timing.start)).toEqual(['00:00.000', '00:00:00.000', '00:00.000']);
  });
});
