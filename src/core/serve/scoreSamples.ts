import type { Message } from '../case/caseSchema';
import { onAbort } from '../model/abortListeners';
import { judgeItems, type RewardJudge } from './judgeItems';
import type { RewardRecord } from './rewardRecord';
import { rewardOf, type RewardOptions, type SampleReward } from './rewardScore';

export interface RewardSample {
  record: RewardRecord;
  response: string;
  /** The prompt as the trainer rendered it, for a record that carries no messages. */
  fallbackQuestion?: string | undefined;
}

export interface ScoringContext {
  judge: RewardJudge;
  /** Rewards are due before this many ms (the trainer gives up at 180 s). */
  deadlineMs: number;
  /** Aborted on a forced shutdown. */
  signal?: AbortSignal | undefined;
  log?: ((line: string) => void) | undefined;
}

/**
 * Rewards for a batch of samples, judged concurrently (the client's limiter bounds the calls in flight), all
 * under one deadline: whatever the judge has not answered by then counts as not met and is logged.
 */
export async function scoreSamples(
  context: ScoringContext,
  samples: readonly RewardSample[],
  options: RewardOptions,
): Promise<SampleReward[]> {
  // A controller per request rather than AbortSignal.any: the server's shutdown signal lives for the whole
  // run and must not gather a listener per request (Node 20 keeps them, and warns past ten).
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('deadline reached')), context.deadlineMs);
  const dispose = context.signal ? onAbort(context.signal, () => controller.abort(context.signal!.reason)) : () => {};
  const { signal } = controller;
  try {
    return await judgeAll(context, samples, options, signal);
  } finally {
    clearTimeout(timer);
    dispose();
  }
}

function judgeAll(
  context: ScoringContext,
  samples: readonly RewardSample[],
  options: RewardOptions,
  signal: AbortSignal,
): Promise<SampleReward[]> {
  return Promise.all(
    samples.map(async (sample) => {
      const rubric = options.positiveOnly ? sample.record.rubrics.filter((i) => i.points > 0) : sample.record.rubrics;
      if (sample.response === '') return rewardOf(undefined, options);
      const conversation: Message[] =
        sample.record.prompt ?? (sample.fallbackQuestion ? [{ role: 'user', content: sample.fallbackQuestion }] : []);
      const judged = await judgeItems(context.judge, conversation, sample.response, rubric, signal);
      if (judged.failures > 0) {
        context.log?.(
          `${sample.record.promptId ?? 'inline rubric'}: ${judged.failures} of ${rubric.length} items not judged (counted as not met): ${judged.firstFailure ?? ''}`,
        );
      }
      return rewardOf(judged, options);
    }),
  );
}
