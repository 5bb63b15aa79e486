// Clock times as export tools write them beside names and on lines of their own.

/** `0:09`, `12:31`, `1:02:05`, `00:00:44.5`: what the layouts accept as a written time. */
export const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;

const BARE_TIME = new RegExp(String.raw`^(?:\[(${CLOCK})\]|(${CLOCK}))$`);

/** The clock of a line that holds only a time (`0:00:17`, `[00:00:44]`), or undefined. */
export function bareTime(line: string): string | undefined {
  const m = BARE_TIME.exec(line);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** `Name  0:09` (two or more spaces, or a tab, before the time): Otter and Teams. */
const NAME_TIME = new RegExp(String.raw`^(\S.*?)(?: {2,}|\t)[ \t]*(${CLOCK})$`);

export function nameTime(line: string): { name: string; start: string } | undefined {
  const m = NAME_TIME.exec(line);
  return m ? { name: (m[1] as string).trim(), start: m[2] as string } : undefined;
}

/** `Speaker 1 (00:09):` alone or followed by the words: Rev and similar services. */
const REV_LABEL = new RegExp(String.raw`^(\S.*?)[ \t]*\((${CLOCK})\):(?:[ \t]+(.*))?$`);

export function revLabel(line: string): { name: string; start: string; words?: string } | undefined {
  // The pattern tries every position of a line for "(": most lines have no "):" at all.
  if (!line.includes('):')) return undefined;
  const m = REV_LABEL.exec(line);
  if (!m) return undefined;
  const out: { name: string; start: string; words?: string } = { name: (m[1] as string).trim(), start: m[2] as string };
  if (m[3] && m[3].trim() !== '') out.words = m[3].trim();
  return out;
}
