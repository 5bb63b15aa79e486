// natural ships no types for this deep import; the package root (which has types)
// must not be imported because it loads database clients and writes to stdout.
declare module 'natural/lib/natural/tokenizers/sentence_tokenizer.js' {
  export default class SentenceTokenizer {
    constructor(abbreviations?: string[], trimSentences?: boolean);
    tokenize(text: string): string[];
  }
}
