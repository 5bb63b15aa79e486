import { QcodeError } from '../core/errors.js';
import type { Place } from '../core/types.js';

/**
 * A .csv or .json that holds no transcript (no speaker/text columns or keys). A folder
 * walk skips such files with a warning; named explicitly, it is an error.
 */
export class NotATranscriptError extends QcodeError {
  constructor(message: string, place: Place = {}) {
    super(message, place);
    this.name = 'NotATranscriptError';
  }
}
