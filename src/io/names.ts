import { basename, extname } from 'node:path';
import type { Format } from '../core/types.js';

/** Extensions qcode reads as transcripts, and the format each one means. */
export const FORMATS: Readonly<Record<string, Format>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.csv': 'csv',
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
