/** Words that carry no requirement of their own, ignored when comparing criteria. */
const FILLER = new Set(
  'a an the and or of to for in on at by with without from as is are be that this these those it its their they them the their such e g eg i e ie when where which who than then there any each every into about'.split(
    ' ',
  ),
);

/** The content words of a criterion, lower-cased, with a plural or third-person "s" dropped. */
export function criterionWords(criterion: string): ReadonlySet<string> {
  const all = criterion.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(
    all
      .filter((w) => !FILLER.has(w))
      .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)),
  );
}

/** Share of content words two criteria have in common (Jaccard), 0…1. */
export function criterionSimilarity(a: string, b: string): number {
  return wordSimilarity(criterionWords(a), criterionWords(b));
}

/** Above this, two criteria ask for the same thing in different words. */
export const NEAR_DUPLICATE = 0.75;

export function nearDuplicate(a: string, b: string): boolean {
  return criterionSimilarity(a, b) >= NEAR_DUPLICATE;
}

/**
 * nearDuplicate for one task that compares many criteria with one another (offline synthesis compares every
 * candidate with the question's items; a rubric check, every item with the earlier ones): each criterion's
 * words are worked out once. The task owns it; at most `limit` criteria are remembered.
 */
export class CriterionComparer {
  private readonly words = new Map<string, ReadonlySet<string>>();

  constructor(private readonly limit = 4096) {}

  nearDuplicate(a: string, b: string): boolean {
    return wordSimilarity(this.wordsOf(a), this.wordsOf(b)) >= NEAR_DUPLICATE;
  }

  private wordsOf(criterion: string): ReadonlySet<string> {
    let words = this.words.get(criterion);
    if (!words) {
      if (this.words.size >= this.limit) this.words.clear();
      this.words.set(criterion, (words = criterionWords(criterion)));
    }
    return words;
  }
}

function wordSimilarity(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}
