// Identifiers with a shape: phone numbers, emails, URLs, handles, SSNs, ZIP codes,
// full dates, street addresses, apartment numbers, case and record numbers. Each
// pattern is written to leave alone what interviews are full of: years and months
// alone, ages, durations, money, clock times and hotline numbers (911, 988, 1-800).

import type { Detection, IdentifierKind } from './types.js';

interface Pattern {
  kind: IdentifierKind;
  re: RegExp;
  confidence: number;
  /** Which capture group is the identifier (default: the whole match). */
  group?: number;
  /** Rejects a match that only looks like one (a toll-free line, a sum of money). */
  keep?: (match: string, text: string, start: number, end: number) => boolean;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const SPOKEN_DIGIT = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)';
const YEAR = "(?:19|20)\\d{2}|'\\d{2}";
const STREET_TYPE =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Place|Pl|Way|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Square|Sq|Expressway|Pike|Alley|Row)\\b\\.?';
const DIRECTION = '(?:(?:North|South|East|West|N|S|E|W|NE|NW|SE|SW)\\.?\\s+)?';
const STREET_NAME = "(?:\\d+(?:st|nd|rd|th)|[A-Z][A-Za-z'’-]+(?:\\s+[A-Z][A-Za-z'’-]+){0,2})";

const STATE =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|' +
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
/** Words before a state that are no town: "Medicaid, Texas", "Yes, California". */
const NOT_TOWNS = /^(?:Yes|No|Yeah|Okay|Ok|So|And|But|Well|Medicaid|Medicare|Mom|Dad|God|Then|Now|Like|Um|Uh|Oh|Texas|California|Florida|Georgia)$/;

/** Toll-free and service lines are published numbers, not anybody's phone. */
const TOLL_FREE = /^(?:\+?1[\s.-]?)?\(?8(?:00|33|44|55|66|77|88)\)?/;
/** The transcription services' own addresses, written in every export's footer. */
const TOOL_SITES = /^(?:https?:\/\/)?(?:www\.)?(?:otter\.ai|zoom\.us|rev\.com|trint\.com|descript\.com|temi\.com|sonix\.ai|happyscribe\.com)\/?$/i;
const digits = (s: string): number => s.replace(/\D/g, '').length;

/** Text just before a match, lower-cased, for context words. */
const before = (text: string, start: number, n = 40): string => text.slice(Math.max(0, start - n), start).toLowerCase();
const after = (text: string, end: number, n = 20): string => text.slice(end, end + n).toLowerCase();

const PATTERNS: Pattern[] = [
  { kind: 'email', re: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, confidence: 0.99 },
  // An address read aloud: "tasha m at gmail dot com".
  { kind: 'email', re: /\b[A-Za-z0-9._-]+\s+at\s+[A-Za-z0-9-]+\s+dot\s+(?:com|org|net|edu|gov)\b/gi, confidence: 0.85 },
  {
    kind: 'url',
    re: /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|edu|gov|io|me|co|us|info|biz|ly|gg|tv|app|page|link|ee|ai|ca|uk|xyz|site|online|dev|fm|to)(?:\/[^\s<>"')\]]*)?/g,
    confidence: 0.9,
    keep: (m, text, start) => text[start - 1] !== '@' && !/^\d+\.\d+$/.test(m) && !TOOL_SITES.test(m),
  },
  { kind: 'handle', re: /(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29})\b/g, confidence: 0.95 },
  // Cash App tags and handles given in words: "my Instagram is tasha_w92".
  { kind: 'handle', re: /(?<![\w$])\$[A-Za-z][A-Za-z0-9_]{2,19}\b/g, confidence: 0.85, keep: (m) => /[A-Za-z]/.test(m.slice(1)) && !/^\$\d/.test(m) },
  {
    kind: 'handle',
    re: /\b(?:instagram|insta|ig|snap(?:chat)?|tik ?tok|twitter|facebook|fb|cash ?app|venmo|handle|username|user name|gamertag|screen name)\b\s*(?:name\s*)?(?:is|was|:|it's|its|it was|at|as|under)?[\s:]+['"“]?([A-Za-z0-9_.]*[0-9_][A-Za-z0-9_.]*|[a-z][a-z0-9_.]{3,})\b/gi,
    group: 1,
    confidence: 0.8,
    keep: (m) => m.length >= 4 && !/^(?:is|was|and|but|the|account|page|with|that|when|because|anymore)$/i.test(m),
  },
  { kind: 'ssn', re: /\b(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}\b/g, confidence: 0.97 },
  {
    kind: 'ssn',
    re: /\b\d{9}\b/g,
    confidence: 0.9,
    keep: (_m, text, start) => /\b(?:social|ssn|security number|ss#|ss number)\b/.test(before(text, start)),
  },
  {
    kind: 'phone',
    re: /(?<![\d-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])/g,
    confidence: 0.95,
    keep: (m) => !TOLL_FREE.test(m.trim()),
  },
  { kind: 'phone', re: /(?<![\d-])\d{10}(?!\d)/g, confidence: 0.7, keep: (m) => !TOLL_FREE.test(m) },
  // International: a country code, then groups of digits.
  { kind: 'phone', re: /(?<![\w+])\+(?!1[\s.-]?8(?:00|33|44|55|66|77|88))\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}(?![\d])/g, confidence: 0.9, keep: (m) => digits(m) >= 8 && digits(m) <= 15 },
  // A number said in words: "three one two, five five five, oh one four eight".
  { kind: 'phone', re: new RegExp(`\\b${SPOKEN_DIGIT}(?:[\\s,-]+${SPOKEN_DIGIT}){6,14}\\b`, 'gi'), confidence: 0.8 },
  // National forms abroad: "07700 900123", "0161 496 0000".
  { kind: 'phone', re: /(?<![\d-])0\d{3,4}[\s-]?\d{3}[\s-]?\d{3,4}(?![\d-])/g, confidence: 0.7, keep: (m) => digits(m) >= 10 && digits(m) <= 11 && /[\s-]/.test(m) },
  // Seven digits read out: "555-0142".
  { kind: 'phone', re: /(?<![\d-])\d{3}-\d{4}(?![\d-])/g, confidence: 0.7, keep: (_m, text, start) => !/\$\s*$/.test(before(text, start, 3)) },
  // Full dates: March 3, 1994; 3 March 1994; 03/14/1989; 1994-03-14; March 3rd (with or without a year).
  { kind: 'date', re: new RegExp(`\\b${MONTH}\\s+${DAY}(?:,?\\s+(?:${YEAR}))?(?!\\s*(?:%|percent|dollars|bucks|years|year|days|months|weeks|hours|minutes|kids|times))\\b`, 'g'), confidence: 0.85, keep: notAnAmount },
  { kind: 'date', re: new RegExp(`\\b(?:the\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(?:${YEAR}))?\\b`, 'g'), confidence: 0.85, keep: (m) => /\d/.test(m) && !/^(?:the\s+)?\d+\s+(?:may|march)$/i.test(m) && !/^(?:the\s+)?4th\s+of\s+July$/i.test(m) },
  { kind: 'date', re: /\b(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|[12]\d|3[01])[/.-](?:19|20)?\d{2}\b/g, confidence: 0.95, keep: (m) => !/^\d+\.\d+\.\d+$/.test(m) || digits(m) >= 6 },
  { kind: 'date', re: /\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/g, confidence: 0.95 },
  // Street addresses: a number, maybe a direction, a street name and its type.
  { kind: 'address', re: new RegExp(`\\b\\d{1,6}[A-Za-z]?\\s+${DIRECTION}${STREET_NAME}\\s+${STREET_TYPE}`, 'g'), confidence: 0.95 },
  { kind: 'address', re: /\b(?:P\.?\s?O\.?\s?Box|PO Box)\s+\d+\b/gi, confidence: 0.95 },
  // A street named without its number still says where someone lived.
  { kind: 'place', re: new RegExp(`\\b${DIRECTION}${STREET_NAME}\\s+${STREET_TYPE}`, 'g'), confidence: 0.8, keep: (m) => !/^(?:Main|Wall|Easy|Sesame|Memory)\s/i.test(m) },
  { kind: 'address', re: /\b(?:apartment|apt\.?|unit|suite|ste\.?|lot|space|building|bldg\.?)\s*(?:#|number|no\.?)?\s*(?:(?:is|was)\s+)?#?([0-9]{1,5}[A-Za-z]?|[A-Za-z][0-9]{1,4})\b(?!\s+(?:bedrooms?|beds?|baths?|rooms?|months?|years?|weeks?|days?|hours?|minutes?|people|kids|of|or|to|times|dollars|percent|floors?|stor(?:y|ies)))/gi, confidence: 0.85, group: 0 },
  { kind: 'address', re: /(?<=\s)#\s?\d{1,5}[A-Za-z]?\b/g, confidence: 0.6, keep: (_m, text, start) => /(?:apartment|apt|unit|room|suite|street|avenue|ave|st|rd|road|drive|dr)\.?\s*$/i.test(before(text, start, 30)) },
  { kind: 'address', re: /\broom\s*(?:#|number)?\s*(\d{3,4}[A-Za-z]?)\b/gi, confidence: 0.6 },
  // "Holyoke, Massachusetts", "Fresno, CA": the words before a state are a town.
  { kind: 'place', re: new RegExp(`\\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\\s+(?:${STATE})\\b`, 'g'), group: 1, confidence: 0.85, keep: (m) => !NOT_TOWNS.test(m) },
  // ZIP codes: five digits that are no sum of money and no count.
  {
    kind: 'zip',
    re: /(?<![\d$,.-])\d{5}(?:-\d{4})?(?!\d|[,.]\d)/g,
    confidence: 0.7,
    keep: (_m, text, start, end) =>
      !/\$\s*$/.test(before(text, start, 2)) &&
      !/\b(?:owed?|paid|pay|make|made|making|cost|costs|earn|earned|about|around|like|over|almost|nearly|maybe|than|spent|saved|borrowed)\s*$/.test(before(text, start, 20)) &&
      !/^\s*(?:dollars|bucks|a year|a month|per|miles|people|calories|steps|followers|views|in\s+(?:fines|debt|rent|bills))/.test(after(text, end)),
  },
  // Case, record and ID numbers, from the words that introduce them.
  {
    kind: 'id',
    re: /\b(?:case|file|record|docket|booking|inmate|account|member|client|patient|mrn|medical record|id|i\.d\.|alien|a-number|badge|permit|license|licence|policy|claim|ticket|citation|report|reference|ref|tracking|visa|passport|confirmation)\s*(?:number|no\.?|num|#)?\s*(?:is|was|:|of)?\s*#?\s*([A-Z]{0,4}[-\s]?\d[\dA-Z-]{2,}[\dA-Z])\b/gi,
    group: 1,
    confidence: 0.9,
    keep: (m) => digits(m) >= 3 && !/^(?:19|20)\d{2}$/.test(m),
  },
  // An immigration A-number read in groups: "A-number is 204 887 316".
  { kind: 'id', re: /\bA[-\s]?(?:number|#|no\.?)\s*(?:is|was|:)?\s*(\d{3}[\s-]?\d{3}[\s-]?\d{3})\b/gi, group: 1, confidence: 0.9 },
  // A code of letters and digits with enough digits is a record number wherever it stands.
  { kind: 'id', re: /\b(?=[A-Z0-9-]*\d[A-Z0-9-]*\b)(?:[A-Z]{1,4}-?\d{4,}(?:-[A-Z0-9]+)*|\d{2,4}-[A-Z]{1,4}-\d{3,}(?:-[A-Z0-9]+)*|\d{6,}(?:-\d+)+)\b/g, confidence: 0.75, keep: (m) => !/^(?:19|20)\d{2}-(?:19|20)\d{2}$/.test(m) },
  { kind: 'id', re: /(?<![\d$.,-])\d{7,9}(?!\d|[,.]\d)/g, confidence: 0.6, keep: (_m, text, start) => !/\$\s*$/.test(before(text, start, 2)) },
];

/** "May 5" and "March 3" are dates; "may 5 of them" is not: a lower-case month word is a verb or a name. */
function notAnAmount(m: string): boolean {
  return /^[A-Z]/.test(m) && /\d/.test(m);
}

/** Every shaped identifier in `text`, overlapping ones included (the caller resolves overlaps). */
export function findPatterns(text: string): Detection[] {
  const found: Detection[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      const whole = m[0];
      const part = p.group ? m[p.group] : whole;
      if (part === undefined || part === '') continue;
      const start = (m.index ?? 0) + (p.group ? whole.lastIndexOf(part) : 0);
      const end = start + part.length;
      const trimmedEnd = trimEnd(text, start, end);
      const value = text.slice(start, trimmedEnd);
      if (p.keep && !p.keep(value, text, start, trimmedEnd)) continue;
      found.push({ start, end: trimmedEnd, kind: p.kind, confidence: p.confidence, text: value });
    }
  }
  return found;
}

/** A sentence's full stop or comma after a URL or a code is not part of it. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && /[.,;:!?]/.test(text[e - 1] ?? '')) e--;
  return e;
}
