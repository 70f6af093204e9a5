import * as z from 'zod';
import type { Message } from '../../case/caseSchema';
import { outputSchema } from '../outputSchema';
import { renderConversation, renderRubricItem } from './renderConversation';
import { renderPrinciples, type PromptPrinciple } from './renderPrinciples';

export const reviseOutput = outputSchema(
  'revise_answer',
  z.object({ revised_answer: z.string().min(1), addressed_principles: z.array(z.string()), summary: z.string() }),
);
export type ReviseOutput = z.infer<typeof reviseOutput.schema>;

const INSTRUCTIONS = `You revise a draft answer to a health question so that it follows the clinical principles given and satisfies the rubric items it currently misses.
Keep everything in the draft that is correct and useful, keep its language, format (Markdown) and voice, and change only what the principles, the unmet items and the findings call for. Do not add facts you are unsure of; where the right answer depends on details the person has not given, say what would change the advice.
Positive items are things the answer should do; negative items are things it currently does and should stop doing.
Return the full revised answer (not a diff), the ids of the principles your changes address, and a one- or two-sentence summary of what changed for the reviewer.`;

export interface RevisePromptInput {
  conversation: readonly Message[];
  draft: string;
  principles: readonly PromptPrinciple[];
  /** Positive items not met and negative items met by the draft. */
  unmetItems: readonly { points: number; criterion: string }[];
  findings: readonly { principleId: string; quote?: string; message: string }[];
}

export function revisePrompt(input: RevisePromptInput): Message[] {
  const items =
    input.unmetItems.length > 0 ? input.unmetItems.map((item) => `- ${renderRubricItem(item)}`).join('\n') : '(none)';
  const findings =
    input.findings.length > 0
      ? input.findings.map((f) => `- ${f.principleId}: ${f.quote ? `“${f.quote}” — ` : ''}${f.message}`).join('\n')
      : '(none)';
  return [
    { role: 'system', content: INSTRUCTIONS },
    {
      role: 'user',
      content: `## Principles\n\n${renderPrinciples(input.principles)}\n\n## Conversation\n\n${renderConversation(input.conversation)}\n\n## Draft answer\n\n${input.draft}\n\n## Rubric items the draft misses\n\n${items}\n\n## Findings on the draft\n\n${findings}`,
    },
  ];
}
