import { createHash } from 'node:crypto';
import type { RubricItem } from '../rubric/rubricItem';

/**
 * What a reviewer verified: the answer and the rubric (criteria, points, tags, verified marks). Written to
 * `review.fingerprint` on verification; a case whose fingerprint no longer matches was edited since.
 * Line endings do not count.
 */
export function reviewFingerprint(
  answer: string,
  rubric: readonly Pick<RubricItem, 'criterion' | 'points' | 'tags' | 'verified'>[],
): string {
  const items = rubric.map((i) => ({
    criterion: i.criterion,
    points: i.points,
    tags: i.tags,
    verified: i.verified === true,
  }));
  return createHash('sha256')
    .update(JSON.stringify({ answer: answer.replace(/\r\n/g, '\n'), rubric: items }))
    .digest('hex');
}

/** Hash of the rubric alone (criteria, points, tags): a grade against another rubric is stale. */
export function rubricHash(rubric: readonly Pick<RubricItem, 'criterion' | 'points' | 'tags'>[]): string {
  return createHash('sha256')
    .update(JSON.stringify(rubric.map((i) => [i.criterion, i.points, i.tags])))
    .digest('hex');
}

/** Hash of the answer as the history file records it (sha256 of the text). */
export function answerHash(answer: string): string {
  return createHash('sha256').update(answer).digest('hex');
}
