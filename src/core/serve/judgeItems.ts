import type { Message } from '../case/caseSchema';
import { judgeCacheKey, type JudgeCache } from '../model/judgeCache';
import { gradeItemOutput, gradeItemPrompt } from '../model/prompts/gradeItemPrompt';
import type { StructuredClient } from '../workflows/workflowOptions';
import type { RewardItem } from './rewardRecord';

/** The judge of a reward: a structured client, plus the cache when the server owns it (to count hits). */
export interface RewardJudge {
  client: StructuredClient & { config: { baseUrl: string } };
  cache?: JudgeCache | undefined;
}

export interface JudgedItem extends RewardItem {
  /** false for an item the judge did not answer (it counts as not met). */
  judged: boolean;
  met: boolean;
  explanation: string;
}

export interface JudgedAnswer {
  items: JudgedItem[];
  failures: number;
  cacheHits: number;
  latencyMs: number;
  /** The first failure's message, for the log (the client redacts keys from its errors). */
  firstFailure?: string;
}

/**
 * Judges every item of one answer, as HealthBench does (one call per item, the same prompt as `grade`, so
 * `eval`'s and `grade`'s cached judgements are reused). Unlike `gradeAnswer` it never throws: an item the
 * judge failed on, or that the deadline (`signal`) cut off, counts as not met and is reported.
 */
export async function judgeItems(judge: RewardJudge, conversation: readonly Message[], response: string, rubric: readonly RewardItem[], signal: AbortSignal): Promise<JudgedAnswer> {
  const started = Date.now();
  const { client, cache } = judge;
  let cacheHits = 0;
  let firstFailure: string | undefined;
  const items = await Promise.all(
    rubric.map(async (item): Promise<JudgedItem> => {
      const messages = gradeItemPrompt({ conversation, response, item });
      const key = cache ? judgeCacheKey(client.config.baseUrl, client.judgeModel, messages, gradeItemOutput.name) : undefined;
      try {
        const stored = key ? gradeItemOutput.schema.safeParse(await cache!.get(key)) : undefined;
        if (stored?.success) {
          cacheHits++;
          return { ...item, judged: true, met: stored.data.criteria_met, explanation: stored.data.explanation };
        }
        if (signal.aborted) throw new Error('deadline reached before the judge was asked');
        // Without a cache of its own the server lets the client cache (hits then go uncounted).
        const verdict = await client.completeJson(gradeItemOutput, messages, { signal, model: client.judgeModel, cache: !cache });
        if (key) await cache!.set(key, verdict).catch(() => {});
        return { ...item, judged: true, met: verdict.criteria_met, explanation: verdict.explanation };
      } catch (error) {
        firstFailure ??= (error as Error).message;
        return { ...item, judged: false, met: false, explanation: `not judged: ${(error as Error).message}` };
      }
    }),
  );
  return { items, failures: items.filter((i) => !i.judged).length, cacheHits, latencyMs: Date.now() - started, ...(firstFailure && { firstFailure }) };
}
