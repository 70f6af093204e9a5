import type { Message } from '../case/caseSchema';
import type { CompiledLibrary } from '../lint/compileLibrary';
import type { Scenario } from '../scenario/labels';
import { promptPrinciples } from '../workflows/applicablePrinciples';
import type { GradeResult } from '../workflows/gradeAnswer';
import { unmetItems } from '../workflows/gradeAnswer';
import { reviseLoop, type StopReason } from '../workflows/reviseLoop';
import { checkRevisionSafety, lintForSafety, type SafetyContext } from '../workflows/revisionSafety';
import { synthesizeRubric } from '../workflows/synthesizeRubric';
import type { StructuredClient } from '../workflows/workflowOptions';
import { planRevision, type RevisionPlan } from './revisionPlan';

export interface ReviseControl {
  /** Revise → grade rounds at most (0: grade the draft only). */
  rounds: number;
  rubric: 'offline' | 'model';
}

export interface RoundReport {
  round: number;
  score: number | null;
  kept: boolean;
  unmet: string[];
  unsafe?: string[];
}

/** The `clinalign` extension of a proxied chat completion. */
export interface RevisionReport {
  revised: boolean;
  scenario: Scenario;
  principles: string[];
  rubric_source: 'offline' | 'model' | 'model+offline';
  rubric_items: number;
  initial_score: number | null;
  final_score: number | null;
  rounds: RoundReport[];
  stopped_because: StopReason;
  judge_model: string;
}

const unmetOf = (grade: GradeResult) => unmetItems(grade).map((i) => `[${i.points}] ${i.criterion}`);

/**
 * The proxy's revision of a draft answer: classify the question (offline rules), build its rubric (offline
 * templates, or the model's), select the applicable principles, then the shared revise loop with its safety
 * gate — a revision that drops a route to urgent care or adds a finding is never kept, whatever its score.
 * `plan`: planRevision of the same conversation and rubric source, when the caller made it while drafting.
 */
export async function selfRevise(
  client: StructuredClient,
  library: CompiledLibrary,
  conversation: readonly Message[],
  draft: string,
  control: ReviseControl,
  signal: AbortSignal,
  plan: RevisionPlan = planRevision(library, conversation, control.rubric),
): Promise<{ answer: string; report: RevisionReport }> {
  const { question, scenario, pool } = plan;
  const synthesis = plan.offlineRubric
    ? { ...plan.offlineRubric, source: 'offline' as const }
    : await synthesizeRubric(
        client,
        { conversation, question, scenario, principles: library.principles, lexicon: library.lexicon },
        { signal },
      );
  const rubric = synthesis.items;
  const principles = promptPrinciples(library.principles, pool, rubric);
  const context: SafetyContext = { library, question, scenario, linted: new Map() };
  const loop = await reviseLoop(
    client,
    { conversation, answer: draft, principles, rubric },
    {
      signal,
      maxRounds: control.rounds,
      safety: (before, after, grades) => checkRevisionSafety(context, before, after, grades),
      // The gate's lint of each answer runs while the judge grades it, not after.
      whileGrading: (answer) => setImmediate(() => lintAhead(context, answer)),
    },
  );
  const report: RevisionReport = {
    revised: loop.best.round > 0,
    scenario,
    principles: principles.map((p) => p.id),
    rubric_source: synthesis.source,
    rubric_items: rubric.length,
    initial_score: loop.initial.score,
    final_score: loop.best.grade.score,
    rounds: [
      { round: 0, score: loop.initial.score, kept: true, unmet: unmetOf(loop.initial) },
      ...loop.rounds.map((r) => ({
        round: r.round,
        score: r.grade.score,
        kept: r.kept,
        unmet: unmetOf(r.grade),
        ...(r.unsafe && { unsafe: r.unsafe }),
      })),
    ],
    stopped_because: loop.stoppedBecause,
    judge_model: client.judgeModel,
  };
  return { answer: loop.best.answer, report };
}

function lintAhead(context: SafetyContext, answer: string): void {
  try {
    lintForSafety(context, answer);
  } catch {
    // Not kept: the gate lints the answer again when it needs it, and reports the failure there.
  }
}
