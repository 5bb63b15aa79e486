// Inter-coder reliability (`qcode agree`): the public surface of the core.
export { computeAgreement } from './agree.js';
export { autoScores } from './auto.js';
export { landisKoch } from './bands.js';
export { bootstrapAlpha, mulberry32, quantileSorted, DEFAULT_REPLICATES, DEFAULT_SEED, type AlphaInterval } from './bootstrap.js';
export { compareSegmentIds, parseSegmentId, categoryTable, presenceTables, reviewedSets, codeTree } from './data.js';
export { disagreementsOf } from './disagreements.js';
export {
  coefficients,
  cohenKappaOf,
  scottPiOf,
  percentAgreementOf,
  fleissKappa,
  krippendorffAlpha,
  gwetAC1,
  jointValues,
  type Ratings,
  type Stat,
  type Value,
} from './stats.js';
export * from './types.js';
