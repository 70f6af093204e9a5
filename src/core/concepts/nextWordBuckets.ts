/**
 * The phrases that begin with one word, split by what their second word can be. Common first words ("a",
 * "not", "the", "blood") begin hundreds of phrases; looking up the next token's word leaves the few that can
 * still match, instead of checking every phrase's second step at every occurrence.
 */
export interface NextWordBuckets<P> {
  /** Phrases of one step, or whose second step is not a plain list of words (any word, a number, prefixes). */
  always: P[];
  /** The other phrases, by each word their second step accepts (a phrase may be under several). */
  byNext: Map<string, P[]>;
  /** How many phrases the list held when split: a longer list (a phrase added since) is split again. */
  size: number;
}

/** `secondWords` gives the words a phrase's second step accepts, or undefined when it is not only words. */
export function splitByNextWord<P>(
  phrases: readonly P[],
  secondWords: (phrase: P) => Iterable<string> | undefined,
): NextWordBuckets<P> {
  const buckets: NextWordBuckets<P> = { always: [], byNext: new Map(), size: phrases.length };
  for (const phrase of phrases) {
    const words = secondWords(phrase);
    if (!words) {
      buckets.always.push(phrase);
      continue;
    }
    for (const word of words) {
      const list = buckets.byNext.get(word);
      if (list) {
        if (list[list.length - 1] !== phrase) list.push(phrase); // a word listed twice in one step
      } else buckets.byNext.set(word, [phrase]);
    }
  }
  return buckets;
}
