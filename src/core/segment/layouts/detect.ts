// Which tool wrote a text transcript, from its content alone. Each rule looks for what
// only that tool writes; anything else is qcode's own `LABEL: text` format.

import type { Layout } from '../../types.js';
import { frontMatterBlock } from '../frontmatter.js';
import { matchLabel } from '../labels.js';
import { normaliseText } from '../normalise.js';
import { bareTime, nameTime, revLabel } from './clock.js';
import { MEET_ENDED, MEET_TRANSCRIPT } from './meet.js';
import { OTTER_FOOTER } from './otter.js';
import { TEAMS_CUE, TEAMS_STARTED } from './teams.js';

/** The layouts a text (or a Word file's extracted text) can have. */
export type TextLayout = Extract<Layout, 'plain' | 'timecode' | 'otter' | 'teams' | 'rev' | 'meet' | 'nvivo'>;
export const TEXT_LAYOUTS: readonly TextLayout[] = ['plain', 'timecode', 'otter', 'teams', 'rev', 'meet', 'nvivo'];

/** The meeting length Teams writes in its header (`32m 14s`, `1h 5m 2s`). */
const TEAMS_DURATION = /^(?:\d+h )?\d+m(?: \d+s)?$/;

/** NVivo's transcript table starts with a tab-separated header naming Timespan and Content. */
export function isNvivoHeader(line: string): boolean {
  const cells = line.split('\t').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  return cells.length >= 2 && cells.includes('timespan') && cells.includes('content');
}

/** `Name  0:09` lines, each followed (after blanks) by a line that is not another such line. */
function nameTimeHeads(lines: string[]): number {
  let n = 0;
  let open = false;
  for (const l of lines) {
    if (l === '') continue;
    const head = nameTime(l) !== undefined;
    if (open && !head) n++;
    open = head;
  }
  return n;
}

function count(lines: string[], test: (l: string) => boolean): number {
  let n = 0;
  for (const l of lines) if (test(l)) n++;
  return n;
}

/** The text after any front matter; broken front matter is reported by the parser, not here. */
function bodyOf(raw: string): string {
  const text = normaliseText(raw);
  const block = frontMatterBlock(text);
  return block === null || block === 'unclosed' ? text : block.body;
}

export function detectLayout(raw: string): TextLayout {
  const body = bodyOf(raw);
  const lines = body.split('\n').map((l) => l.trim());
  const first = lines.find((l) => l !== '') ?? '';
  if (isNvivoHeader(first)) return 'nvivo';

  const meetEnd = lines.some((l) => MEET_ENDED.test(l));
  const meetHead = lines.some((l) => /^attendees$/i.test(l)) && lines.some((l) => MEET_TRANSCRIPT.test(l));
  if (meetEnd || meetHead) return 'meet';

  const heads = nameTimeHeads(lines);
  if (heads >= 1 && lines.some((l) => TEAMS_STARTED.test(l) || TEAMS_DURATION.test(l))) return 'teams';
  if (count(lines, (l) => TEAMS_CUE.test(l)) >= 1) return 'teams';
  if (heads >= 1 && lines.some((l) => OTTER_FOOTER.test(l))) return 'otter';
  if (heads >= 2) return 'otter';

  let labelOnly = 0;
  let labelled = 0;
  for (const l of lines) {
    const m = matchLabel(l);
    if (m && m.textStart === l.length) labelOnly++;
    else if (m) labelled++;
  }
  const rev = count(lines, (l) => revLabel(l) !== undefined);
  if (rev >= 1 && rev >= labelled) return 'rev';

  const times = count(lines, (l) => bareTime(l) !== undefined);
  if (times >= 2 || (labelOnly >= 2 && labelOnly > labelled)) return 'timecode';
  return 'plain';
}
