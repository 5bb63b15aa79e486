// natural ships no types for its per-language stopword lists; each exports `words`.
declare module 'natural/lib/natural/util/stopwords*' {
  export const words: string[];
}
