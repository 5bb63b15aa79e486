// Square-bracketed notes are the transcriber's, not the speaker's: [laughs], [inaudible],
// [speaks in Spanish], [crosstalk], a placeholder such as [CITY]. They stay in the text —
// quotes and reports show them — but coding reads past them, or "[speaks in Spanish]"
// would code a participant as an immigrant. They are blanked to spaces of the same
// length, so every offset into the text still points where it did.

/** One note: brackets on one line, nothing bracketed inside, at most 200 characters. */
const NOTE = /\[[^[\]\n]{0,200}\]/g;

/** `text` with each bracketed note replaced by as many spaces. */
export function blankNotes(text: string): string {
  return text.includes('[') ? text.replace(NOTE, (note) => ' '.repeat(note.length)) : text;
}
