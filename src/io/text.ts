// Text transcripts (.txt, .md, a Word file's extracted text): the layout is recognised
// from the content (Otter, Teams, Rev, Google Meet, NVivo, timecodes, or qcode's own
// `LABEL: text`), unless the researcher names it with --from.

import { parseTextLayout, type TextLayout } from '../core/segment/layouts/index.js';
import type { Format, Transcript } from '../core/types.js';
import { NotATranscriptError } from './errors.js';
import { readTextFile } from './file.js';
import { idFromPath } from './names.js';

export interface TextReadOptions {
  source: string;
  format: Format;
  interviewers: readonly string[];
  layout?: TextLayout;
  /** Default: the file name without its extension (front matter `id:` wins over both). */
  id?: string;
}

/** Parse transcript text; an empty file is not a transcript (skipped in a folder, an error when named). */
export function parseTextTranscript(text: string, opts: TextReadOptions): Transcript {
  if (text.trim() === '') throw new NotATranscriptError('the file is empty', { file: opts.source });
  return parseTextLayout(text, { ...opts, id: opts.id ?? idFromPath(opts.source) });
}

/** A .txt or .md transcript. */
export async function readTextTranscript(path: string, format: 'txt' | 'md' | 'tsv', interviewers: readonly string[], layout?: TextLayout): Promise<Transcript> {
  return parseTextTranscript(await readTextFile(path), { source: path, format, interviewers, ...(layout ? { layout } : {}) });
}
