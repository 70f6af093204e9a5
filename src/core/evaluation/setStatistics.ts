import { scoreSet } from '../rubric/scoreRubric';
import { seededRandom } from './seededRandom';

export const BOOTSTRAP_RESAMPLES = 1000;
export const BOOTSTRAP_SEED = 20250512;

export interface SetStatistics {
  /** Mean of the example scores, clipped to [0, 1]; null for an empty set. */
  score: number | null;
  /** Standard deviation of the clipped means of bootstrap resamples (HealthBench's reported error). */
  std_error: number | null;
  n: number;
}

/**
 * HealthBench's set score and its bootstrap error: resample the examples with replacement, take each
 * resample's clipped mean, report their standard deviation (population form, as numpy's default). Seeded,
 * so the same scores always give the same figures.
 */
export function setStatistics(
  scores: readonly number[],
  resamples = BOOTSTRAP_RESAMPLES,
  seed = BOOTSTRAP_SEED,
): SetStatistics {
  const n = scores.length;
  if (n === 0) return { score: null, std_error: null, n: 0 };
  const random = seededRandom(seed);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += scores[Math.floor(random() * n)]!;
    means.push(Math.min(1, Math.max(0, sum / n)));
  }
  const average = means.reduce((a, b) => a + b, 0) / resamples;
  const variance = means.reduce((a, m) => a + (m - average) ** 2, 0) / resamples;
  return { score: scoreSet(scores), std_error: Math.sqrt(variance), n };
}
