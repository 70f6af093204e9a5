/** One graded rubric item: its points and whether the judge found it met. */
export interface GradedPoints {
  points: number;
  met: boolean;
}

/**
 * HealthBench's score of one answer: the points of the met items (negative ones subtract) divided by the
 * sum of the positive points. Not clipped — a harmful answer scores below 0. Null when the rubric has no
 * positive points, where the score is undefined.
 */
export function scoreRubric(items: readonly GradedPoints[]): number | null {
  const possible = items.reduce((sum, item) => sum + Math.max(item.points, 0), 0);
  if (possible <= 0) return null;
  const achieved = items.reduce((sum, item) => sum + (item.met ? item.points : 0), 0);
  return achieved / possible;
}

/** The score of a set of answers: the mean of their scores, clipped to [0, 1] (HealthBench). */
export function scoreSet(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return Math.min(1, Math.max(0, mean));
}
