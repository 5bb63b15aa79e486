// Otter.ai and Microsoft Teams write each turn as `Name  0:09` on its own line with
// the words below; they differ in their furniture (an Otter footer, a Teams header).

import type { Layout, Transcript, UnreadKind } from '../../types.js';
import { nameTime } from './clock.js';
import { openSource, parseLines, type LayoutOptions, type LineReading, type SourceLine } from './source.js';

export interface NameTimeFurniture {
  layout: Layout;
  beforeFirst: UnreadKind;
  /** The kind of unread line this is (a footer, a header), or undefined for an ordinary line. */
  furniture: (line: string) => UnreadKind | undefined;
}

export function parseNameTime(raw: string, opts: LayoutOptions, f: NameTimeFurniture): Transcript {
  const src = openSource(raw, opts);
  const read = (line: SourceLine): LineReading => {
    const as = f.furniture(line.text);
    if (as) return { kind: 'unread', as };
    const head = nameTime(line.text);
    return head ? { kind: 'turn', speaker: head.name, start: head.start } : { kind: 'words' };
  };
  return parseLines(src, { layout: f.layout, beforeFirst: f.beforeFirst, read }, opts);
}
