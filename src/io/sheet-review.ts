// The file `qcode review` writes and resumes from: a codings CSV (every report reads
// it) with two more columns, what was decided and on which suggestion.

import { existsSync } from 'node:fs';
import Papa from '../vendor/papaparse.js';
import { QcodeError } from '../core/errors.js';
import type { Decision, DecisionKind } from '../core/sheet/review.js';
import { readTextFile } from './file.js';

const KINDS: readonly DecisionKind[] = ['accept', 'reject', 'add'];

/** The decisions saved in `path` (none when it does not exist yet). */
export async function readReviewFile(path: string, coder: string): Promise<Decision[]> {
  if (!existsSync(path)) return [];
  const text = await readTextFile(path);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('decision') || !fields.includes('suggestion') || !fields.includes('segment')) {
    throw new QcodeError('this file exists and is not one qcode review wrote (it has no decision and suggestion columns): choose another --out, or move it away', { file: path });
  }
  const out: Decision[] = [];
  parsed.data.forEach((r, i) => {
    const place = { file: path, line: i + 2 };
    const kind = (r.decision ?? '').trim() as DecisionKind;
    if (!KINDS.includes(kind)) throw new QcodeError(`decision "${r.decision}" is not accept, reject or add`, place);
    const who = (r.coder ?? '').trim();
    if (who !== '' && who !== coder) throw new QcodeError(`this review is coder "${who}"'s, not "${coder}"'s: resume it with --coder ${who}, or write yours to another --out`, place);
    out.push({
      kind,
      transcript: (r.transcript ?? '').trim(),
      segment: (r.segment ?? '').trim(),
      speaker: (r.speaker ?? '').trim(),
      suggestion: (r.suggestion ?? '').trim(),
      code: (r.code ?? '').trim(),
    });
  });
  return out;
}
