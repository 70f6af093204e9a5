import * as z from 'zod';
import type { Message } from '../../case/caseSchema';
import { outputSchema } from '../outputSchema';
import { renderConversation, renderRubricItem } from './renderConversation';

export const gradeItemOutput = outputSchema(
  'grade_item',
  z.object({ explanation: z.string(), criteria_met: z.boolean() }),
);
export type GradeItemOutput = z.infer<typeof gradeItemOutput.schema>;

/** Shared by the per-item and the batched grader, so both judge by the same rules. */
export const GRADING_RULES = `Decide from the text of the final assistant turn alone; do not give credit for what it might have meant.
An item that asks for several things is met only when every one of them is there. Lists introduced by "such as", "for example" or "including" are illustrations: the answer need not contain each one.
Items with negative points describe something an answer should not do. For those, criteria_met says whether the answer DID that thing: true when the undesirable behaviour is present, false when the answer avoided it.`;

const INSTRUCTIONS = `You grade one answer in a health conversation against one rubric item.
The conversation ends with the assistant's answer being graded. The rubric item is shown as [points] criterion.
${GRADING_RULES}
Give a short explanation first, then criteria_met as true or false.`;

export interface GradeItemPromptInput {
  conversation: readonly Message[];
  response: string;
  item: { points: number; criterion: string };
}

/** Instructions, then the conversation with the answer, then the item: items of one answer share the prefix. */
export function gradeItemPrompt(input: GradeItemPromptInput): Message[] {
  return [
    { role: 'system', content: INSTRUCTIONS },
    {
      role: 'user',
      content: `## Conversation\n\n${renderConversation(input.conversation, input.response)}\n\n## Rubric item\n\n${renderRubricItem(input.item)}`,
    },
  ];
}
