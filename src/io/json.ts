// JSON transcripts: `{ id, attributes, turns: [{ speaker, text, start? }] }`,
// or an array of them.

import type { ParseError } from 'jsonc-parser';
import { QcodeError } from '../core/errors.js';
import { whenUsed } from '../core/when-used.js';
import { toAttributeValue } from '../core/segment/frontmatter.js';
import { transcriptFromTurns, type TurnInput } from '../core/segment/fromturns.js';
import type { Attributes, Place, Transcript } from '../core/types.js';
import { NotATranscriptError } from './errors.js';
import { readTextFile } from './file.js';
import { idFromPath } from './names.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Line and column of a UTF-16 index, for JSON syntax errors. */
function placeOf(text: string, index: number, file: string): Place {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { file, line, col: index - before.lastIndexOf('\n') };
}

/** jsonc-parser, loaded only for a file that is not valid JSON (25 ms of start-up otherwise). */
const jsonc = whenUsed<typeof import('jsonc-parser')>('jsonc-parser');

/**
 * JSON.parse decides what is valid; on Node 20 its message often lacks the place, so
 * jsonc-parser (strict mode: no comments, no trailing commas) finds where it breaks.
 */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const errors: ParseError[] = [];
    const { parse: parseJsonc, printParseErrorCode } = jsonc();
    parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    const first = errors[0];
    if (!first) throw new QcodeError(`not valid JSON: ${(e as Error).message}`, { file });
    const at = first.offset;
    const found = at >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text.slice(at, at + 1))}`;
    throw new QcodeError(`not valid JSON: ${found} (${words(printParseErrorCode(first.error))})`, placeOf(text, at, file));
  }
}

/** `CloseBraceExpected` → `close brace expected`. */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function toTranscript(obj: Record<string, unknown>, where: string, defaultId: string | undefined, source: string, interviewers: readonly string[]): Transcript {
  const place = { file: source };
  const id = obj.id === undefined ? defaultId : scalarText(obj.id)?.trim();
  if (id === undefined || id === '') throw new QcodeError(`${where} has no "id" (text)`, place);
  const attributes: Attributes = {};
  if (obj.attributes !== undefined && obj.attributes !== null) {
    if (!isObject(obj.attributes)) throw new QcodeError(`${where}: "attributes" must be an object of name: value`, place);
    for (const [k, v] of Object.entries(obj.attributes)) {
      const value = toAttributeValue(v);
      if (value === undefined) throw new QcodeError(`${where}: attribute "${k}" must be text, a number, true/false or null`, place);
      attributes[k] = value;
    }
  }
  const turns = (obj.turns as unknown[]).map((t, i): TurnInput => {
    const what = `${where}, turn ${i + 1}`;
    if (!isObject(t)) throw new QcodeError(`${what} must be an object with "speaker" and "text"`, place);
    const speaker = scalarText(t.speaker)?.trim();
    if (!speaker) throw new QcodeError(`${what} has no "speaker"`, place);
    if (t.text !== undefined && t.text !== null && typeof t.text !== 'string') throw new QcodeError(`${what}: "text" must be text`, place);
    if (t.text === undefined) refuseUnnamedWords(t, what, place);
    const turn: TurnInput = { speaker, text: (t.text as string | null | undefined) ?? '' };
    if (t.start !== undefined && t.start !== null) {
      const start = scalarText(t.start);
      if (start === undefined) throw new QcodeError(`${what}: "start" must be a time like "00:01:02" or a number of seconds`, place);
      turn.start = start;
    }
    return turn;
  });
  return transcriptFromTurns(id, attributes, turns, { source, format: 'json', layout: 'json', interviewers });
}

/** What a turn may carry besides its words. */
const TURN_KEYS = new Set(['speaker', 'text', 'start', 'end', 'time', 'id', 'index']);

/**
 * A turn without "text" whose other fields hold text ("txt", "words", "utterance") has
 * its words under another name: read as an empty turn, they would be lost without a word.
 */
function refuseUnnamedWords(turn: Record<string, unknown>, what: string, place: Place): void {
  const other = Object.keys(turn).find((k) => !TURN_KEYS.has(k) && typeof turn[k] === 'string' && (turn[k] as string).trim() !== '');
  if (other !== undefined) {
    throw new QcodeError(`${what} has no "text" but has "${other}": if those are the words, name the field "text"`, place);
  }
}

export function parseJsonTranscripts(text: string, source: string, interviewers: readonly string[]): Transcript[] {
  const data = parseJson(text, source);
  const items = Array.isArray(data) ? data : [data];
  const hasTurns = (v: unknown): v is Record<string, unknown> => isObject(v) && Array.isArray(v.turns);
  if (items.length === 0 || !items.every(hasTurns)) {
    if (items.some(hasTurns)) {
      const bad = items.findIndex((v) => !hasTurns(v));
      throw new QcodeError(`transcript ${bad + 1} in the array has no "turns" list`, { file: source });
    }
    throw new NotATranscriptError('not a transcript: no "turns" list of { "speaker", "text" }', { file: source });
  }
  const single = !Array.isArray(data);
  const seen = new Set<string>();
  return items.map((obj, i) => {
    const t = toTranscript(obj, single ? 'the transcript' : `transcript ${i + 1} in the array`, single ? idFromPath(source) : undefined, source, interviewers);
    if (seen.has(t.id)) throw new QcodeError(`transcript id "${t.id}" appears twice in this file`, { file: source });
    seen.add(t.id);
    return t;
  });
}

export async function readJsonTranscripts(path: string, interviewers: readonly string[]): Promise<Transcript[]> {
  return parseJsonTranscripts(await readTextFile(path), path, interviewers);
}
