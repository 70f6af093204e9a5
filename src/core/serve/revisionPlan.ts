import type { Message } from '../case/caseSchema';
import type { Recognition } from '../concepts/recognise';
import type { CompiledLibrary } from '../lint/compileLibrary';
import { selectPrinciples, type SelectedPrinciple } from '../lint/selectPrinciples';
import { synthesizeRubricOffline, type SynthesizedRubric } from '../rubric/synthesizeOffline';
import { classifyQuestion } from '../scenario/classifyQuestion';
import type { Scenario } from '../scenario/labels';

/** What the proxy knows about a conversation before it has the model's draft: the draft changes none of it. */
export interface RevisionPlan {
  question: string;
  recognition: Recognition;
  scenario: Scenario;
  /** Every principle that applies, most relevant first (selectPrinciples). */
  pool: readonly SelectedPrinciple[];
  /** The rubric from the library's templates; absent when the model writes the rubric. */
  offlineRubric?: SynthesizedRubric | undefined;
}

/**
 * Reads the question once and works out everything that depends only on it: the recognition goes through the
 * library's cache (so the safety gate's lint finds it there), the principle selection is shared by the offline
 * rubric and the prompts.
 */
export function planRevision(
  library: CompiledLibrary,
  conversation: readonly Message[],
  rubricSource: 'offline' | 'model',
): RevisionPlan {
  const question = [...conversation].reverse().find((m) => m.role === 'user')?.content ?? '';
  const { lexicon, principles } = library;
  const recognition = library.recognitions.recognise(question);
  const { scenario } = classifyQuestion(question, lexicon, recognition);
  const pool = selectPrinciples(principles, scenario, question, lexicon);
  const offlineRubric =
    rubricSource === 'offline'
      ? synthesizeRubricOffline({ principles, scenario, question, lexicon, recognition, pool })
      : undefined;
  return { question, recognition, scenario, pool, offlineRubric };
}

/**
 * planRevision on the next turn of the event loop, after the caller's request to the model has gone out, so
 * that its work overlaps the model's latency instead of adding to it. Never rejects: a failure is returned.
 */
export function planWhileDrafting(plan: () => RevisionPlan): Promise<RevisionPlan | { failed: unknown }> {
  return new Promise((resolve) =>
    setImmediate(() => {
      try {
        resolve(plan());
      } catch (failed) {
        resolve({ failed });
      }
    }),
  );
}
