import { rubricItemSchema, type RubricItem } from '../case/caseSchema';
import { AXES, type Axis } from '../principles/schema';

// One schema for a rubric item wherever it is written: the case front matter's is the HealthBench shape.
export { rubricItemSchema, type RubricItem };

/** The tags a synthesized item carries: `level:example`, `axis:<axis>`, `principle:<id>`. */
export function rubricTags(axis: Axis, principleId: string): string[] {
  return ['level:example', `axis:${axis}`, `principle:${principleId}`];
}

/** The item's `axis:` tag, if it has a known one. */
export function axisOf(item: Pick<RubricItem, 'tags'>): Axis | undefined {
  const axis = tagValue(item, 'axis');
  return (AXES as readonly string[]).includes(axis ?? '') ? (axis as Axis) : undefined;
}

/** The id in the item's `principle:` tag, if any. */
export function principleOf(item: Pick<RubricItem, 'tags'>): string | undefined {
  return tagValue(item, 'principle');
}

function tagValue(item: Pick<RubricItem, 'tags'>, key: string): string | undefined {
  const prefix = `${key}:`;
  return item.tags.find((tag) => tag.startsWith(prefix))?.slice(prefix.length);
}
