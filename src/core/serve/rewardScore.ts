import { AXES } from '../principles/schema';
import { scoreRubric } from '../rubric/scoreRubric';
import type { JudgedAnswer } from './judgeItems';

export interface RewardOptions {
  /** Judge and score only positive items (graders misjudge negatives; RubricHub trains better without them). */
  positiveOnly?: boolean;
  /** When set, the reward is 1 at or above this score and 0 below it. */
  binaryThreshold?: number | undefined;
}

/** The names of `extra_logs`: the same on every response, as OpenRLHF logs them as per-step tensors. */
export const EXTRA_LOG_KEYS = [
  'items_met_fraction',
  'negative_items_hit',
  'judge_failures',
  'cache_hits',
  'judge_latency_ms',
  'empty_response',
  ...AXES.map((axis) => `axis_${axis}_pass_rate`),
] as const;
export type ExtraLogKey = (typeof EXTRA_LOG_KEYS)[number];

export interface SampleReward {
  /** HealthBench example score (met points ÷ positive points, unclipped), or the binary reward. */
  reward: number;
  /** The same, clipped to [0, 1], for dynamic filtering. */
  score: number;
  logs: Record<ExtraLogKey, number>;
}

/**
 * One sample's reward and its log values. An answer scores 0 when there is nothing to judge (empty
 * response, or a rubric without positive points).
 */
export function rewardOf(judged: JudgedAnswer | undefined, options: RewardOptions = {}): SampleReward {
  const items = judged?.items ?? [];
  const raw = scoreRubric(items) ?? 0;
  const reward = options.binaryThreshold === undefined ? raw : raw >= options.binaryThreshold ? 1 : 0;
  const positive = items.filter((i) => i.points > 0);
  const logs = {
    items_met_fraction: positive.length === 0 ? 0 : positive.filter((i) => i.met).length / positive.length,
    negative_items_hit: items.filter((i) => i.points < 0 && i.met).length,
    judge_failures: judged?.failures ?? 0,
    cache_hits: judged?.cacheHits ?? 0,
    judge_latency_ms: judged?.latencyMs ?? 0,
    empty_response: judged ? 0 : 1,
  } as Record<ExtraLogKey, number>;
  for (const axis of AXES) {
    // Pass: a positive item met or a negative one avoided. An axis without items logs 0.
    const onAxis = items.filter((i) => i.tags.includes(`axis:${axis}`));
    const passed = onAxis.filter((i) => (i.points > 0 ? i.met : i.judged && !i.met)).length;
    logs[`axis_${axis}_pass_rate`] = onAxis.length === 0 ? 0 : passed / onAxis.length;
  }
  return { reward, score: Math.min(1, Math.max(0, reward)), logs };
}
