// Questions about ascending lists of offsets, answered by binary search.

/** Index of the first position ≥ `value` (the list's length when there is none). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first position > `value` (the list's length when there is none). */
export function upperBound(sorted: readonly number[], value: number): number {
  return lowerBound(sorted, value + 1);
}

/** How many positions lie in [from, to). */
export function countBetween(sorted: readonly number[], from: number, to: number): number {
  return to <= from ? 0 : lowerBound(sorted, to) - lowerBound(sorted, from);
}

/** The last position in [from, to), or -1. */
export function lastBetween(sorted: readonly number[], from: number, to: number): number {
  const last = lowerBound(sorted, to) - 1;
  return last >= 0 && sorted[last]! >= from ? sorted[last]! : -1;
}

/**
 * The union of ascending lists, ascending and without repeats; undefined when every list is undefined. One
 * list is returned as it is (not copied): callers only read it.
 */
export function unionOfSorted(lists: Iterable<readonly number[] | undefined>): readonly number[] | undefined {
  let union: readonly number[] | undefined;
  let merged = false;
  for (const list of lists) {
    if (!list) continue;
    merged = union !== undefined;
    union = union ? [...union, ...list] : list;
  }
  return merged ? [...new Set(union)].sort((a, b) => a - b) : union;
}
