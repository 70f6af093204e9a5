import type { ConceptLexicon } from '../concepts/conceptLexicon';
import type { Principle } from '../principles/principle';
import { selectPrinciples, type SelectedPrinciple } from '../lint/selectPrinciples';
import { principleOf, type RubricItem } from '../rubric/rubricItem';
import type { Scenario } from '../scenario/labels';

/** More than this and the principles drown the case in the prompt. */
export const PROMPT_PRINCIPLE_LIMIT = 20;

/** The principles named by the case's rubric, then the top of the ranked pool, without repeats. */
export function applicablePrinciples(
  principles: readonly Principle[],
  scenario: Scenario,
  question: string,
  rubric: readonly Pick<RubricItem, 'tags'>[] = [],
  limit = PROMPT_PRINCIPLE_LIMIT,
  lexicon?: ConceptLexicon,
): Principle[] {
  return promptPrinciples(principles, selectPrinciples(principles, scenario, question, lexicon), rubric, limit);
}

/** The same from a selection already made (a Case keeps its own). */
export function promptPrinciples(
  principles: readonly Principle[],
  selected: readonly SelectedPrinciple[],
  rubric: readonly Pick<RubricItem, 'tags'>[] = [],
  limit = PROMPT_PRINCIPLE_LIMIT,
): Principle[] {
  const byId = new Map(principles.map((p) => [p.id, p]));
  const chosen = new Map<string, Principle>();
  for (const item of rubric) {
    const principle = byId.get(principleOf(item) ?? '');
    if (principle && !principle.disabled) chosen.set(principle.id, principle);
  }
  for (const { principle } of selected) {
    if (chosen.size >= limit) break;
    chosen.set(principle.id, principle);
  }
  return [...chosen.values()];
}
