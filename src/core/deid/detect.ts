// One pass over a string: shaped identifiers (patterns), names and places (capitals,
// word lists, compromise), less what is already redacted ([NAME], [CITY]) and what
// the study allows (`deid.allow`). Overlaps resolve to the longer, surer finding.

import { findNames } from './names.js';
import { findPatterns } from './patterns.js';
import type { Detection, DetectOptions, IdentifierKind } from './types.js';

/** Placeholders a transcriber already wrote: `[NAME]`, `[CITY]`, `<redacted>`, `{PHONE}`, `XXXX`, Jane Doe. */
const PLACEHOLDER = /\b(?:Jane|John|Baby) Doe\b|\[[^\]\n]{1,40}\]|<[A-Za-z _-]{2,30}>|\{[A-Z _-]{2,30}\}|\bX{3,}\b|\*{3,}|_{3,}/g;

/** When two findings overlap, the more specific kind wins at equal length. */
const PRIORITY: Record<IdentifierKind, number> = {
  email: 10, url: 9, ssn: 9, phone: 8, handle: 8, address: 7, date: 6, id: 5, zip: 4, place: 3, name: 2,
};

export function detectIdentifiers(text: string, opts: DetectOptions = {}): Detection[] {
  const shielded = [...placeholders(text), ...allowed(text, opts.allow ?? [])];
  const known = new Set((opts.knownNames ?? []).flatMap(nameWords));
  const all = [...findPatterns(text), ...findNames(text, known), ...knownNameHits(text, known)];
  const kept = all.filter((d) => d.end > d.start && !shielded.some((s) => s.start < d.end && d.start < s.end));
  return resolveOverlaps(kept);
}

function placeholders(text: string): { start: number; end: number }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** Allowed terms, whole-word and ignoring case; a finding touching one is let be. */
function allowed(text: string, terms: readonly string[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const lower = text.toLowerCase();
  for (const term of terms) {
    const t = term.trim().toLowerCase();
    if (t === '') continue;
    for (let i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + 1)) {
      if (isWordEdge(lower, i - 1) && isWordEdge(lower, i + t.length)) spans.push({ start: i, end: i + t.length });
    }
  }
  return spans;
}

const isWordEdge = (s: string, i: number): boolean => i < 0 || i >= s.length || !/[\p{L}\p{M}\d_]/u.test(s[i] ?? '');

/** The words of names the run knows (speaker labels that are names), lower-cased. */
export function nameWords(name: string): string[] {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s,|]+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').toLowerCase())
    .filter((w) => w.length >= 2);
}

/** A speaker's name said in the words, capitalised or not ("thanks, maria"). */
function knownNameHits(text: string, known: ReadonlySet<string>): Detection[] {
  if (known.size === 0) return [];
  const found: Detection[] = [];
  for (const m of text.matchAll(/[\p{L}][\p{L}\p{M}'’-]*/gu)) {
    const word = m[0].replace(/['’]s$/, '');
    if (!known.has(word.toLowerCase()) || !/^\p{Lu}/u.test(word)) continue;
    const start = m.index ?? 0;
    found.push({ start, end: start + word.length, kind: 'name', confidence: 0.95, text: word });
  }
  return found;
}

/** Longest first (then the surer, then the more specific kind); what overlaps a kept finding goes. */
function resolveOverlaps(found: Detection[]): Detection[] {
  const ranked = [...found].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.confidence - a.confidence || PRIORITY[b.kind] - PRIORITY[a.kind] || a.start - b.start,
  );
  const kept: Detection[] = [];
  for (const d of ranked) {
    if (kept.some((k) => k.start < d.end && d.start < k.end)) continue;
    kept.push(d);
  }
  return kept.sort((a, b) => a.start - b.start);
}
