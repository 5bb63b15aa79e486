export { detectIdentifiers, nameWords } from './detect.js';
export { isGenericLabel, labelKind } from './labels.js';
export { maskText, replaceDetections } from './mask.js';
export { BOOKKEEPING_KEYS, IDENTIFIER_KINDS, PLACEHOLDERS, type Detection, type DetectOptions, type IdentifierKind } from './types.js';
