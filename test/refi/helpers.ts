import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

const schema = (name: string): string => readFileSync(new URL(`../fixtures/refi/schema/${name}`, import.meta.url), 'utf8');

/** Validation errors of `xml` against the official REFI-QDA schema (empty when valid). */
export async function xsdErrors(xml: string, kind: 'Codebook' | 'Project'): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'doc.xml', contents: xml }], schema: [{ fileName: `${kind}.xsd`, contents: schema(`${kind}.xsd`) }] });
  return result.errors.map((e) => e.message);
}

export const fixture = (name: string): string => new URL(`../fixtures/refi/${name}`, import.meta.url).pathname;
