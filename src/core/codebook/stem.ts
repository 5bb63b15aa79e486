// Stems come from natural, one Porter stemmer per language, imported by path: the
// package root loads database clients and prints to stdout, which would corrupt
// `--format json`. Stemmers load lazily so a run pays only for its own language.

export type StemFn = (token: string) => string;

interface NaturalStemmer {
  stem(token: string): string;
}

const LOADERS: Record<string, () => Promise<{ default: NaturalStemmer }>> = {
  en: () => import('natural/lib/natural/stemmers/porter_stemmer.js'),
  de: () => import('natural/lib/natural/stemmers/porter_stemmer_de.js'),
  es: () => import('natural/lib/natural/stemmers/porter_stemmer_es.js'),
  fa: () => import('natural/lib/natural/stemmers/porter_stemmer_fa.js'),
  fr: () => import('natural/lib/natural/stemmers/porter_stemmer_fr.js'),
  it: () => import('natural/lib/natural/stemmers/porter_stemmer_it.js'),
  nl: () => import('natural/lib/natural/stemmers/porter_stemmer_nl.js'),
  no: () => import('natural/lib/natural/stemmers/porter_stemmer_no.js'),
  pt: () => import('natural/lib/natural/stemmers/porter_stemmer_pt.js'),
  ru: () => import('natural/lib/natural/stemmers/porter_stemmer_ru.js'),
  sv: () => import('natural/lib/natural/stemmers/porter_stemmer_sv.js'),
  uk: () => import('natural/lib/natural/stemmers/porter_stemmer_uk.js'),
};

export const SUPPORTED_LANGUAGES = Object.keys(LOADERS);

export function isSupportedLanguage(lang: string): boolean {
  return lang in LOADERS;
}

// Porter is a suffix stripper: irregular English forms never meet their base form
// (money→monei but monies→moni; children→children). The forms interview talk uses
// are folded to their base before stemming.
const ENGLISH_IRREGULAR: Record<string, string> = {
  monies: 'money', moneys: 'money', children: 'child', kids: 'kid', women: 'woman', men: 'man',
  wives: 'wife', lives: 'life', knives: 'knife', people: 'person', feet: 'foot', teeth: 'tooth',
  mice: 'mouse', geese: 'goose', selves: 'self', themselves: 'themself', halves: 'half',
  paid: 'pay', said: 'say', went: 'go', gone: 'go', took: 'take', taken: 'take', left: 'leave',
  felt: 'feel', kept: 'keep', slept: 'sleep', lost: 'lose', got: 'get', gotten: 'get',
  ran: 'run', came: 'come', gave: 'give', given: 'give', bought: 'buy', brought: 'bring',
  thought: 'think', told: 'tell', sold: 'sell', stole: 'steal', stolen: 'steal', found: 'find',
  held: 'hold', met: 'meet', sent: 'send', spent: 'spend', stood: 'stand', understood: 'understand',
  fled: 'flee', hid: 'hide', hidden: 'hide', drove: 'drive', driven: 'drive', knew: 'know', known: 'know',
  was: 'be', were: 'be', been: 'be', is: 'be', are: 'be', am: 'be', had: 'have', has: 'have',
  did: 'do', does: 'do', done: 'do', made: 'make', began: 'begin', begun: 'begin', heard: 'hear',
  owed: 'owe', broke: 'break', broken: 'break', fell: 'fall', fallen: 'fall', hurt: 'hurt',
  beaten: 'beat', caught: 'catch', taught: 'teach', fought: 'fight', built: 'build', lent: 'lend',
};

/**
 * Longer tokens are left as they are. No word of interview talk comes near it, and
 * natural's Porter stemmer is quadratic on a long run without vowels (a
 * 100,000-digit token took most of a minute); such a token still matches `=exact`
 * and `prefix*` terms.
 */
export const MAX_STEMMED_LENGTH = 64;

/**
 * A cached stem function for a language; unknown languages are rejected at parse time.
 * `known`: stems worked out before (a build-time snapshot's), to start the cache with.
 */
export async function loadStemmer(lang: string, known: Iterable<[string, string]> = []): Promise<StemFn> {
  const loader = LOADERS[lang] ?? LOADERS.en;
  const mod = await loader!();
  const stemmer = (mod.default ?? mod) as NaturalStemmer;
  const irregular = lang === 'en' ? ENGLISH_IRREGULAR : {};
  const cache = new Map<string, string>(known);
  return (token: string): string => {
    if (token.length > MAX_STEMMED_LENGTH) return token;
    let s = cache.get(token);
    if (s === undefined) {
      s = stemmer.stem(irregular[token] ?? token);
      cache.set(token, s);
    }
    return s;
  };
}
