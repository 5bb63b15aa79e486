// The hand-coded sets, as the scripts that learn from them or measure against them read
// them (learn-model.mjs, kappa.mjs, the trials under eval/trials/): one list, one idea of
// which files in a set's folder are transcripts, and one reading of a set's interviewers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** The study and every eval/dev* set, in name order — never the holdout. */
export function tuningSets() {
  return [
    { name: 'study', gold: 'fixtures/codings/survivors-gold.csv', folder: 'fixtures/survivors' },
    ...readdirSync('eval').filter((d) => d.startsWith('dev')).sort().map((d) => ({ name: d, gold: `eval/${d}/gold-codings.csv`, folder: `eval/${d}` })),
  ];
}

/** The set that is measured only when a change is finished, and never learned from. */
export const HOLDOUT = { name: 'holdout', gold: 'eval/holdout/gold-codings.csv', folder: 'eval/holdout' };

/** A set's transcripts: its files in a transcript format, not its README, notes, gold or case sheet. */
export function transcriptsOf(folder) {
  return readdirSync(folder)
    .filter((f) => /\.(txt|md|csv|vtt|srt|docx|json)$/.test(f) && !/^(README|CODING-NOTES)\.md$|gold-codings\.csv$|^cases\.csv$/.test(f))
    .map((f) => join(folder, f));
}

/**
 * What `runLearn` is given to learn a model from `sets` (each with its `gold` and
 * `folder`): their gold codings and transcripts, no folds (nothing cross-validated). Every
 * script that learns a model learns it so, and the shipped one is learned so from all of them.
 */
export function learnedFrom(codebook, sets) {
  return { codebook, folds: 0, codings: sets.map((s) => s.gold), inputs: sets.flatMap((s) => transcriptsOf(s.folder)) };
}

/** A set's own interviewer labels, when its qcode.yaml names them (e.g. an interpreter who is not one). */
export function interviewersOf(folder) {
  const file = join(folder, 'qcode.yaml');
  if (!existsSync(file)) return {};
  const { interviewers } = parseYaml(readFileSync(file, 'utf8')) ?? {};
  return interviewers ? { interviewers } : {};
}
