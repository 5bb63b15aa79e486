// Rev (and services that copy it): `Speaker 1 (00:09):` on its own line or before the
// words. Notes such as `[inaudible 00:00:31]` stay in the text (shown in quotes; coding reads past them).

import type { Transcript } from '../../types.js';
import { revLabel } from './clock.js';
import { openSource, parseLines, type LayoutOptions, type LineReading, type SourceLine } from './source.js';

export function parseRev(raw: string, opts: LayoutOptions): Transcript {
  const read = (line: SourceLine): LineReading => {
    const label = revLabel(line.text);
    if (!label) return { kind: 'words' };
    return label.words === undefined
      ? { kind: 'turn', speaker: label.name, start: label.start }
      : { kind: 'turn', speaker: label.name, start: label.start, words: label.words };
  };
  return parseLines(openSource(raw, opts), { layout: 'rev', beforeFirst: 'preamble', read }, opts);
}
