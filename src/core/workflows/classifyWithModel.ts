import type { Message } from '../case/caseSchema';
import { classifyOutput, classifyPrompt } from '../model/prompts/classifyPrompt';
import type { Classification } from '../scenario/classifyQuestion';
import { SCENARIO_DIMENSIONS } from '../scenario/labels';
import type { StructuredClient, WorkflowOptions } from './workflowOptions';

export interface ClassifyInput {
  conversation: readonly Message[];
  /** The offline classification, with any audience/reviewer overrides already applied. */
  offline: Classification;
}

/**
 * Refines the offline labels with the model's: a reviewer's or the case's audience label always stands; the
 * model's label replaces an offline one unless the model says `unknown`.
 */
export async function classifyWithModel(
  client: StructuredClient,
  input: ClassifyInput,
  options: WorkflowOptions = {},
): Promise<Classification> {
  options.onProgress?.({ done: 0, total: 1, message: 'classifying' });
  const votes = await client.completeJson(classifyOutput, classifyPrompt(input.conversation), {
    signal: options.signal,
    cache: true,
  });
  const result: Classification = {
    scenario: { ...input.offline.scenario },
    confidence: { ...input.offline.confidence },
    source: { ...input.offline.source },
    evidence: { ...input.offline.evidence },
    concepts: input.offline.concepts,
    redFlags: input.offline.redFlags,
    language: input.offline.language,
  };
  for (const dimension of SCENARIO_DIMENSIONS) {
    const vote = votes[dimension];
    const fixed = result.source[dimension] === 'reviewer' || result.source[dimension] === 'audience';
    if (fixed || vote.label === 'unknown') continue;
    // A red flag found in the question is never talked down: the model may raise urgency, not lower it.
    if (dimension === 'urgency' && lowersUrgency(result.scenario.urgency, vote.label)) continue;
    (result.scenario as Record<string, string>)[dimension] = vote.label;
    result.confidence[dimension] = vote.confidence;
    result.source[dimension] = 'model';
    result.evidence[dimension] = `labelled by ${client.model}`;
  }
  options.onProgress?.({ done: 1, total: 1 });
  return result;
}

const RANK: Record<string, number> = { unknown: -1, 'non-emergent': 0, 'conditionally-emergent': 1, emergent: 2 };

function lowersUrgency(offline: string, model: string): boolean {
  return RANK[offline]! >= 1 && RANK[model]! < RANK[offline]!;
}
