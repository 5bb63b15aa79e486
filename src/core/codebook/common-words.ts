// The commonest words of English, the codebooks' usual language: in interviews they are
// most of the tokens. No phrase is looked up by one of them when it has another word
// (compile.ts), and the regex pre-filter does not scan for a literal that is only one of
// them (regex.ts): such a word is in nearly every segment, so finding it rules out little
// and costs a step of the scan each time.
export const COMMON_ENGLISH: ReadonlySet<string> = new Set(
  ('the and to a i of it that in was you he she they we my me her him his is for on with at but so ' +
    'not no had have would be just what when there this like know all out up get got go back do did ' +
    "don't didn't an as if or from then were are been by one about them us our your")
    .split(' '),
);
