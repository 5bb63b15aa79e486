// One entry for every text layout: detect it (unless the researcher named it) and read it.

import type { Transcript } from '../../types.js';
import { parsePlainText } from '../plaintext.js';
import { detectLayout, type TextLayout } from './detect.js';
import { parseMeet } from './meet.js';
import { parseNvivo } from './nvivo.js';
import { parseOtter } from './otter.js';
import { parseRev } from './rev.js';
import type { LayoutOptions } from './source.js';
import { parseTeams } from './teams.js';
import { parseTimecode } from './timecode.js';

export { detectLayout, TEXT_LAYOUTS, type TextLayout } from './detect.js';
export type { LayoutOptions } from './source.js';

const PARSERS: Record<Exclude<TextLayout, 'plain'>, (raw: string, opts: LayoutOptions) => Transcript> = {
  timecode: parseTimecode,
  otter: parseOtter,
  teams: parseTeams,
  rev: parseRev,
  meet: parseMeet,
  nvivo: parseNvivo,
};

/** Read a text transcript in the given layout, or the one its content shows. */
export function parseTextLayout(raw: string, opts: LayoutOptions & { layout?: TextLayout }): Transcript {
  const layout = opts.layout ?? detectLayout(raw);
  if (layout === 'plain') return parsePlainText(raw, { ...opts, layout: 'plain' });
  return PARSERS[layout](raw, opts);
}
