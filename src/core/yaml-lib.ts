// The YAML library, loaded when first used: it is 73 files and about 45 ms of start-up,
// which a run whose transcripts have plain front matter (or none) and whose study has no
// qcode.yaml never needs. The codebook reader imports it directly: it is itself loaded
// only when a codebook has to be parsed.

import type { Document, LineCounter, ParseOptions, DocumentOptions, SchemaOptions, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { whenUsed } from './when-used.js';

const yaml = whenUsed<typeof import('yaml')>('yaml');

export function parseDocument(text: string, options?: ParseOptions & DocumentOptions & SchemaOptions): Document.Parsed {
  return yaml().parseDocument(text, options);
}

export function newLineCounter(): LineCounter {
  return new (yaml().LineCounter)();
}

export function isMap(node: unknown): node is YAMLMap {
  return yaml().isMap(node);
}

export function isSeq(node: unknown): node is YAMLSeq {
  return yaml().isSeq(node);
}

export function isScalar(node: unknown): node is Scalar {
  return yaml().isScalar(node);
}
