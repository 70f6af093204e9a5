import type { Message } from '../case/caseSchema';
import type { CompiledLibrary } from '../lint/compileLibrary';
import { selectPrinciples } from '../lint/selectPrinciples';
import { synthesizeRubricOffline } from '../rubric/synthesizeOffline';
import { classifyQuestion } from '../scenario/classifyQuestion';
import type { Scenario } from '../scenario/labels';
import { promptPrinciples } from '../workflows/applicablePrinciples';
import type { GradeResult } from '../workflows/gradeAnswer';
import { unmetItems } from '../workflows/gradeAnswer';
import { reviseLoop, type StopReason } from '../workflows/reviseLoop';
import { checkRevisionSafety } from '../workflows/revisionSafety';
import { synthesizeRubric } from '../workflows/synthesizeRubric';
import type { StructuredClient } from '../workflows/workflowOptions';

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
 */
export async function selfRevise(
  client: StructuredClient,
  library: CompiledLibrary,
  conversation: readonly Message[],
  draft: string,
  control: ReviseControl,
  signal: AbortSignal,
): Promise<{ answer: string; report: RevisionReport }> {
  const question = [...conversation].reverse().find((m) => m.role === 'user')?.content ?? '';
  // Each step reads the question once: the recognition through the library's cache (the safety gate's lint
  // finds it there), the principle selection shared by the rubric and the prompts.
  const { lexicon } = library;
  const recognition = library.recognitions.recognise(question);
  const { scenario } = classifyQuestion(question, lexicon, recognition);
  const pool = selectPrinciples(library.principles, scenario, question, lexicon);
  const synthesis =
    control.rubric === 'model'
      ? await synthesizeRubric(
          client,
          { conversation, question, scenario, principles: library.principles, lexicon },
          { signal },
        )
      : {
          ...synthesizeRubricOffline({
            principles: library.principles,
            scenario,
            question,
            lexicon,
            recognition,
            pool,
          }),
          source: 'offline' as const,
        };
  const rubric = synthesis.items;
  const principles = promptPrinciples(library.principles, pool, rubric);
  const context = { library, question, scenario };
  const loop = await reviseLoop(
    client,
    { conversation, answer: draft, principles, rubric },
    {
      signal,
      maxRounds: control.rounds,
      safety: (before, after, grades) => checkRevisionSafety(context, before, after, grades),
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
