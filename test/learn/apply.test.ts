// The two ways to merge a model's opinion with the rules': as a step of the coding pass
// (scoring the tokens the pass read) and afterwards, over codings made before (reading the
// text again). A researcher must get the same codings either way, whichever codebook
// compile the pass used.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCodebook, codeTranscript, parseTranscript } from '../../src/study/library.js';
import { readCodebook } from '../../src/io/codebook-file.js';
import { loadStemmer } from '../../src/core/codebook/stem.js';
import { applyModel, codeAndMerge, scoringModel } from '../../src/core/learn/apply.js';
import { parseModel, type LearnedModel } from '../../src/core/learn/model.js';
import { eligibleSegments } from '../../src/core/code/pass.js';
import { MERGE_POLICIES } from '../../src/core/codebook/model.js';
import type { Coding, Transcript } from '../../src/core/types.js';

const learned = (): LearnedModel => parseModel(readFileSync('codebooks/exit-barriers.model.json', 'utf8'), 'model.json');
const pass = { unit: 'turn' as const, speakers: 'participant' as const };

function transcripts(folder: string): Transcript[] {
  return readdirSync(folder).filter((f) => f.endsWith('.txt')).map((f) => parseTranscript(readFileSync(`${folder}/${f}`, 'utf8'), { id: f.replace(/\.txt$/, '') }));
}

describe('merging the model with the rules', () => {
  it('gives the same codings in the pass as over codings made before, under every policy', async () => {
    const cb = await compileCodebook(await readCodebook('codebooks/exit-barriers.yaml'));
    let model = 0;
    for (const policy of MERGE_POLICIES) {
      const scoring = scoringModel(learned(), cb.stem);
      for (const t of transcripts('eval/dev5')) {
        const segments = eligibleSegments(t, pass.unit, pass.speakers);
        const inPass = codeAndMerge(cb, t, pass, segments, { scoring, policy });
        const after = applyModel(scoring, t, segments, codeTranscript(cb, t, pass), policy);
        expect(after, `${t.id} ${policy}`).toEqual(inPass);
        model += inPass.codings.filter((c) => c.coder === 'model').length;
      }
    }
    expect(model).toBeGreaterThan(10);
  });

  it('scores words too long to remember (each worked out for its text only) as it scores any other', async () => {
    const cb = await compileCodebook(await readCodebook('codebooks/exit-barriers.yaml'));
    const scoring = scoringModel(learned(), cb.stem);
    const long = (c: string): string => c.repeat(70);
    const t = parseTranscript([
      `I: Where did you ${long('q')} stay after you left?`,
      `P1: I had no money ${long('a')} and no ${long('b')} place to stay, no money at all ${long('a')} no ${long('b')} place.`,
      'I: And then?',
      `P1: ${long('c')} The shelter had a bed for me and a counselor ${long('c')} who helped with my housing.`,
    ].join('\n'), { id: 'P1' });
    const segments = eligibleSegments(t, pass.unit, pass.speakers);
    const inPass = codeAndMerge(cb, t, pass, segments, { scoring, policy: 'vote' });
    expect(applyModel(scoring, t, segments, codeTranscript(cb, t, pass), 'vote')).toEqual(inPass);
    expect(inPass.codings.map((c) => c.probability).every((p) => p !== undefined)).toBe(true);
    expect(new Set(inPass.codings.map((c) => c.segment))).toEqual(new Set(['P1:2', 'P1:4']));
  });

  it('a pass that only counts (evidence: false) gives the same codes, with no evidence and no features', async () => {
    const cb = await compileCodebook(await readCodebook('codebooks/exit-barriers.yaml'));
    const scoring = scoringModel(learned(), cb.stem);
    const codesOf = (codings: Coding[]) => codings.map((c) => [c.segment, c.code, c.coder, c.probability]);
    let withEvidence = 0;
    for (const folder of ['fixtures/survivors', 'eval/dev5', 'eval/dev9']) {
      for (const t of transcripts(folder)) {
        const segments = eligibleSegments(t, pass.unit, pass.speakers);
        for (const model of [null, { scoring, policy: 'vote' as const }]) {
          const full = codeAndMerge(cb, t, pass, segments, model).codings;
          const counted = codeAndMerge(cb, t, { ...pass, evidence: false }, segments, model).codings;
          expect(codesOf(counted), `${t.id}`).toEqual(codesOf(full));
          expect(counted.every((c) => c.evidence.length === 0 && (c.features ?? []).length === 0)).toBe(true);
          withEvidence += full.filter((c) => c.evidence.length > 1 || (c.features ?? []).length > 0).length;
        }
      }
    }
    // The full pass found where: several spans for some codings, features for the model's.
    expect(withEvidence).toBeGreaterThan(50);
  });

  it('one scoring model serves two compiles of a codebook (their token numbers differ) alike', async () => {
    const book = await readCodebook('codebooks/exit-barriers.yaml');
    const stem = await loadStemmer(book.language);
    const [a, b] = await Promise.all([compileCodebook(book), compileCodebook(book)]);
    expect(a).not.toBe(b);
    const shared = scoringModel(learned(), stem);
    const ts = transcripts('eval/dev6');
    // The second compile meets the corpus's words in another order, so its token ids differ.
    const reversed = [...ts].reverse();
    for (const t of reversed) codeTranscript(b, t, pass);
    for (const t of ts) {
      const segments = eligibleSegments(t, pass.unit, pass.speakers);
      const viaA = codeAndMerge(a, t, pass, segments, { scoring: shared, policy: 'vote' });
      const viaB = codeAndMerge(b, t, pass, segments, { scoring: shared, policy: 'vote' });
      const fresh = codeAndMerge(a, t, pass, segments, { scoring: scoringModel(learned(), stem), policy: 'vote' });
      expect(viaA).toEqual(fresh);
      expect(viaB).toEqual(fresh);
    }
  });

  it('keeps a rules coding of a code the model does not know, except under policy model', async () => {
    const cb = await compileCodebook(await readCodebook('codebooks/exit-barriers.yaml'));
    const partial = learned();
    const t = transcripts('fixtures/survivors').find((x) => x.id === 'P03')!;
    const byRules = codeTranscript(cb, t, pass).codings.map((c) => c.code);
    const dropped = byRules.find((code) => code in partial.codes)!;
    delete partial.codes[dropped];
    const segments = eligibleSegments(t, pass.unit, pass.speakers);
    const codesUnder = (policy: 'vote' | 'model'): string[] =>
      codeAndMerge(cb, t, pass, segments, { scoring: scoringModel(partial, cb.stem), policy }).codings.map((c) => c.code);
    expect(codesUnder('vote')).toContain(dropped);
    expect(codesUnder('model')).not.toContain(dropped);
  });
});
