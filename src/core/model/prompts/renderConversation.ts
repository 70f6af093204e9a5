import type { Message } from '../../case/caseSchema';

/** Turns as `role: content`, a blank line between them — the layout judges are used to seeing. */
export function renderConversation(conversation: readonly Message[], response?: string): string {
  const turns =
    response === undefined ? conversation : [...conversation, { role: 'assistant' as const, content: response }];
  return turns.map((turn) => `${turn.role}: ${turn.content}`).join('\n\n');
}

/** A rubric item as a judge reads it: `[points] criterion`. */
export function renderRubricItem(item: { points: number; criterion: string }): string {
  return `[${item.points}] ${item.criterion}`;
}
