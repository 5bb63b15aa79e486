import { basename, extname } from 'node:path';
import { QcodeError } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import { LAYOUTS, type Format, type Layout } from '../core/types.js';

/** Extensions qcode reads as transcripts, and the format each one means. */
export const FORMATS: Readonly<Record<string, Format>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.vtt': 'vtt',
  '.srt': 'srt',
  '.docx': 'docx',
  '.json': 'json',
};

export function formatOf(path: string): Format | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

/** The default transcript id: the file name without its extension. */
export function idFromPath(path: string): string {
  return basename(path, extname(path));
}

/** What `--from` accepts: a kind of file, or the tool whose export it is. */
export const CONTAINERS: readonly Format[] = ['txt', 'md', 'csv', 'tsv', 'vtt', 'srt', 'docx', 'json'];
export const FROM_NAMES: readonly string[] = [...new Set<string>([...CONTAINERS, ...LAYOUTS])];

export type From = { format: Format } | { layout: Layout };

/** Read a `--from` value (case-insensitive), or explain which ones exist. */
export function parseFrom(name: string): From {
  const key = name.trim().toLowerCase();
  if ((CONTAINERS as readonly string[]).includes(key)) return { format: key as Format };
  if ((LAYOUTS as readonly string[]).includes(key)) return { layout: key as Layout };
  const guess = closest(key, [...FROM_NAMES]);
  const hint = guess ? `did you mean "${guess}"? ` : '';
  throw new QcodeError(`unknown --from "${name}": ${hint}qcode reads ${FROM_NAMES.join(', ')}`);
}
