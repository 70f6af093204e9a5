import type { RubricItem } from '../rubric/rubricItem';
import { synthesizeRubricOffline } from '../rubric/synthesizeOffline';
import type { Scenario } from '../scenario/labels';
import type { Case } from './case';
import { classifyWithModel } from './classifyWithModel';
import { synthesizeRubric } from './synthesizeRubric';
import type { StructuredClient, WorkflowOptions } from './workflowOptions';

export interface CaseRubric {
  /** The scenario the rubric was written for: the case's, refined by the model when there is one. */
  scenario: Scenario;
  items: RubricItem[];
  /** Constraints the library could not meet for this case. */
  unmet: string[];
  source: 'offline' | 'model' | 'model+offline';
  /** Model items left out, with why. */
  dropped: { criterion: string; reason: string }[];
  model?: string;
}

/**
 * The one rubric synthesis, for `clinalign synthesize` and the editor's "Synthesize rubric with model". With a
 * client, the model refines the case's scenario (its `audience:` and a reviewer's labels stand) and writes
 * items from the ranked principle pool, filled from the templates when short; without one, the templates alone.
 */
export async function synthesizeCase(
  client: StructuredClient | undefined,
  c: Case,
  options: WorkflowOptions = {},
): Promise<CaseRubric> {
  const { principles, lexicon } = c.library;
  if (!client) {
    const { items, unmet } = synthesizeRubricOffline({
      principles,
      scenario: c.scenario,
      question: c.question,
      lexicon,
    });
    return { scenario: c.scenario, items, unmet, source: 'offline', dropped: [] };
  }
  const { scenario } = await classifyWithModel(
    client,
    { conversation: c.document.conversation, offline: c.classification },
    options,
  );
  const rubric = await synthesizeRubric(
    client,
    { conversation: c.document.conversation, question: c.question, scenario, principles, lexicon },
    options,
  );
  return {
    scenario,
    items: rubric.items,
    unmet: rubric.unmet,
    source: rubric.source,
    dropped: rubric.dropped,
    model: rubric.model,
  };
}

/** A rubric with verified items is a reviewer's work: synthesis never overwrites it. */
export function hasVerifiedRubric(c: Pick<Case, 'document'>): boolean {
  return (c.document.data.rubric ?? []).some((item) => item.verified === true);
}
