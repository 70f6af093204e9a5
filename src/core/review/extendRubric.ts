import { CriterionComparer } from '../rubric/criterionSimilarity';
import type { RubricItem } from '../rubric/rubricItem';
import { RUBRIC_LIMITS } from '../rubric/rubricWarnings';

/**
 * The synthesized items worth adding to an existing rubric: those that do not repeat an item already there
 * (in other words too), up to the rubric's maximum size. For an empty rubric: the whole draft.
 */
export function itemsToAdd(
  existing: readonly Pick<RubricItem, 'criterion'>[],
  synthesized: readonly RubricItem[],
): RubricItem[] {
  const added: RubricItem[] = [];
  const comparer = new CriterionComparer();
  for (const item of synthesized) {
    if (existing.length + added.length >= RUBRIC_LIMITS.maxItems) break;
    if ([...existing, ...added].some((e) => comparer.nearDuplicate(e.criterion, item.criterion))) continue;
    added.push(item);
  }
  return added;
}
