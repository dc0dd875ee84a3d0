/**
 * How deeply `value` nests arrays and objects (0 for a scalar, 1 for `[]`), counted without recursion so
 * that a hostile body cannot overflow the stack here; the walk stops once it is past `limit`.
 */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) pending.push([child, here]);
  }
  return deepest;
}
