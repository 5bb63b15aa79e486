// natural ships no types for its per-language modules; each exports one stemmer.
declare module 'natural/lib/natural/stemmers/*' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
