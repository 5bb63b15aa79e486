import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/segment/tokenize.js';
import { loadStemmer, SUPPORTED_LANGUAGES } from '../../src/core/codebook/stem.js';
import { codes, oneCode } from './helpers.js';

describe('tokenize', () => {
  it('lower-cases runs of letters and digits and keeps inner apostrophes, both spellings alike', () => {
    expect(tokenize("I DIDN'T have 2 dollars; didn’t — café").map((t) => t.text))
      .toEqual(['i', "didn't", 'have', '2', 'dollars', "didn't", 'café']);
  });
  it('keeps UTF-16 offsets of each token', () => {
    const t = tokenize('  rent, ok');
    expect(t.map((x) => [x.start, x.end])).toEqual([[2, 6], [8, 10]]);
  });
  it('does not keep a leading or trailing apostrophe', () => {
    expect(tokenize("'cause the kids' room").map((t) => t.text)).toEqual(['cause', 'the', 'kids', 'room']);
  });
});

describe('stemming', () => {
  it('folds irregular English forms before Porter so money and monies meet', async () => {
    const stem = await loadStemmer('en');
    expect(stem('monies')).toBe(stem('money'));
    expect(stem('children')).toBe(stem('child'));
    expect(stem('evicted')).toBe(stem('eviction'));
  });
  it('loads a stemmer for every supported language, each reducing a plural to its singular stem', async () => {
    const plurals: Record<string, [string, string]> = {
      en: ['houses', 'house'], de: ['häuser', 'haus'], es: ['casas', 'casa'], fr: ['maisons', 'maison'], it: ['case', 'casa'],
      nl: ['huizen', 'huis'], no: ['husene', 'hus'], pt: ['casas', 'casa'], ru: ['дома', 'дом'], sv: ['husen', 'hus'],
      uk: ['будинки', 'будинок'], fa: ['خانه‌ها', 'خانه'],
    };
    expect(Object.keys(plurals).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    for (const [lang, [many, one]] of Object.entries(plurals)) {
      const stem = await loadStemmer(lang);
      expect(typeof stem(many), lang).toBe('string');
      expect(stem(many).length, lang).toBeGreaterThan(0);
      if (!['de', 'it', 'nl', 'no', 'uk', 'fa'].includes(lang)) expect(stem(many), lang).toBe(stem(one));
    }
  });
  it('loads a stemmer for every language natural has a Porter stemmer for', async () => {
    const fr = await loadStemmer('fr');
    expect(fr('maisons')).toBe(fr('maison'));
    const de = await loadStemmer('de');
    expect(de('Wohnungen'.toLowerCase())).toBe(de('wohnung'));
  });
});

describe('term kinds', () => {
  it('a stem term matches inflections, not look-alikes', async () => {
    const cb = await oneCode('any: [evict]');
    expect(codes(cb, 'We got evicted in May')).toEqual(['c']);
    expect(codes(cb, 'The eviction notice came')).toEqual(['c']);
    expect(codes(cb, 'an evictor')).toEqual([]);
  });
  it('a phrase needs consecutive tokens, each by stem', async () => {
    const cb = await oneCode('any: [nowhere to stay]');
    expect(codes(cb, 'I had nowhere to stay that winter')).toEqual(['c']);
    expect(codes(cb, 'Nowhere to staying')).toEqual(['c']);
    expect(codes(cb, 'nowhere safe to stay')).toEqual([]);
  });
  it('a prefix term matches unstemmed starts of tokens', async () => {
    const cb = await oneCode('any: [homeless*]');
    expect(codes(cb, 'I was homeless')).toEqual(['c']);
    expect(codes(cb, 'the homelessness office')).toEqual(['c']);
    expect(codes(cb, 'a home')).toEqual([]);
  });
  it('an exact term matches only that token', async () => {
    const cb = await oneCode('any: ["=stay"]');
    expect(codes(cb, 'I had to stay')).toEqual(['c']);
    expect(codes(cb, 'I was staying there')).toEqual([]);
  });
  it('phrases may mix kinds: prefix and exact words inside a phrase', async () => {
    const cb = await oneCode('any: ["couldn\'t pay* =rent"]');
    expect(codes(cb, "I couldn't payyy rent")).toEqual(['c']);
    expect(codes(cb, "I couldn’t paying rent")).toEqual(['c']);
    expect(codes(cb, "I couldn't pay rents")).toEqual([]);
  });
  it('matches apostrophes typed either way', async () => {
    const cb = await oneCode('any: ["couldn’t afford"]');
    expect(codes(cb, "I couldn't afford it")).toEqual(['c']);
  });
});

describe('which word a phrase is looked up by', () => {
  it('its rarest: not a common word, not a word many of the phrases share', async () => {
    const cb = await oneCode('- any: [on the bus, "didn\'t have a dime", "didn\'t have rent", he had my]');
    const anchorOf = (raw: string) => { const t = cb.terms.find((x) => x.raw === raw)!; return t.parts[t.anchor]!.value; };
    expect(anchorOf('on the bus')).toBe(cb.stem('bus'));
    expect(anchorOf("didn't have a dime")).toBe(cb.stem('dime'));
    expect(anchorOf("didn't have rent")).toBe(cb.stem('rent'));
    // and wherever it is anchored, a phrase is found as a whole
    expect(codes(cb, 'I got on the bus at night')).toEqual(['c']);
    expect(codes(cb, 'the bus on time')).toEqual([]);
  });
});
