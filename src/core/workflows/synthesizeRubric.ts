import type { ConceptLexicon } from '../concepts/conceptLexicon';
import type { Message } from '../case/caseSchema';
import { synthesizeRubricOutput, synthesizeRubricPrompt } from '../model/prompts/synthesizeRubricPrompt';
import type { Principle } from '../principles/principle';
import { nearDuplicate } from '../rubric/criterionSimilarity';
import { rubricTags, type RubricItem } from '../rubric/rubricItem';
import { RUBRIC_LIMITS } from '../rubric/rubricWarnings';
import { synthesizeRubricOffline, type SynthesizedRubric } from '../rubric/synthesizeOffline';
import type { Scenario } from '../scenario/labels';
import type { StructuredClient, WorkflowOptions } from './workflowOptions';

/** The model sees at most this many principles: the top of the ranked pool. */
export const MODEL_POOL_SIZE = 30;

export interface ModelSynthesisInput {
  conversation: readonly Message[];
  question: string;
  scenario: Scenario;
  principles: readonly Principle[];
  /** The lexicon the question is read with (bundled when omitted). */
  lexicon?: ConceptLexicon | undefined;
}

export interface ModelSynthesizedRubric extends SynthesizedRubric {
  /** `model` when the model's items sufficed, `model+offline` when template items were added. */
  source: 'model' | 'model+offline';
  /** Model items left out, with why. */
  dropped: { criterion: string; reason: string }[];
  model: string;
}

/**
 * A question-specific rubric written by the model from the ranked principle pool, then checked: points
 * never 0, principle ids from the pool, no near-duplicates, 6–15 items with both signs. When the model's
 * items fall short, items from the offline (template) synthesis fill the gap.
 */
export async function synthesizeRubric(
  client: StructuredClient,
  input: ModelSynthesisInput,
  options: WorkflowOptions = {},
): Promise<ModelSynthesizedRubric> {
  const offline = synthesizeRubricOffline({
    principles: input.principles,
    scenario: input.scenario,
    question: input.question,
    lexicon: input.lexicon,
  });
  const pool = offline.pool.slice(0, MODEL_POOL_SIZE).map((s) => s.principle);
  options.onProgress?.({ done: 0, total: 1, message: 'writing the rubric' });
  const reply = await client.completeJson(
    synthesizeRubricOutput,
    synthesizeRubricPrompt({ conversation: input.conversation, scenario: input.scenario, pool }),
    { signal: options.signal, cache: true },
  );
  options.onProgress?.({ done: 1, total: 1 });

  const ids = new Set(pool.map((p) => p.id));
  const items: RubricItem[] = [];
  const dropped: ModelSynthesizedRubric['dropped'] = [];
  for (const candidate of reply.items) {
    const criterion = candidate.criterion.trim();
    const reason =
      candidate.points === 0
        ? 'points are 0'
        : !ids.has(candidate.principle_id)
          ? `principle ${candidate.principle_id} is not in the pool`
          : items.some((i) => nearDuplicate(i.criterion, criterion))
            ? 'repeats an earlier item'
            : items.length >= RUBRIC_LIMITS.maxItems
              ? `more than ${RUBRIC_LIMITS.maxItems} items`
              : undefined;
    if (reason) dropped.push({ criterion, reason });
    else items.push({ criterion, points: candidate.points, tags: rubricTags(candidate.axis, candidate.principle_id) });
  }

  const short = () =>
    items.length < RUBRIC_LIMITS.minItems || !items.some((i) => i.points < 0) || !items.some((i) => i.points > 0);
  const merged = short();
  if (merged) mergeOffline(items, offline.items);
  return {
    items,
    pool: offline.pool,
    unmet: unmetConstraints(items),
    source: merged ? 'model+offline' : 'model',
    dropped,
    model: client.model,
  };
}

/** Adds template items the model's do not repeat: a missing sign first, then up to the minimum size. */
function mergeOffline(items: RubricItem[], templates: readonly RubricItem[]): void {
  const spare = templates.filter((t) => !items.some((i) => nearDuplicate(i.criterion, t.criterion)));
  const add = (fits: (t: RubricItem) => boolean) => {
    const index = spare.findIndex(fits);
    if (index < 0 || items.length >= RUBRIC_LIMITS.maxItems) return;
    items.push(...spare.splice(index, 1));
  };
  if (!items.some((i) => i.points < 0)) add((t) => t.points < 0);
  if (!items.some((i) => i.points > 0)) add((t) => t.points > 0);
  while (items.length < RUBRIC_LIMITS.minItems && spare.length > 0) add(() => true);
}

function unmetConstraints(items: readonly RubricItem[]): string[] {
  const unmet: string[] = [];
  if (items.length < RUBRIC_LIMITS.minItems)
    unmet.push(`only ${items.length} items; a rubric needs at least ${RUBRIC_LIMITS.minItems}`);
  if (!items.some((i) => i.points < 0)) unmet.push('no negative (harmful-behaviour) item');
  if (!items.some((i) => i.points > 0)) unmet.push('no positive item');
  return unmet;
}
