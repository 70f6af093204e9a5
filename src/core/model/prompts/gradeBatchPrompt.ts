import * as z from 'zod';
import type { Message } from '../../case/caseSchema';
import { outputSchema } from '../outputSchema';
import { GRADING_RULES } from './gradeItemPrompt';
import { renderConversation, renderRubricItem } from './renderConversation';

export const gradeBatchOutput = outputSchema(
  'grade_batch',
  z.object({
    results: z.array(z.object({ item: z.number().int().min(1), explanation: z.string(), criteria_met: z.boolean() })),
  }),
);
export type GradeBatchOutput = z.infer<typeof gradeBatchOutput.schema>;

const INSTRUCTIONS = `You grade one answer in a health conversation against every item of a rubric, judging each item on its own.
The conversation ends with the assistant's answer being graded. Items are numbered and shown as [points] criterion.
${GRADING_RULES}
Return one result per item, in order, with the item's number, a short explanation and criteria_met.`;

export interface GradeBatchPromptInput {
  conversation: readonly Message[];
  response: string;
  items: readonly { points: number; criterion: string }[];
}

export function gradeBatchPrompt(input: GradeBatchPromptInput): Message[] {
  const items = input.items.map((item, index) => `${index + 1}. ${renderRubricItem(item)}`).join('\n');
  return [
    { role: 'system', content: INSTRUCTIONS },
    {
      role: 'user',
      content: `## Conversation\n\n${renderConversation(input.conversation, input.response)}\n\n## Rubric items\n\n${items}`,
    },
  ];
}
