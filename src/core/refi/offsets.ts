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
 * convention to a code point offset in the normalised text (CRLF and CR made LF). A text
 * without CRLF and without characters beyond U+FFFF counts alike in every convention, and
 * keeps no tables; another keeps one table per convention, 16 bytes a character — so a
 * project's sources are mapped one at a time, never all at once (a 65 MB project's took
 * 1.6 GB held together).
 */
export class PositionMaps {
  /** The text with CRLF and CR made LF. */
  readonly normalised: string;
  /** Its length in characters (code points). */
  readonly length: number;
  /** Per convention, each position's code point offset; null where a position is its own offset. */
  private readonly maps: Record<OffsetConvention, Int32Array> | null;
  /** Code point offset → UTF-16 index in `normalised`, when the text has characters beyond U+FFFF. */
  private readonly unitOf: Int32Array | null;

  constructor(raw: string) {
    this.normalised = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    if (!/\r\n|[\uD800-\uDFFF]/.test(raw)) {
      this.length = raw.length;
      this.maps = null;
      this.unitOf = null;
      return;
    }
    const room = raw.length + 1;
    const [u16, cp, lu16, lcp] = [new Int32Array(room), new Int32Array(room), new Int32Array(room), new Int32Array(room)];
    const unitOf = new Int32Array(room);
    let [nu16, ncp, nlu16, nlcp] = [0, 0, 0, 0];
    let n = 0;
    let unit = 0;
    let i = 0;
    while (i < raw.length) {
      const code = raw.codePointAt(i)!;
      unitOf[n] = unit;
      if (code === 0x0d) {
        const pair = raw.charCodeAt(i + 1) === 0x0a;
        u16[nu16++] = n;
        cp[ncp++] = n;
        if (pair) {
          // A position between CR and LF is taken as after the line end.
          u16[nu16++] = n + 1;
          cp[ncp++] = n + 1;
        }
        lu16[nlu16++] = n;
        lcp[nlcp++] = n;
        n++;
        unit++;
        i += pair ? 2 : 1;
        continue;
      }
      const width = code > 0xffff ? 2 : 1;
      for (let k = 0; k < width; k++) {
        u16[nu16++] = n;
        lu16[nlu16++] = n;
      }
      cp[ncp++] = n;
      lcp[nlcp++] = n;
      n++;
      unit += width;
      i += width;
    }
    unitOf[n] = unit;
    u16[nu16++] = n;
    cp[ncp++] = n;
    lu16[nlu16++] = n;
    lcp[nlcp++] = n;
    this.length = n;
    this.maps = { utf16: u16.subarray(0, nu16), codepoint: cp.subarray(0, ncp), 'utf16-lf': lu16.subarray(0, nlu16), 'codepoint-lf': lcp.subarray(0, nlcp) };
    this.unitOf = unit === n ? null : unitOf.subarray(0, n + 1);
  }

  /** Code point offset in the normalised text, or null when the position is past the end. */
  toPoint(pos: number, conv: OffsetConvention): number | null {
    if (!Number.isInteger(pos) || pos < 0) return null;
    if (this.maps === null) return pos <= this.length ? pos : null;
    const m = this.maps[conv];
    return pos < m.length ? m[pos]! : null;
  }

  /** Whether the conventions can disagree on this text at all. */
  get ambiguous(): boolean {
    return this.maps !== null && this.maps.utf16.length !== this.maps['codepoint-lf'].length;
  }

  /** Whether code point offset `at` falls between words (or at either end). */
  betweenWords(at: number): boolean {
    return at <= 0 || at >= this.length || !(WORD.test(this.charAt(at - 1)) && WORD.test(this.charAt(at)));
  }

  private charAt(point: number): string {
    if (this.unitOf === null) return this.normalised[point]!;
    return String.fromCodePoint(this.normalised.codePointAt(this.unitOf[point]!)!);
  }
}

const WORD = /[\p{L}\p{N}]/u;

export interface ConventionChoice {
  convention: OffsetConvention;
  /** How it was chosen, in words a researcher reads. */
  reason: string;
}

/** NVivo's convention first for NVivo (and qcode's own) projects; characters first for the rest. */
export function preferredOrder(origin: string | undefined): OffsetConvention[] {
  return /nvivo|qcode/i.test(origin ?? '') ? ['utf16', 'utf16-lf', 'codepoint', 'codepoint-lf'] : ['codepoint', 'codepoint-lf', 'utf16', 'utf16-lf'];
}

/**
 * The convention under which the most selection ends fall between words; the origin's own
 * on a tie. Sources are added one at a time (each with its maps, then let go).
 */
export class ConventionVote {
  private readonly order: OffsetConvention[];
  private readonly ok = new Map<OffsetConvention, number>();
  private ends = 0;

  constructor(private readonly origin: string | undefined) {
    this.order = preferredOrder(origin);
  }

  /** Counts where the source's selections end under each convention (only a text they can disagree on counts). */
  add(maps: PositionMaps, spans: readonly { start: number; end: number }[]): void {
    if (!maps.ambiguous || spans.length === 0) return;
    for (const conv of this.order) {
      let ok = this.ok.get(conv) ?? 0;
      for (const sp of spans) {
        const a = maps.toPoint(sp.start, conv);
        const b = maps.toPoint(sp.end, conv);
        if (a !== null && maps.betweenWords(a)) ok++;
        if (b !== null && maps.betweenWords(b)) ok++;
      }
      this.ok.set(conv, ok);
    }
    this.ends += 2 * spans.length;
  }

  choice(): ConventionChoice {
    const order = this.order;
    const who = this.origin ? `the project was written by ${this.origin}` : 'the project does not say which tool wrote it';
    if (this.ends === 0) {
      return { convention: order[0]!, reason: `no source has CRLF line ends or characters beyond U+FFFF under a selection, so every counting agrees (read as ${CONVENTION_WORDS[order[0]!]}, as ${who})` };
    }
    const scored = order.map((c) => ({ c, s: (this.ok.get(c) ?? 0) / this.ends }));
    const best = scored.reduce((a, b) => (b.s > a.s + 1e-9 ? b : a));
    const pct = (x: number): string => `${Math.round(x * 100)}%`;
    const others = scored.filter((x) => x.c !== best.c).map((x) => `${pct(x.s)} as ${x.c}`).join(', ');
    const why = best.c === order[0] ? `as expected since ${who}` : `although ${who}`;
    return { convention: best.c, reason: `read as ${CONVENTION_WORDS[best.c]}, ${why}: ${pct(best.s)} of selection ends fall between words that way (${others})` };
  }
}
