import * as z from 'zod';
import type { Message } from '../../case/caseSchema';
import { SCENARIO_LABELS } from '../../scenario/labels';
import { outputSchema } from '../outputSchema';
import { renderConversation } from './renderConversation';

const vote = <L extends readonly [string, ...string[]]>(labels: L) =>
  z.object({ label: z.enum([...labels, 'unknown'] as [string, ...string[]]), confidence: z.number().min(0).max(1) });

export const classifyOutput = outputSchema(
  'classify_scenario',
  z.object({
    urgency: vote(SCENARIO_LABELS.urgency),
    uncertainty: vote(SCENARIO_LABELS.uncertainty),
    expertise: vote(SCENARIO_LABELS.expertise),
    task: vote(SCENARIO_LABELS.task),
  }),
);
export type ClassifyOutput = z.infer<typeof classifyOutput.schema>;

const INSTRUCTIONS = `You sort health questions into clinical scenarios so that the right principles are applied to the answer.
Read the conversation and label it on four dimensions. Give each label a confidence from 0 to 1; use "unknown" with confidence 0 when the conversation gives nothing to go on.

urgency — how soon the person may need care:
  emergent: signs that call for emergency care now.
  conditionally-emergent: emergency care only if certain facts hold (facts the conversation does not settle).
  non-emergent: no sign that care is needed urgently.
uncertainty — how sure a good answer can be:
  none: the facts given are enough for a confident answer.
  reducible: asking for a few more details would settle it.
  irreducible: even with more details the evidence itself is uncertain.
expertise — who is asking:
  clinician: a health professional (clinical vocabulary, asks about management, doses, guidelines).
  layperson: anyone else.
task — what is asked for:
  advice: what the person should do.
  information: an explanation of a condition, test or treatment.
  health-data: writing, summarising, coding or restructuring clinical documents or data.`;

export function classifyPrompt(conversation: readonly Message[]): Message[] {
  return [
    { role: 'system', content: INSTRUCTIONS },
    {
      role: 'user',
      content: `## Conversation\n\n${renderConversation(conversation)}\n\n## Task\n\nLabel this conversation on the four dimensions.`,
    },
  ];
}
