// An imported codebook written as YAML a person edits: keys in reading order, long
// text kept on one logical line, comments (origin, sets) at the top.

import { stringify } from 'yaml';
import type { CodebookDoc } from '../../core/refi/codebook.js';

export function codebookYaml(doc: CodebookDoc, comments: string[]): string {
  const head = comments.map((c) => `# ${c}`.trimEnd()).join('\n');
  const body = stringify(doc, { lineWidth: 0, indent: 2, indentSeq: true });
  return head ? `${head}\n${body}` : body;
}
