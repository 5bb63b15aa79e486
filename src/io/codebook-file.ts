import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compileWithHints, type CompiledCodebook, type CompileHints } from '../core/codebook/compile.js';
import type { CompiledData } from '../core/codebook/compiled-data.js';
import type { ScannerTables } from '../core/codebook/prefilter.js';
import { flattenCodes, type Codebook } from '../core/codebook/model.js';
import { QcodeError } from '../core/errors.js';
import { readTextFile } from './file.js';

export async function readCodebook(path: string): Promise<Codebook> {
  return (await parsed(await readCodebookText(path), path)).book;
}

/** A shipped codebook as the build saw it: parsed, and what compiling it worked out from its text alone. */
export interface Snapshot {
  book: Codebook;
  hints: CompileHints;
}

/**
 * The file name every place of a build-time parse carries, replaced by the codebook's
 * real path when the parse is read back.
 */
export const SNAPSHOT_SOURCE = '\u0000qcode-snapshot-source\u0000';

/**
 * The codebooks shipped with qcode are parsed, validated and planned when qcode is built
 * (scripts/snapshot-codebooks.mjs), into the build's `snapshots/` folder under the
 * sha256 of their text. Reading the starter codebook's YAML costs a third of a second
 * on every run, and analysing its regexes and stemming its words another; read back,
 * they cost milliseconds. Only a text identical to a shipped codebook finds one, and
 * the snapshots exist only in a build, so a source checkout (the tests) always parses.
 */
function snapshotOf(text: string, path: string): Snapshot | null {
  return storedSnapshot(createHash('sha256').update(text).digest('hex'), path);
}

/**
 * The build's snapshot of the codebook whose text has sha256 `sha`, its places naming
 * `path`, with its compile (a run of that very codebook can use it); null if none.
 */
function storedSnapshot(sha: string, path: string): Snapshot | null {
  const book = storedJson<Codebook>(sha, 'json', path);
  const hints = book && storedHints(sha, true);
  return book && hints ? { book, hints } : null;
}

/**
 * What the build worked out for the codebook `sha` (see CompileHints), from the files it
 * keeps beside the parsed codebook: the hints, the pre-filter's tables and, if asked for,
 * the compile. Each is a file of its own, so an edited codebook that borrows a shipped
 * one's hints reads neither that codebook nor its compile. Null if there are none.
 */
function storedHints(sha: string, withCompile: boolean): CompileHints | null {
  const stored = storedJson<StoredHints>(sha, 'hints.json');
  if (!stored) return null;
  const { scanner, ...hints } = stored;
  const tables = scanner ? storedTables(scanner, new URL(`../snapshots/${sha}.tables`, import.meta.url)) : null;
  const compiled = withCompile ? storedJson<CompiledData>(sha, 'compiled.json') : null;
  return { ...hints, ...(tables ? { scanner: tables } : {}), ...(compiled ? { compiled } : {}) };
}

/**
 * A snapshot file of the codebook `sha` (`<sha>.<ending>`), its places naming `path`;
 * null when there is none or it cannot be read (what it holds is then worked out again).
 */
function storedJson<T>(sha: string, ending: string, path = SNAPSHOT_SOURCE): T | null {
  let json: string;
  try {
    json = readFileSync(new URL(`../snapshots/${sha}.${ending}`, import.meta.url), 'utf8');
  } catch {
    return null;
  }
  const escaped = (s: string): string => JSON.stringify(s).slice(1, -1);
  return JSON.parse(path === SNAPSHOT_SOURCE ? json : json.replaceAll(escaped(SNAPSHOT_SOURCE), escaped(path))) as T;
}

/**
 * A snapshot as the build writes it: the parsed codebook, the hints and the compile as
 * JSON, and the pre-filter's arrays (millions of numbers: as JSON they took longer to
 * read back than building them again) as raw bytes.
 */
export function snapshotFiles(snapshot: Snapshot): { book: string; hints: string; compiled: string | null; tables: Uint8Array | null } {
  const { scanner, compiled, ...hints } = snapshot.hints;
  const files = { book: asciiJson(snapshot.book), compiled: compiled ? asciiJson(compiled) : null };
  if (!scanner) return { ...files, hints: asciiJson(hints), tables: null };
  const arrays = TABLE_ARRAYS.map((name) => [name, scanner[name]] as const);
  const layout: StoredTables['layout'] = [];
  let offset = 0;
  for (const [name, a] of arrays) {
    layout.push([name, a instanceof Uint16Array ? 'Uint16Array' : 'Int32Array', offset, a.length]);
    offset += Math.ceil(a.byteLength / 4) * 4;
  }
  const tables = new Uint8Array(offset);
  arrays.forEach(([, a], i) => tables.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), layout[i]![2]));
  const stored: StoredHints = { ...hints, scanner: { key: scanner.key, width: scanner.width, layout } };
  return { ...files, hints: asciiJson(stored), tables };
}

/**
 * JSON with every character past ASCII escaped (\u2019): read back, an ASCII file decodes
 * to V8's one-byte strings, which it reads and parses faster (the starter codebook's
 * snapshot holds tens of thousands of ’, — and word-edge marks: 20 ms of each start-up).
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const TABLE_ARRAYS = ['column', 'table', 'outStart', 'outList', 'groupPattern', 'need'] as const;
type TableArray = (typeof TABLE_ARRAYS)[number];
interface StoredTables {
  key: string;
  width: number;
  /** Each array's name, type, byte offset in the tables file, and length. */
  layout: Array<[TableArray, 'Int32Array' | 'Uint16Array', number, number]>;
}
type StoredHints = Omit<CompileHints, 'scanner' | 'compiled'> & { scanner?: StoredTables };

/** The tables a snapshot's second file holds; null when it cannot be read (the scanner is then built). */
function storedTables(stored: StoredTables, file: URL): ScannerTables | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  // Typed arrays need aligned offsets: a Buffer read whole usually starts its own memory,
  // and one that does not is copied.
  const [buffer, base] = bytes.byteOffset % 4 === 0 ? [bytes.buffer, bytes.byteOffset] : [new Uint8Array(bytes).buffer, 0];
  const arrays = new Map(stored.layout.map(([name, kind, offset, length]) => [
    name, kind === 'Uint16Array' ? new Uint16Array(buffer, base + offset, length) : new Int32Array(buffer, base + offset, length),
  ]));
  const ints = (name: TableArray): Int32Array => arrays.get(name) as Int32Array;
  return {
    key: stored.key, width: stored.width, column: ints('column'), table: arrays.get('table')!, outStart: ints('outStart'),
    outList: ints('outList'), groupPattern: ints('groupPattern'), need: ints('need'),
  };
}

/**
 * A codebook's text as a validated codebook; the YAML reader is loaded only when needed.
 * A text no snapshot holds (most often a shipped codebook a team has edited) may still
 * share regexes and words with a shipped one: what the build worked out for those is used
 * again (see shippedIndex).
 */
async function parsed(text: string, path: string): Promise<Pick<Snapshot, 'book'> & Partial<Snapshot>> {
  const snapshot = snapshotOf(text, path);
  if (snapshot) return snapshot;
  const { parseCodebook } = await import('../core/codebook/parse.js');
  const index = shippedIndex();
  const book = parseCodebook(text, path, new Set(index.flatMap((e) => e.sources)));
  const hints = hintsFor(book, index);
  return hints ? { book, hints } : { book };
}

/**
 * What the build wrote of each shipped codebook beside its snapshot, for other texts: its
 * sha256, its language and the regex sources it validated and planned (see
 * scripts/snapshot-codebooks.mjs). Small, so a codebook that shares nothing with a
 * shipped one pays almost nothing to find that out. Read once per process; none in a
 * source checkout.
 */
export interface ShippedEntry {
  sha: string;
  language: string;
  sources: string[];
}
export const SHIPPED_INDEX = 'index.json';
let indexCache: ShippedEntry[] | undefined;
function shippedIndex(): ShippedEntry[] {
  if (!indexCache) {
    try {
      indexCache = JSON.parse(readFileSync(new URL(`../snapshots/${SHIPPED_INDEX}`, import.meta.url), 'utf8')) as ShippedEntry[];
    } catch {
      // Hints only save time: without an index (a source checkout) there are none.
      indexCache = [];
    }
  }
  return indexCache;
}

/**
 * The shipped codebook sharing most of `book`'s regexes, if any does: each of its regexes'
 * plans (a function of the source alone), its words' stems (when the language is the
 * same) and the pre-filter's tables (used only for the very literals they were built
 * from), read from its snapshot. Undefined when none shares a regex, or the snapshot
 * cannot be read back.
 */
function hintsFor(book: Codebook, index: readonly ShippedEntry[]): CompileHints | undefined {
  const sources = new Set(regexSources(book));
  const shared = (e: ShippedEntry): number => e.sources.filter((s) => sources.has(s)).length;
  let closest: ShippedEntry | undefined;
  for (const e of index) if (shared(e) > (closest ? shared(closest) : 0)) closest = e;
  if (!closest) return undefined;
  let hints: CompileHints | null;
  try {
    hints = storedHints(closest.sha, false);
  } catch {
    return undefined;
  }
  if (!hints) return undefined;
  return closest.language === book.language ? hints : { ...hints, wordStems: [] };
}

function regexSources(book: Codebook): string[] {
  return flattenCodes(book.codes).flatMap((c) => c.rules.flatMap((r) => (r.regex ?? []).map((p) => p.source)));
}

async function readCodebookText(path: string): Promise<string> {
  if (!/\.(ya?ml|json)$/i.test(path)) {
    throw new QcodeError('a codebook must be a .yaml, .yml or .json file', { file: path });
  }
  return readTextFile(path);
}

/**
 * Codebooks compiled in this process, by path and text. Parsing and compiling the
 * starter codebook costs half a second; a script or a test that runs several analyses
 * of one study pays it once. The text is part of the key, so an edited file is read
 * afresh; nothing downstream changes a compiled codebook, so sharing one is safe.
 */
const compiled = new Map<string, Promise<CompiledCodebook>>();
const KEEP = 8;

export async function loadCodebook(path: string): Promise<CompiledCodebook> {
  const text = await readCodebookText(path);
  const key = `${path}\0${text}`;
  let book = compiled.get(key);
  if (!book) {
    book = compile(text, path);
    compiled.set(key, book);
    // A failed compile is an error for this call only: the next one tries again.
    book.catch(() => compiled.delete(key));
    if (compiled.size > KEEP) compiled.delete(compiled.keys().next().value!);
  }
  return book;
}

async function compile(text: string, path: string): Promise<CompiledCodebook> {
  const { book, hints } = await parsed(text, path);
  return compileWithHints(book, hints);
}
