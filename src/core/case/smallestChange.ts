import type { FrontMatterEdit } from './writeFrontMatter';

/** The edit that turns `before` into `after`, as the smallest replaced span (so Undo and diffs stay small). */
export function smallestChange(before: string, after: string): FrontMatterEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (
    tail < before.length - start &&
    tail < after.length - start &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  return { text: after, start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}
