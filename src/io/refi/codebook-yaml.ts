// An imported codebook written as YAML a person edits: keys in reading order, long
// text kept on one logical line, comments (origin, sets) at the top.

import { stringify } from 'yaml';
import type { CodebookDoc } from '../../core/refi/codebook.js';

export function codebookYaml(doc: CodebookDoc, comments: string[]): string {
  const head = comments.map((c) => `# ${c}`.trimEnd()).join('\n');
  // Settings first, codes last, whatever order they were set in.
  const { codes, ...settings } = doc;
  const body = stringify({ ...settings, codes }, { lineWidth: 0, indent: 2, indentSeq: true });
  return head ? `${head}\n${body}` : body;
}
