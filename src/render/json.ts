/** One JSON document, two-space indent, newline-terminated; key order as built. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
