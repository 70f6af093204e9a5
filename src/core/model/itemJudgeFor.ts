import type { JudgeCache } from './judgeCache';
import { healthBenchItemJudge } from './healthBenchJudge';
import { structuredItemJudge, type GraderName, type ItemJudge } from './itemJudge';
import type { ModelClient } from './modelClient';

/**
 * The item judge a front end asked for (`--grader`). `cache`: the judge's own cache (the server counts its
 * hits); without one the structured judge uses the client's and the HealthBench judge the client's too.
 */
export function itemJudgeFor(grader: GraderName, client: ModelClient, cache?: JudgeCache): ItemJudge {
  return grader === 'healthbench'
    ? healthBenchItemJudge(client, cache ?? client.resultCache)
    : structuredItemJudge(client, cache);
}
