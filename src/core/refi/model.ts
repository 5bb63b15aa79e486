// REFI-QDA (the QDA-XML exchange standard of NVivo, ATLAS.ti, MAXQDA, QualCoder and
// Taguette) as plain values: what a .qdc codebook or a .qdpx project holds that qcode
// reads or writes. Offsets here are as the file gives them; converting them is
// core/refi/offsets.ts's job.

export interface RefiCode {
  guid: string;
  name: string;
  isCodable: boolean;
  color?: string;
  description?: string;
  children: RefiCode[];
}

export interface RefiSet {
  guid: string;
  name: string;
  description?: string;
  /** GUIDs of the member codes. */
  codes: string[];
}

export interface RefiCodebook {
  origin?: string;
  /** The XML namespace the file declared (`urn:QDA-XML:codebook:1.0`), if any. */
  namespace?: string;
  codes: RefiCode[];
  sets: RefiSet[];
}

export interface RefiUser {
  guid: string;
  name?: string;
}

export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiVariable {
  guid: string;
  name: string;
  type: RefiVariableType;
  description?: string;
}

export interface RefiValue {
  variable: string;
  value: string | number | boolean;
  /** The element it came in (TextValue, IntegerValue…). */
  type: RefiVariableType;
}

export interface RefiCase {
  guid: string;
  name?: string;
  values: RefiValue[];
  /** GUIDs of the sources that belong to this case. */
  sources: string[];
}

export interface RefiCoding {
  guid: string;
  code: string;
  user?: string;
}

export interface RefiSelection {
  guid: string;
  start: number;
  end: number;
  user?: string;
  codings: RefiCoding[];
}

export interface RefiTextSource {
  guid: string;
  name?: string;
  plainTextPath?: string;
  /** The text, when the project carries it inline. */
  content?: string;
  selections: RefiSelection[];
  values: RefiValue[];
}

export interface RefiProject {
  name: string;
  origin?: string;
  namespace?: string;
  users: RefiUser[];
  codebook: RefiCodebook;
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiTextSource[];
  /** Kinds of content qcode does not carry over (PDFSource, Notes, Graphs…), with counts. */
  skipped: Record<string, number>;
  description?: string;
}
