import type { Case } from './case';

/** What a workflow needs a case to have besides sound front matter. */
export type CaseNeed = 'question' | 'answer' | 'rubric';

export interface NotReady {
  need: 'front matter' | CaseNeed;
  /** For the user, lower case, no final stop: the CLI prints `skipped (…)`, the editor a notification. */
  message: string;
}

/** What each workflow needs; the CLI and the editor refuse a case by the same list. */
export const WORKFLOW_NEEDS = {
  classify: ['question'],
  synthesize: ['question'],
  check: ['question'],
  revise: ['question', 'answer'],
  grade: ['question', 'answer', 'rubric'],
} as const satisfies Record<string, readonly CaseNeed[]>;

/**
 * Why a workflow cannot run on this case yet, or undefined when it can: the one readiness check. The answer
 * counts as missing when only ClinAlign's own comments are there (a new case's "Write the answer below").
 */
export function notReady(c: Pick<Case, 'document' | 'answer'>, needs: readonly CaseNeed[]): NotReady | undefined {
  const { document } = c;
  const problem = document.problems[0];
  if (problem) return { need: 'front matter', message: `fix the front matter first (${problem.message})` };
  if (needs.includes('question') && document.question.trim() === '') {
    return { need: 'question', message: 'no question: add `prompt:` or `conversation:` to the front matter' };
  }
  if (needs.includes('answer') && c.answer.trim() === '') return { need: 'answer', message: 'no answer yet' };
  if (needs.includes('rubric') && (document.data.rubric ?? []).length === 0)
    return { need: 'rubric', message: 'no rubric yet' };
  return undefined;
}
