import type { Case } from './case';
import { caseGradeInput } from './caseGradeInput';
import { gradeAnswer, type GradeOptions, type GradeResult } from './gradeAnswer';
import type { StructuredClient } from './workflowOptions';

/** A case that cannot be graded yet (no answer, no rubric): the front ends check notReady first. */
export class NotGradableError extends Error {
  override readonly name = 'NotGradableError';
}

/**
 * The one grading of a case, for `clinalign grade` and the editor's "Grade answer": the answer as export
 * writes it against the case's rubric (caseGradeInput), per item unless `mode: 'batch'`.
 */
export async function gradeCase(
  client: StructuredClient,
  c: Pick<Case, 'document'>,
  options: GradeOptions = {},
): Promise<GradeResult> {
  const prepared = caseGradeInput(c.document);
  if ('skip' in prepared) throw new NotGradableError(prepared.skip);
  return gradeAnswer(client, prepared.input, options);
}
