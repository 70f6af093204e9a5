import type { Message } from '../case/caseSchema';
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
export async function scoreSamples(context: ScoringContext, samples: readonly RewardSample[], options: RewardOptions): Promise<SampleReward[]> {
  const deadline = AbortSignal.timeout(context.deadlineMs);
  const signal = context.signal ? AbortSignal.any([deadline, context.signal]) : deadline;
  return Promise.all(
    samples.map(async (sample) => {
      const rubric = options.positiveOnly ? sample.record.rubrics.filter((i) => i.points > 0) : sample.record.rubrics;
      if (sample.response === '') return rewardOf(undefined, options);
      const conversation: Message[] = sample.record.prompt ?? (sample.fallbackQuestion ? [{ role: 'user', content: sample.fallbackQuestion }] : []);
      const judged = await judgeItems(context.judge, conversation, sample.response, rubric, signal);
      if (judged.failures > 0) {
        context.log?.(`${sample.record.promptId ?? 'inline rubric'}: ${judged.failures} of ${rubric.length} items not judged (counted as not met): ${judged.firstFailure ?? ''}`);
      }
      return rewardOf(judged, options);
    }),
  );
}
