import type { Message } from '../case/caseSchema';
import { structuredItemJudge, type ItemJudge } from '../model/itemJudge';
import type { JudgeCache } from '../model/judgeCache';
import type { StructuredClient } from '../workflows/workflowOptions';
import type { RewardItem } from './rewardRecord';

/** The judge of a reward: a structured client, plus the cache when the server owns it (to count hits). */
export interface RewardJudge {
  client: StructuredClient & { config: { baseUrl: string } };
  cache?: JudgeCache | undefined;
  /** How each item is judged; the structured judge over `client` and `cache` when absent. */
  items?: ItemJudge | undefined;
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
 * Judges every item of one answer, as HealthBench does (one call per item; by default the same prompt as
 * `grade`, so `eval`'s and `grade`'s cached judgements are reused). Unlike `gradeAnswer` it never throws: an
 * item the judge failed on, or that the deadline (`signal`) cut off, counts as not met and is reported.
 */
export async function judgeItems(
  judge: RewardJudge,
  conversation: readonly Message[],
  response: string,
  rubric: readonly RewardItem[],
  signal: AbortSignal,
): Promise<JudgedAnswer> {
  const started = Date.now();
  const itemJudge = judge.items ?? structuredItemJudge(judge.client, judge.cache);
  let cacheHits = 0;
  let firstFailure: string | undefined;
  const items = await Promise.all(
    rubric.map(async (item): Promise<JudgedItem> => {
      try {
        const verdict = await itemJudge.judge({ conversation, response, item }, signal);
        if (verdict.fromCache) cacheHits++;
        return { ...item, judged: true, met: verdict.criteria_met, explanation: verdict.explanation };
      } catch (error) {
        firstFailure ??= (error as Error).message;
        return { ...item, judged: false, met: false, explanation: `not judged: ${(error as Error).message}` };
      }
    }),
  );
  return {
    items,
    failures: items.filter((i) => !i.judged).length,
    cacheHits,
    latencyMs: Date.now() - started,
    ...(firstFailure && { firstFailure }),
  };
}
