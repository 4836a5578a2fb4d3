/**
 * The first index of a sorted list whose item is not `before` the sought place (the list's
 * length when every item is): a binary search, for lists kept in document order.
 */
export function firstNotBefore<T>(items: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(items[mid])) low = mid + 1;
    else high = mid;
  }
  return low;
}
