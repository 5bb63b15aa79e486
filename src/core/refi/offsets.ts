// Where a REFI-QDA selection starts and ends, in qcode's terms. Tools count differently:
// NVivo counts UTF-16 code units of the text as stored (after the BOM, CRLF as two);
// other tools may count characters (code points), or count after line ends are made
// LF. The convention is chosen by the project's origin and confirmed by the text itself:
// selections made by people start and end between words, so the convention under which
// most of them do is the one the tool used.

export type OffsetConvention = 'utf16' | 'codepoint' | 'utf16-lf' | 'codepoint-lf';

export const CONVENTION_WORDS: Record<OffsetConvention, string> = {
  utf16: 'UTF-16 code units of the text as stored (CRLF counted as two)',
  codepoint: 'characters (code points) of the text as stored (CRLF counted as two)',
  'utf16-lf': 'UTF-16 code units after line ends are made LF',
  'codepoint-lf': 'characters (code points) after line ends are made LF',
};

/**
 * For one source text (BOM already dropped, line ends as stored): maps a position in a
 * convention to a code point offset in the normalised text (CRLF and CR made LF).
 */
export class PositionMaps {
  /** The normalised text as code points. */
  readonly chars: string[];
  private readonly maps: Record<OffsetConvention, Int32Array>;

  constructor(raw: string) {
    const u16: number[] = [];
    const cp: number[] = [];
    const lu16: number[] = [];
    const lcp: number[] = [];
    const chars: string[] = [];
    let i = 0;
    while (i < raw.length) {
      const n = chars.length;
      const code = raw.codePointAt(i)!;
      if (code === 0x0d) {
        const pair = raw.charCodeAt(i + 1) === 0x0a;
        u16.push(n);
        cp.push(n);
        if (pair) {
          // A position between CR and LF is taken as after the line end.
          u16.push(n + 1);
          cp.push(n + 1);
        }
        lu16.push(n);
        lcp.push(n);
        chars.push('\n');
        i += pair ? 2 : 1;
        continue;
      }
      const width = code > 0xffff ? 2 : 1;
      for (let k = 0; k < width; k++) {
        u16.push(n);
        lu16.push(n);
      }
      cp.push(n);
      lcp.push(n);
      chars.push(String.fromCodePoint(code));
      i += width;
    }
    const end = chars.length;
    for (const m of [u16, cp, lu16, lcp]) m.push(end);
    this.chars = chars;
    this.maps = { utf16: Int32Array.from(u16), codepoint: Int32Array.from(cp), 'utf16-lf': Int32Array.from(lu16), 'codepoint-lf': Int32Array.from(lcp) };
  }

  /** Code point offset in the normalised text, or null when the position is past the end. */
  toPoint(pos: number, conv: OffsetConvention): number | null {
    const m = this.maps[conv];
    return Number.isInteger(pos) && pos >= 0 && pos < m.length ? m[pos]! : null;
  }

  /** Whether the conventions can disagree on this text at all. */
  get ambiguous(): boolean {
    return this.maps.utf16.length !== this.maps['codepoint-lf'].length;
  }
}

const WORD = /[\p{L}\p{N}]/u;

function betweenWords(chars: string[], at: number): boolean {
  return at <= 0 || at >= chars.length || !(WORD.test(chars[at - 1]!) && WORD.test(chars[at]!));
}

export interface ConventionChoice {
  convention: OffsetConvention;
  /** How it was chosen, in words a researcher reads. */
  reason: string;
}

/** NVivo's convention first for NVivo (and qcode's own) projects; characters first for the rest. */
export function preferredOrder(origin: string | undefined): OffsetConvention[] {
  return /nvivo|qcode/i.test(origin ?? '') ? ['utf16', 'utf16-lf', 'codepoint', 'codepoint-lf'] : ['codepoint', 'codepoint-lf', 'utf16', 'utf16-lf'];
}

/** The convention under which the most selection ends fall between words; the origin's own on a tie. */
export function chooseConvention(origin: string | undefined, sources: { maps: PositionMaps; spans: { start: number; end: number }[] }[]): ConventionChoice {
  const order = preferredOrder(origin);
  const who = origin ? `the project was written by ${origin}` : 'the project does not say which tool wrote it';
  const relevant = sources.filter((s) => s.maps.ambiguous && s.spans.length > 0);
  if (relevant.length === 0) {
    return { convention: order[0]!, reason: `no source has CRLF line ends or characters beyond U+FFFF under a selection, so every counting agrees (read as ${CONVENTION_WORDS[order[0]!]}, as ${who})` };
  }
  const score = (conv: OffsetConvention): number => {
    let ok = 0;
    let all = 0;
    for (const s of relevant) {
      for (const sp of s.spans) {
        all += 2;
        const a = s.maps.toPoint(sp.start, conv);
        const b = s.maps.toPoint(sp.end, conv);
        if (a !== null && betweenWords(s.maps.chars, a)) ok++;
        if (b !== null && betweenWords(s.maps.chars, b)) ok++;
      }
    }
    return all === 0 ? 0 : ok / all;
  };
  const scored = order.map((c) => ({ c, s: score(c) }));
  const best = scored.reduce((a, b) => (b.s > a.s + 1e-9 ? b : a));
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const others = scored.filter((x) => x.c !== best.c).map((x) => `${pct(x.s)} as ${x.c}`).join(', ');
  const why = best.c === order[0] ? `as expected since ${who}` : `although ${who}`;
  return { convention: best.c, reason: `read as ${CONVENTION_WORDS[best.c]}, ${why}: ${pct(best.s)} of selection ends fall between words that way (${others})` };
}
