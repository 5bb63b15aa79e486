/** One JSON document, two-space indent, newline-terminated; key order as built. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, finiteOrNull, 2)}\n`;
}

/**
 * The same bytes as renderJson({ ...head, [listKey]: [...items] }), in pieces: the head,
 * then each item as it comes, so a document whose list is a whole corpus is never built
 * whole (the list is its last key).
 */
export function* renderJsonPieces(head: Record<string, unknown>, listKey: string, items: Iterable<unknown>): Generator<string> {
  const opened = JSON.stringify(head, finiteOrNull, 2);
  const prefix = `${opened === '{}' ? '{' : `${opened.slice(0, -2)},`}\n  ${JSON.stringify(listKey)}: [`;
  let first = true;
  for (const item of items) {
    // Inside the list an item sits two levels deep; its own lines are indented from there.
    const text = JSON.stringify(item === undefined ? null : item, finiteOrNull, 2).replaceAll('\n', '\n    ');
    yield `${first ? prefix : ','}\n    ${text}`;
    first = false;
  }
  yield first ? `${prefix}]\n}\n` : '\n  ]\n}\n';
}

/** JSON has no NaN or Infinity: a statistic that is undefined prints as null. */
function finiteOrNull(_key: string, v: unknown): unknown {
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}
