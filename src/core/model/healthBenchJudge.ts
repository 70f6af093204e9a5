import { parseGraderReply } from './graderReply';
import type { ItemJudge } from './itemJudge';
import { NOT_ASKED } from './itemJudge';
import { judgeCacheKey, type JudgeCache } from './judgeCache';
import { ModelError } from './modelError';
import type { ModelClient } from './modelClient';
import { healthBenchGraderPrompt } from './prompts/healthBenchGraderPrompt';

/** The reference grader's sampling: temperature 0.5, at most 2,048 tokens. */
export const HEALTHBENCH_SAMPLING = { temperature: 0.5, maxTokens: 2048 } as const;
/** The reference asks again until the reply parses; here the asking stops after this many replies. */
export const HEALTHBENCH_MAX_REPLIES = 10;

/** Cache entries of this grader are kept apart from the structured judge's (another prompt, another key). */
const CACHE_ENTRY = 'healthbench_grader';

export type HealthBenchClient = Pick<ModelClient, 'completeText' | 'judgeModel' | 'usage'> & {
  config: { baseUrl: string };
};

/**
 * HealthBench's grader (simple-evals): one plain call per rubric item with the grader prompt, sampled at
 * temperature 0.5, asked again while the reply is not JSON with a boolean `criteria_met`. After
 * `maxReplies` unusable replies it throws: the caller counts the item as a judge failure.
 */
export function healthBenchItemJudge(
  client: HealthBenchClient,
  cache?: JudgeCache,
  maxReplies = HEALTHBENCH_MAX_REPLIES,
): ItemJudge {
  return {
    grader: 'healthbench',
    judgeModel: client.judgeModel,
    async judge(input, signal) {
      const messages = healthBenchGraderPrompt(input);
      const key = cache ? judgeCacheKey(client.config.baseUrl, client.judgeModel, messages, CACHE_ENTRY) : undefined;
      const stored = key ? await cache!.get(key).catch(() => undefined) : undefined;
      if (isVerdict(stored)) return { ...stored, fromCache: true };
      if (signal?.aborted) throw new Error(NOT_ASKED);
      for (let reply = 1; reply <= maxReplies; reply++) {
        const text = await client.completeText(messages, { ...HEALTHBENCH_SAMPLING, model: client.judgeModel, signal });
        const verdict = parseGraderReply(text);
        if (verdict) {
          if (key) await cache!.set(key, verdict).catch(() => {});
          return { ...verdict, fromCache: false };
        }
        client.usage.repairs++;
      }
      throw new ModelError(
        'invalid-output',
        `${client.judgeModel} gave no JSON with a true/false criteria_met in ${maxReplies} replies`,
      );
    },
  };
}

function isVerdict(value: unknown): value is { explanation: string; criteria_met: boolean } {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as { criteria_met?: unknown }).criteria_met === 'boolean' &&
    typeof (value as { explanation?: unknown }).explanation === 'string'
  );
}
