import * as z from 'zod';
import type { Message } from '../../case/caseSchema';
import { outputSchema } from '../outputSchema';
import { renderConversation } from './renderConversation';
import { renderPrinciples, type PromptPrinciple } from './renderPrinciples';

export const checkOutput = outputSchema(
  'check_answer',
  z.object({
    findings: z.array(z.object({ principle_id: z.string().min(1), quote: z.string().min(1), explanation: z.string() })),
  }),
);
export type CheckOutput = z.infer<typeof checkOutput.schema>;

const INSTRUCTIONS = `You review an answer to a health question against clinical principles and report where it falls short.
For each problem give the id of the principle it breaks (copied exactly), the exact words of the answer where it happens — copied character for character, a phrase or one sentence, never paraphrased — and a one-sentence explanation a writer can act on.
When the problem is something missing, quote the sentence where the missing content belongs.
Report only real problems; an answer that follows every principle gets an empty list.`;

export interface CheckPromptInput {
  conversation: readonly Message[];
  answer: string;
  principles: readonly PromptPrinciple[];
}

export function checkPrompt(input: CheckPromptInput): Message[] {
  const question = input.conversation.length > 0 ? renderConversation(input.conversation) : '(no question given)';
  return [
    { role: 'system', content: INSTRUCTIONS },
    {
      role: 'user',
      content: `## Principles\n\n${renderPrinciples(input.principles)}\n\n## Conversation\n\n${question}\n\n## Answer to review\n\n${input.answer}`,
    },
  ];
}
