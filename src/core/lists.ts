// Appending one list to another without spreading it into a call's arguments: a call
// takes its arguments on the stack, and a list of a corpus's size (the lines of an
// exported project, the codings of a large study) overflows it.

/** Appends every item of `items` to `target`, in order. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}
