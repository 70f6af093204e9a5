import type { CaseDocument } from '../case/parseCase';
import { caseAnswer } from '../case/caseAnswer';
import type { GradeInput } from './gradeAnswer';

export type CaseGradeInput = { input: GradeInput } | { skip: 'no answer to grade' | 'no rubric' };

/**
 * What grading a case sends to the judge, for the CLI and the editor alike: the answer as export writes it
 * (`caseAnswer`: no ClinAlign comments, no final line break), so `grade`, `eval` of the exported set and the
 * judge cache all see the same text. A case without an answer or without a rubric is not graded.
 */
export function caseGradeInput(document: Pick<CaseDocument, 'body' | 'conversation' | 'data'>): CaseGradeInput {
  const answer = caseAnswer(document.body);
  if (answer.trim() === '') return { skip: 'no answer to grade' };
  const rubric = document.data.rubric ?? [];
  if (rubric.length === 0) return { skip: 'no rubric' };
  return { input: { conversation: document.conversation, answer, rubric } };
}
