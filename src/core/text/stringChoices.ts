/** Every concatenation of one string of `left` with one of `right`, or undefined when there would be more than `most`. */
export function concatenations(left: string[], right: string[], most: number): string[] | undefined {
  if (left.length * right.length > most) return undefined;
  if (left.length === 1 && right.length === 1) return [left[0]! + right[0]!]; // the common case: one more letter
  return unique(left.flatMap((l) => right.map((r) => l + r)));
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}
