import type { Place, Warning } from './types.js';

/**
 * A mistake in what the researcher gave us (a file, a codebook, an option).
 * The CLI prints it as `qcode: error: FILE:LINE:COL: message` and exits 2;
 * it is never shown with a stack trace.
 */
export class QcodeError extends Error {
  readonly place: Place;
  /** Further mistakes found in the same pass, so a researcher can fix them all at once. */
  readonly more: QcodeError[];

  constructor(message: string, place: Place = {}, more: QcodeError[] = []) {
    super(message);
    this.name = 'QcodeError';
    this.place = place;
    this.more = more;
  }

  /** All mistakes, this one first. */
  all(): QcodeError[] {
    return [this, ...this.more];
  }
}

/** Raise the first of several collected mistakes, carrying the rest along. */
export function throwAll(errors: QcodeError[]): void {
  const [first, ...rest] = errors;
  if (first) throw new QcodeError(first.message, first.place, rest);
}

/** `file:line:col: message`, leaving out whatever part of the place is unknown. */
export function formatPlace(place: Place): string {
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.line !== undefined) {
    parts.push(String(place.line));
    if (place.col !== undefined) parts.push(String(place.col));
  }
  return parts.join(':');
}

export function formatMessage(w: Warning | QcodeError): string {
  const place = w instanceof QcodeError ? w.place : w;
  const where = formatPlace(place);
  return where ? `${where}: ${w.message}` : w.message;
}
