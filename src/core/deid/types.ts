// What `deid` looks for and what it reports. Detectors work on one string and give
// UTF-16 indices into it; the study layer turns them into document offsets.

/** The kinds of identifying text, each with the placeholder `redact` writes for it. */
export type IdentifierKind = 'name' | 'place' | 'address' | 'zip' | 'phone' | 'email' | 'url' | 'handle' | 'ssn' | 'date' | 'id';

export const IDENTIFIER_KINDS: readonly IdentifierKind[] = ['name', 'place', 'address', 'zip', 'phone', 'email', 'url', 'handle', 'ssn', 'date', 'id'];

/**
 * Keys of a transcript's front matter that hold the study's own bookkeeping (its id, the
 * speaker labels, when and where the interview was), not anybody's details: deid does not
 * report their values, and redact leaves them as written (but for speaker labels it
 * replaces with pseudonyms).
 */
export const BOOKKEEPING_KEYS = /^(?:id|speakers|date|interview_date|interviewed|recorded|duration|language|interviewer|coder|wave|round|group|cohort|condition|site|notes?)$/i;

export const PLACEHOLDERS: Record<IdentifierKind, string> = {
  name: '[NAME]',
  place: '[PLACE]',
  address: '[ADDRESS]',
  zip: '[ZIP]',
  phone: '[PHONE]',
  email: '[EMAIL]',
  url: '[URL]',
  handle: '[HANDLE]',
  ssn: '[SSN]',
  date: '[DATE]',
  id: '[ID]',
};

/** One stretch of text that may identify someone: [start, end) in UTF-16 units of the scanned string. */
export interface Detection {
  start: number;
  end: number;
  kind: IdentifierKind;
  /** 0–1: how sure the detector is (a pattern with a clear shape is near 1, a guess from capitals lower). */
  confidence: number;
  text: string;
}

export interface DetectOptions {
  /** Terms never reported (qcode.yaml `deid.allow`), matched whole-word, ignoring case. */
  allow?: readonly string[];
  /** Names known to the run (speaker labels that are names): found wherever they appear. */
  knownNames?: readonly string[];
}
