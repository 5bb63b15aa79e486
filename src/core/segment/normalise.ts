// a BOM is dropped and CRLF/CR become LF before anything else looks at the
// text, so every reader and every offset agrees on one document text.

/** Drop a leading BOM and turn CRLF and lone CR into LF. Idempotent. */
export function normaliseText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}
