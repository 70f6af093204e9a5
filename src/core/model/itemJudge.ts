import type { ItemVerdict } from './graderReply';
import { judgeCacheKey, type JudgeCache } from './judgeCache';
import type { ModelClient } from './modelClient';
import { gradeItemOutput, gradeItemPrompt, type GradeItemPromptInput } from './prompts/gradeItemPrompt';

/** `clinalign`: this project's structured judge (JSON schema); `healthbench`: the simple-evals protocol. */
export const GRADERS = ['clinalign', 'healthbench'] as const;
export type GraderName = (typeof GRADERS)[number];

export interface JudgedVerdict extends ItemVerdict {
  /** Answered from the judge cache (counted in the reward logs). */
  fromCache: boolean;
}

/** Judges one rubric item of one answer; throws when the judge gives no usable verdict. */
export interface ItemJudge {
  readonly grader: GraderName;
  readonly judgeModel: string;
  judge(input: GradeItemPromptInput, signal?: AbortSignal): Promise<JudgedVerdict>;
}

export type JudgeClient = Pick<ModelClient, 'completeJson' | 'judgeModel'> & { config: { baseUrl: string } };

/** The message of an item the deadline (or a shutdown) cut off before any call was made. */
export const NOT_ASKED = 'deadline reached before the judge was asked';

/**
 * The default judge: `grade_item` JSON through the client's structured mode. With a `cache` of its own the
 * judge looks results up itself (and can say which were hits); without one the client's cache is used.
 */
export function structuredItemJudge(client: JudgeClient, cache?: JudgeCache): ItemJudge {
  return {
    grader: 'clinalign',
    judgeModel: client.judgeModel,
    async judge(input, signal) {
      const messages = gradeItemPrompt(input);
      const key = cache
        ? judgeCacheKey(client.config.baseUrl, client.judgeModel, messages, gradeItemOutput.name)
        : undefined;
      const stored = key ? gradeItemOutput.schema.safeParse(await cache!.get(key)) : undefined;
      if (stored?.success) return { ...stored.data, fromCache: true };
      if (signal?.aborted) throw new Error(NOT_ASKED);
      const verdict = await client.completeJson(gradeItemOutput, messages, {
        signal,
        model: client.judgeModel,
        cache: !cache,
      });
      if (key) await cache!.set(key, verdict).catch(() => {});
      return { ...verdict, fromCache: false };
    },
  };
}
