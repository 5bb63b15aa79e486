// A REFI-QDA code has one free-text <Description>. qcode's code has a definition,
// include/exclude criteria, examples, counterexamples, a memo, match rules and an id.
// Export folds them into the description as labelled paragraphs a person can read in
// NVivo or ATLAS.ti; import unfolds them again. A description written by another tool
// (no labels) is read whole as the definition.

export interface FoldedCode {
  definition?: string;
  include?: string;
  exclude?: string;
  examples: string[];
  counterexamples: string[];
  memo?: string;
  /** qcode-only data (id, match rules, not_prompt, examples' questions) as one JSON line, so a round trip keeps it. */
  qcode?: QcodeExtra;
}

export interface QcodeExtra {
  id?: string;
  match?: unknown[];
  /** The code's `not_prompt` terms, as written. */
  not_prompt?: string[];
  /** The question each example (or counterexample) was asked after, null for none. */
  questions?: { examples?: Array<string | null>; counterexamples?: Array<string | null> };
}

const TEXT_SECTIONS = [['include', 'Include:'], ['exclude', 'Exclude:'], ['memo', 'Memo:']] as const;
const LIST_SECTIONS = [['examples', 'Examples:'], ['counterexamples', 'Counterexamples:']] as const;
const QCODE = 'qcode:';
const MARKERS: string[] = [...TEXT_SECTIONS.map(([, m]) => m as string), ...LIST_SECTIONS.map(([, m]) => m as string), QCODE];

/** The description text, or undefined when there is nothing to say. */
export function foldDescription(c: FoldedCode): string | undefined {
  const blocks: string[] = [];
  if (c.definition?.trim()) blocks.push(c.definition.trim());
  for (const [key, marker] of TEXT_SECTIONS.slice(0, 2)) {
    const v = c[key]?.trim();
    if (v) blocks.push(`${marker} ${v}`);
  }
  for (const [key, marker] of LIST_SECTIONS) {
    if (c[key].length > 0) blocks.push([marker, ...c[key].map((e) => `- ${oneLine(e)}`)].join('\n'));
  }
  if (c.memo?.trim()) blocks.push(`Memo: ${c.memo.trim()}`);
  if (c.qcode && Object.values(c.qcode).some((v) => v !== undefined)) blocks.push(`${QCODE} ${JSON.stringify(c.qcode)}`);
  return blocks.length > 0 ? blocks.join('\n\n') : undefined;
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();

/** Splits a description back into its parts; unlabelled text is the definition. */
export function unfoldDescription(text: string | undefined): FoldedCode {
  const out: FoldedCode = { examples: [], counterexamples: [] };
  if (!text?.trim()) return out;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const sections: { marker: string | null; lines: string[] }[] = [{ marker: null, lines: [] }];
  lines.forEach((line, i) => {
    const marker = MARKERS.find((m) => line.startsWith(m));
    const afterBlank = i === 0 || lines[i - 1]!.trim() === '';
    if (marker && afterBlank) sections.push({ marker, lines: [line.slice(marker.length)] });
    else sections[sections.length - 1]!.lines.push(line);
  });
  for (const s of sections) {
    const body = s.lines.join('\n').trim();
    if (s.marker === null) {
      if (body) out.definition = body;
    } else if (s.marker === QCODE) {
      readExtra(body, out);
    } else {
      const list = LIST_SECTIONS.find(([, m]) => m === s.marker);
      if (list) out[list[0]].push(...listItems(body));
      else out[TEXT_SECTIONS.find(([, m]) => m === s.marker)![0]] = body;
    }
  }
  return out;
}

function listItems(body: string): string[] {
  return body.split('\n').map((l) => l.trim()).filter((l) => l !== '').map((l) => l.replace(/^[-•*]\s*/, ''));
}

/** The questions examples answer: lists of text or null, anything else ignored. */
function readQuestions(v: unknown): QcodeExtra['questions'] | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const list = (x: unknown): Array<string | null> | undefined =>
    Array.isArray(x) ? x.map((q) => (typeof q === 'string' ? q : null)) : undefined;
  const o = v as Record<string, unknown>;
  const out: NonNullable<QcodeExtra['questions']> = {};
  const examples = list(o.examples);
  const counterexamples = list(o.counterexamples);
  if (examples) out.examples = examples;
  if (counterexamples) out.counterexamples = counterexamples;
  return examples || counterexamples ? out : undefined;
}

/** A `qcode:` line that is not ours (hand-edited, broken JSON) stays readable text in the memo. */
function readExtra(body: string, out: FoldedCode): void {
  try {
    const v = JSON.parse(body) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const extra: QcodeExtra = {};
      if (typeof o.id === 'string') extra.id = o.id;
      if (Array.isArray(o.match)) extra.match = o.match;
      if (Array.isArray(o.not_prompt) && o.not_prompt.every((t) => typeof t === 'string')) extra.not_prompt = o.not_prompt as string[];
      const questions = readQuestions(o.questions);
      if (questions) extra.questions = questions;
      out.qcode = extra;
      return;
    }
  } catch {
    // fall through: kept as text
  }
  out.memo = [out.memo, `${QCODE} ${body}`].filter(Boolean).join('\n\n');
}
