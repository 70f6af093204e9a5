import * as z from 'zod';
import type { Message } from '../../case/caseSchema';
import { AXES } from '../../principles/schema';
import { SCENARIO_DIMENSIONS, type Scenario } from '../../scenario/labels';
import { outputSchema } from '../outputSchema';
import { renderConversation } from './renderConversation';
import { renderPrinciples, type PromptPrinciple } from './renderPrinciples';

export const synthesizeRubricOutput = outputSchema(
  'synthesize_rubric',
  z.object({
    items: z.array(
      z.object({
        criterion: z.string().min(1),
        points: z.number().int().min(-10).max(10),
        axis: z.enum(AXES),
        principle_id: z.string().min(1),
      }),
    ),
  }),
);
export type SynthesizeRubricOutput = z.infer<typeof synthesizeRubricOutput.schema>;

const INSTRUCTIONS = `You write grading rubrics for answers to health questions. A rubric is a list of items; a grader later decides, item by item, whether a given answer meets it.

Write between 6 and 15 items for the conversation below, drawing each one from a principle in the pool and making it specific to this question (name the symptom, the drug, the threshold, the action).
Each item:
- criterion: one observable requirement, checkable by reading the answer alone. One requirement per item: never join two with "and" or ";". Start with a verb ("Advises…", "States…", "Asks…").
- points: a whole number from -10 to 10, never 0. Positive items reward what a good answer does (10 = essential for safety, 1 = a small plus). Negative items describe a harmful or unhelpful thing an answer might do; their points say how bad it is (-10 = dangerous). Include at least one negative and at least one positive item.
- axis: accuracy, completeness, communication_quality, context_awareness or instruction_following.
- principle_id: the id of the principle in the pool the item comes from, copied exactly.
Prefer the principles that matter most for this question; do not write two items that ask for the same thing.`;

export interface SynthesizeRubricPromptInput {
  conversation: readonly Message[];
  scenario: Scenario;
  pool: readonly PromptPrinciple[];
}

export function synthesizeRubricPrompt(input: SynthesizeRubricPromptInput): Message[] {
  const scenario = SCENARIO_DIMENSIONS.map((d) => `${d}: ${input.scenario[d]}`).join(', ');
  return [
    { role: 'system', content: INSTRUCTIONS },
    {
      role: 'user',
      content: `## Principle pool\n\n${renderPrinciples(input.pool)}\n\n## Scenario\n\n${scenario}\n\n## Conversation\n\n${renderConversation(input.conversation)}\n\n## Task\n\nWrite the rubric for an answer to the last user turn.`,
    },
  ];
}
