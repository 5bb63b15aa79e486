import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { flattenCodes } from '../../src/core/codebook/model.js';
import { MAX_V8_TEXT, v8CanRead, v8Source } from '../../src/core/codebook/regex-v8.js';
import { CodebookPattern, compilePatternSet, planPattern, regexSpans } from '../../src/core/codebook/regex.js';

// V8's engine answers "does it match?" for patterns whose shape cannot backtrack out of
// hand, on text where it must agree with RE2. These tests hold it to both halves.

const re2 = (p: string) => RE2JS.compile(p, RE2JS.CASE_INSENSITIVE);
const v8 = (p: string) => new RegExp(v8Source(p)!, 'i');

describe('which patterns V8 may run', () => {
  it('takes the phrases codebooks are made of, in V8 syntax with RE2 meanings', () => {
    expect(v8Source('\\bhe\\s+was')).toBe('\\bhe[\\t\\n\\f\\r ]+was');
    expect(v8Source('^\\W*(no|nope)\\b')).toBe('^[^0-9A-Za-z_]*(?:no|nope)\\b');
    expect(v8Source('\\b(\\d+|two)\\s+days')).toBe('\\b(?:[0-9]+|two)[\\t\\n\\f\\r ]+days');
    expect(v8Source('only\\s+(address|place)\\s+(i|she)[^.?!]{0,20}\\b(his|him)\\b')).not.toBeNull();
    expect(v8Source('couldn[’\']t\\s+(\\w+\\s+){0,2}work')).not.toBeNull();
    expect(v8Source('a.b')).toBe('a[^\\n]b');
  });

  it('refuses shapes that can backtrack for ever or for long', () => {
    for (const p of ['(a+)+$', '(a|a)*b', '(ab)*c', '(a\\s+){0,4}b', '\\s+x', '\\s*\\s*x', 'a\\s+\\s+b', '.*x', 'a.*x', 'a[^.]*b', 'x\\w+\\d+y']) {
      expect(v8Source(p), p).toBeNull();
    }
  });

  it('leaves to RE2 the syntax it does not translate, and letters with other case forms', () => {
    for (const p of ['(?i)abc', '(?-i:county)', '\\pL+', '\\x41', '\\Qa.b\\E', '[[:alpha:]]', 'caf[éÉ]', 'straße', '\\S+x', 'a{2,1}', 'a{1001}']) {
      expect(v8Source(p), p).toBeNull();
    }
  });

  it('reads a text only where both engines must agree', () => {
    expect(v8CanRead('He kept my ID.')).toBe(true);
    expect(v8CanRead('He kept my ID 😀')).toBe(false); // code units against code points
    expect(v8CanRead('\u017Ftay')).toBe(false); // RE2 folds LONG S to s
    expect(v8CanRead('\u212Aept')).toBe(false); // and KELVIN SIGN to k
    expect(v8CanRead('a'.repeat(MAX_V8_TEXT + 1))).toBe(false);
  });
});

describe('V8 gives RE2’s answer', () => {
  it('on the starter codebook’s patterns and the hand-coded interviews, in many spellings', () => {
    const book = parseCodebook(readFileSync('codebooks/exit-barriers.yaml', 'utf8'), 'exit-barriers.yaml');
    const patterns = flattenCodes(book.codes).flatMap((c) => c.rules.flatMap((r) => (r.regex ?? []).map((x) => x.source))).filter((p) => v8Source(p) !== null);
    expect(patterns.length).toBeGreaterThan(100);
    const texts: string[] = [];
    for (const dir of ['fixtures/survivors', 'eval/dev6', 'eval/dev8']) {
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
        for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
          const m = /^[^:]{1,40}: (.+)$/.exec(line);
          if (m) texts.push(m[1]!);
        }
      }
    }
    const spellings = (t: string) => [t, t.toUpperCase(), t.replace(/'/g, '’'), t.replace(/ /g, '  '), t.replace(/ /g, '\u00a0'), t.replace(/ /g, '\t'), t.replace(/\. /g, '.\n')];
    let matches = 0;
    const set = compilePatternSet(patterns.map((p) => new CodebookPattern(p)));
    patterns.forEach((p, i) => {
      const [slow, fast] = [re2(p), v8(p)];
      for (const t of texts.flatMap(spellings)) {
        const answer = slow.test(t);
        if (fast.test(t) !== answer) expect.fail(`/${p}/ on ${JSON.stringify(t)}: RE2 ${answer}`);
        if (!answer) continue;
        matches++;
        // …and the same spans: the evidence a coding shows.
        const spans = set.spans(i, t);
        if (JSON.stringify(spans) !== JSON.stringify(regexSpans(slow, t))) expect.fail(`/${p}/ spans on ${JSON.stringify(t)}: ${JSON.stringify(spans)}`);
      }
    });
    expect(matches).toBeGreaterThan(500);
  });

  it('a pattern that can match nothing takes its spans from RE2, which steps past an empty match differently', () => {
    expect(planPattern('went\\s+back').nonEmpty).toBe(true);
    expect(planPattern('x*').nonEmpty).toBe(false);
    expect(planPattern('(no)?\\b').nonEmpty).toBe(false);
    const set = compilePatternSet([new CodebookPattern('x*'), new CodebookPattern('\\bgo(ing)?\\b')]);
    expect(set.spans(0, 'axxb')).toEqual(regexSpans(re2('x*'), 'axxb'));
    expect(set.spans(1, 'Going to go, GO')).toEqual([[0, 5], [9, 11], [13, 15]]);
  });

  it('one pattern answers segment after segment: a match late in one does not hide a match early in the next', () => {
    // The yes/no and the spans share one global RegExp, whose searches start where the last one ended.
    const set = compilePatternSet([new CodebookPattern('\\bwent\\s+back\\b')]);
    const late = 'We talked for a long time about it, and then I went back';
    expect(set.matching(late)).toEqual([0]);
    expect(set.test(0, 'I went back.')).toBe(true);
    expect(set.spans(0, late)).toEqual([[47, 56]]);
    expect(set.matching('went back, twice')).toEqual([0]);
    expect(set.spans(0, 'went back, and went back')).toEqual([[0, 9], [15, 24]]);
  });

  it('where their spaces and dots differ: RE2’s \\s is ASCII, its dot crosses no line', () => {
    for (const [p, t, want] of [
      ['a\\s+b', 'a\u00a0b', false], ['a\\s+b', 'a\tb', true], ['a\\s+b', 'a\vb', false],
      ['a.b', 'a\rb', true], ['a.b', 'a\nb', false], ['[^x]\\s', '\u2028 ', true],
    ] as const) {
      expect(re2(p).test(t), `${p} RE2`).toBe(want);
      expect(v8(p).test(t), `${p} V8`).toBe(want);
    }
  });
});

describe('hostile text stays fast on the patterns V8 runs', () => {
  it('long runs of what a pattern repeats, at the longest text V8 is given', () => {
    const cases: Array<[string, string]> = [
      ['\\bhe\\s+was\\s+x', `he${' '.repeat(MAX_V8_TEXT - 10)}`],
      ['\\b(\\d+|two)\\s+days', '1'.repeat(MAX_V8_TEXT)],
      ['only\\s+[^.?!]{0,20}\\b(his|him)\\b', 'only '.repeat(MAX_V8_TEXT / 5)],
      ['^\\W*(no|nope)\\b', '!'.repeat(MAX_V8_TEXT)],
      ['couldn[’\']t\\s+(\\w+\\s+){0,2}work', "couldn't a ".repeat(MAX_V8_TEXT / 11)],
    ];
    for (const [p, t] of cases) {
      expect(v8CanRead(t)).toBe(true);
      const t0 = performance.now();
      v8(p).test(t);
      expect(performance.now() - t0, p).toBeLessThan(200);
    }
  });
});
