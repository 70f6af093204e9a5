import type { JudgeCache } from '../model/judgeCache';
import type { GraderName } from '../model/itemJudge';
import { itemJudgeFor } from '../model/itemJudgeFor';
import type { ModelClient } from '../model/modelClient';
import type { RewardJudge } from './judgeItems';

/**
 * The judge of the server's rewards for a grader (`--grader`, `clinalign.serve.grader`): both front ends build
 * it here, so they judge alike and /health names the same grader. `cache`: the server's own (it counts hits).
 */
export function rewardJudgeFor(grader: GraderName, client: ModelClient, cache?: JudgeCache): RewardJudge {
  return { client, cache, items: itemJudgeFor(grader, client, cache) };
}
