// Otter.ai text export: `Name  0:09` above the words, "Transcribed by https://otter.ai" at the end.

import type { Transcript } from '../../types.js';
import { parseNameTime } from './nametime.js';
import type { LayoutOptions } from './source.js';

/** Otter's sign-off line, never anybody's words. */
export const OTTER_FOOTER = /^Transcribed by\s+(?:https?:\/\/)?(?:www\.)?otter\.ai\b/i;

export function parseOtter(raw: string, opts: LayoutOptions): Transcript {
  return parseNameTime(raw, opts, {
    layout: 'otter',
    beforeFirst: 'preamble',
    furniture: (line) => (OTTER_FOOTER.test(line) ? 'footer' : undefined),
  });
}
