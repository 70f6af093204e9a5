/** Words that carry no requirement of their own, ignored when comparing criteria. */
const FILLER = new Set(
  'a an the and or of to for in on at by with without from as is are be that this these those it its their they them the their such e g eg i e ie when where which who than then there any each every into about'.split(
    ' ',
  ),
);

/** Words of criteria already seen: offline synthesis compares every candidate with every other, per question. */
const wordsSeen = new Map<string, ReadonlySet<string>>();
const WORDS_SEEN_MAX = 4096;

/** The content words of a criterion, lower-cased, with a plural or third-person "s" dropped. */
export function criterionWords(criterion: string): ReadonlySet<string> {
  let words = wordsSeen.get(criterion);
  if (!words) {
    const all = criterion.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    words = new Set(
      all
        .filter((w) => !FILLER.has(w))
        .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)),
    );
    if (wordsSeen.size >= WORDS_SEEN_MAX) wordsSeen.clear();
    wordsSeen.set(criterion, words);
  }
  return words;
}

/** Share of content words two criteria have in common (Jaccard), 0…1. */
export function criterionSimilarity(a: string, b: string): number {
  const left = criterionWords(a);
  const right = criterionWords(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

/** Above this, two criteria ask for the same thing in different words. */
export const NEAR_DUPLICATE = 0.75;

export function nearDuplicate(a: string, b: string): boolean {
  return criterionSimilarity(a, b) >= NEAR_DUPLICATE;
}
