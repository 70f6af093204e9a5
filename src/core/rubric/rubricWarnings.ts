import { CriterionComparer } from './criterionSimilarity';
import { axisOf, type RubricItem } from './rubricItem';

export const RUBRIC_LIMITS = { minItems: 6, maxItems: 15, minAxes: 3 } as const;

export type RubricRule =
  'not-atomic' | 'duplicate' | 'no-negative' | 'no-positive' | 'few-axes' | 'missing-axis' | 'item-count';

export interface RubricWarning {
  rule: RubricRule;
  message: string;
  /** Indexes of the items concerned; empty when the warning is about the rubric as a whole. */
  items: number[];
}

/**
 * "…, and gives X" is a second requirement; "age, duration and history" is not, so "and" counts only before
 * a verb criteria start with. "or" offers alternatives, either of which meets the one requirement.
 */
const REQUIREMENT_VERB =
  /\band\s+(?:also\s+|then\s+)?(?:acknowledges|addresses|adapts|advises|asks|avoids|calls|cites|clarifies|corrects|describes|directs|discusses|distinguishes|emphasi[sz]es|encourages|explains|flags|gives|identifies|includes|instructs|interprets|invites|keeps|limits|lists|mentions|names|notes|offers|organi[sz]es|points|preserves|produces|provides|qualifies|reassures|recommends|refers|specifies|states|structures|suggests|summari[sz]es|tells|urges|uses|warns)\b/i;

/** The checks a reviewer applies to a rubric: each item atomic and distinct, both signs, several axes. */
export function rubricWarnings(items: readonly Pick<RubricItem, 'criterion' | 'points' | 'tags'>[]): RubricWarning[] {
  const warnings: RubricWarning[] = [];
  const comparer = new CriterionComparer();
  items.forEach((item, index) => {
    const joined = item.criterion.includes(';') ? '";"' : REQUIREMENT_VERB.exec(item.criterion)?.[0];
    if (joined) {
      warnings.push({
        rule: 'not-atomic',
        items: [index],
        message: `item ${index + 1} joins several requirements (${joined.startsWith('"') ? joined : `“${joined}”`}); split it so each can be met on its own`,
      });
    }
    if (!axisOf(item))
      warnings.push({ rule: 'missing-axis', items: [index], message: `item ${index + 1} has no axis: tag` });
    for (let earlier = 0; earlier < index; earlier++) {
      if (comparer.nearDuplicate(items[earlier]!.criterion, item.criterion)) {
        warnings.push({
          rule: 'duplicate',
          items: [earlier, index],
          message: `items ${earlier + 1} and ${index + 1} ask for the same thing`,
        });
        break;
      }
    }
  });
  if (items.length === 0) return [{ rule: 'item-count', items: [], message: 'the rubric is empty' }];
  if (!items.some((i) => i.points < 0)) {
    warnings.push({
      rule: 'no-negative',
      items: [],
      message: 'no negative item: the rubric does not penalise any harmful behaviour',
    });
  }
  if (!items.some((i) => i.points > 0)) {
    warnings.push({
      rule: 'no-positive',
      items: [],
      message: 'no positive item: the score is undefined without positive points',
    });
  }
  const axes = new Set(items.map(axisOf).filter((a) => a !== undefined));
  if (axes.size < RUBRIC_LIMITS.minAxes) {
    warnings.push({
      rule: 'few-axes',
      items: [],
      message: `${axes.size} ${axes.size === 1 ? 'axis' : 'axes'} (${[...axes].join(', ') || 'none'}); use at least ${RUBRIC_LIMITS.minAxes}`,
    });
  }
  if (items.length < RUBRIC_LIMITS.minItems || items.length > RUBRIC_LIMITS.maxItems) {
    warnings.push({
      rule: 'item-count',
      items: [],
      message: `${items.length} items; use ${RUBRIC_LIMITS.minItems}–${RUBRIC_LIMITS.maxItems}`,
    });
  }
  return warnings;
}
