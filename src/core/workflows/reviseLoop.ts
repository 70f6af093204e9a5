import type { RubricItem } from '../rubric/rubricItem';
import { gradeAnswer, type GradeOptions, type GradeResult } from './gradeAnswer';
import { reviseAnswer, type ReviseInput, type Revision } from './reviseAnswer';
import type { RevisionSafety } from './revisionSafety';
import type { StructuredClient, WorkflowOptions } from './workflowOptions';

export interface ReviseLoopInput extends Omit<ReviseInput, 'grade'> {
  rubric: readonly Pick<RubricItem, 'criterion' | 'points' | 'tags'>[];
}

/** Revise rounds when the caller does not say: `clinalign revise --rounds` and `clinalign.model.revisionRounds`. */
export const DEFAULT_REVISION_ROUNDS = 1;

export interface ReviseLoopOptions extends WorkflowOptions {
  /** DEFAULT_REVISION_ROUNDS unless set. */
  maxRounds?: number;
  /** Stop once a round gains less than this (score units); the method reports diminishing returns. */
  minGain?: number;
  gradingMode?: GradeOptions['mode'];
  /** The safety gate (checkRevisionSafety): an unsafe revision is never kept, whatever its score. */
  safety?: (draft: string, revised: string, grades: { draft: GradeResult; revised: GradeResult }) => RevisionSafety;
  /** Told each answer once its grading calls are under way (the proxy lints it for the gate meanwhile). */
  whileGrading?: (answer: string) => void;
}

export interface RevisionRound {
  round: number;
  revision: Revision;
  grade: GradeResult;
  /** Whether this round's revision became the current answer. */
  kept: boolean;
  /** Set when the safety gate refused the revision. */
  unsafe?: string[];
}

export type StopReason = 'max-rounds' | 'perfect' | 'no-improvement' | 'diminishing-returns' | 'no-score';

export interface ReviseLoopResult {
  initial: GradeResult;
  rounds: RevisionRound[];
  /** The best answer seen (the draft when no round improved it), with its grade. */
  best: { answer: string; grade: GradeResult; round: number; addressedPrinciples: string[] };
  stoppedBecause: StopReason;
}

/**
 * Grade → revise → re-grade, up to `maxRounds`, keeping a revision only when it is safe (see revisionSafety)
 * and its score is higher, and stopping when a round no longer helps enough.
 */
export async function reviseLoop(
  client: StructuredClient,
  input: ReviseLoopInput,
  options: ReviseLoopOptions = {},
): Promise<ReviseLoopResult> {
  const maxRounds = options.maxRounds ?? DEFAULT_REVISION_ROUNDS;
  const minGain = options.minGain ?? 0.02;
  const step = (message: string) => options.onProgress?.({ done: rounds.length, total: maxRounds, message });
  const grade = (answer: string) => {
    const grading = gradeAnswer(
      client,
      { conversation: input.conversation, answer, rubric: input.rubric },
      { signal: options.signal, mode: options.gradingMode },
    );
    options.whileGrading?.(answer);
    return grading;
  };

  const rounds: RevisionRound[] = [];
  step('grading the draft');
  const initial = await grade(input.answer);
  const best = { answer: input.answer, grade: initial, round: 0, addressedPrinciples: [] as string[] };
  if (initial.score === null) return { initial, rounds, best, stoppedBecause: 'no-score' };

  let stoppedBecause: StopReason = 'max-rounds';
  for (let round = 1; round <= maxRounds; round++) {
    if (best.grade.score! >= 1) {
      stoppedBecause = 'perfect';
      break;
    }
    step(`round ${round}: revising`);
    const revision = await reviseAnswer(
      client,
      { ...input, answer: best.answer, grade: best.grade },
      { signal: options.signal },
    );
    step(`round ${round}: grading the revision`);
    const revised = await grade(revision.answer);
    const gain = revised.score! - best.grade.score!;
    const safety = options.safety?.(best.answer, revision.answer, { draft: best.grade, revised });
    if (safety && !safety.safe) {
      // A higher score never buys a lost emergency instruction: try again from the best safe version.
      rounds.push({ round, revision, grade: revised, kept: false, unsafe: safety.reasons });
      stoppedBecause = 'no-improvement';
      continue;
    }
    const kept = gain > 0;
    rounds.push({ round, revision, grade: revised, kept });
    if (!kept) {
      stoppedBecause = 'no-improvement';
      break;
    }
    Object.assign(best, {
      answer: revision.answer,
      grade: revised,
      round,
      addressedPrinciples: revision.addressedPrinciples,
    });
    if (gain < minGain) {
      stoppedBecause = 'diminishing-returns';
      break;
    }
  }
  options.onProgress?.({ done: rounds.length, total: rounds.length });
  return { initial, rounds, best, stoppedBecause };
}
