import type { Message } from '../case/caseSchema';
import { reviseOutput, revisePrompt } from '../model/prompts/revisePrompt';
import type { PromptPrinciple } from '../model/prompts/renderPrinciples';
import { unmetItems, type GradeResult } from './gradeAnswer';
import type { StructuredClient, WorkflowOptions } from './workflowOptions';

export interface ReviseInput {
  conversation: readonly Message[];
  answer: string;
  /** The principles that apply to the case (statements are shown to the model). */
  principles: readonly PromptPrinciple[];
  /** The draft's grade, whose unmet items the revision should address. */
  grade?: Pick<GradeResult, 'items'>;
  /** Current findings (lint or model check) on the draft. */
  findings?: readonly { principleId: string; quote?: string; message: string }[];
}

export interface Revision {
  answer: string;
  /** Ids the model says its changes address, limited to the principles it was given. */
  addressedPrinciples: string[];
  summary: string;
  model: string;
}

/** One round of guided self-revision. Never cached: asking again is how a reviewer gets another proposal. */
export async function reviseAnswer(
  client: StructuredClient,
  input: ReviseInput,
  options: WorkflowOptions = {},
): Promise<Revision> {
  options.onProgress?.({ done: 0, total: 1, message: 'revising' });
  const reply = await client.completeJson(
    reviseOutput,
    revisePrompt({
      conversation: input.conversation,
      draft: input.answer,
      principles: input.principles,
      unmetItems: input.grade ? unmetItems(input.grade) : [],
      findings: input.findings ?? [],
    }),
    { signal: options.signal },
  );
  options.onProgress?.({ done: 1, total: 1 });
  const known = new Set(input.principles.map((p) => p.id));
  return {
    answer: keepTrailingNewline(input.answer, reply.revised_answer),
    addressedPrinciples: [...new Set(reply.addressed_principles.filter((id) => known.has(id)))],
    summary: reply.summary.trim(),
    model: client.model,
  };
}

/** Keeps the draft's final newline (or its absence) so a revision does not show a spurious last-line change. */
function keepTrailingNewline(draft: string, revised: string): string {
  const body = revised.replace(/\s+$/, '');
  return draft.endsWith('\n') ? `${body}\n` : body;
}
