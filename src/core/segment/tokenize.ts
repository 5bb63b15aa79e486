// tokens are lower-cased runs of Unicode letters and digits; an apostrophe
// (' or ’) inside a word stays in it, and both spellings give the same token.
// Marks (\p{M}) are kept with their letter so decomposed accents don't split a word.

export interface Token {
  /** Lower-cased, with ’ folded to '. */
  text: string;
  /** UTF-16 index into the text that was tokenized (offsets are converted later, once). */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
/** One character a token is made of: a text holds a token exactly when it holds one. */
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/** Whether tokenize(text) would find any token, without making them. */
export function hasWords(text: string): boolean {
  return WORD_CHARACTER.test(text);
}

export function normaliseToken(raw: string): string {
  const lower = raw.toLowerCase();
  // Most tokens hold no ’: skip the replace (it runs once per token of the corpus).
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    tokens.push({ text: normaliseToken(m[0]), start, end: start + m[0].length });
  }
  return tokens;
}
