import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import { parseCase } from '../case/parseCase';
import type { FrontMatterEdit } from '../case/writeFrontMatter';
import { editFrontMatterKey } from './editFrontMatterKey';
import { reviewFingerprint } from './reviewFingerprint';
import { describeBlocking, overrideOf, uncoveredFindings, type BlockingFinding } from './verificationGate';
import type { REVIEW_STATUS_VALUES } from './reviewMessages';

export type ReviewStatus = (typeof REVIEW_STATUS_VALUES)[number];

export type StatusChange = { edit: FrontMatterEdit | undefined } | { error: string; unsafe?: BlockingFinding[] };

/** Why the case cannot be verified now, or undefined when it can: every rubric item must be verified. */
export function verifyBlocker(rubric: readonly { verified?: boolean | undefined }[]): string | undefined {
  if (rubric.length === 0) return 'the case has no rubric to verify';
  const open = rubric.filter((i) => i.verified !== true).length;
  return open === 0
    ? undefined
    : `${open} of ${rubric.length} rubric item${rubric.length === 1 ? '' : 's'} not verified yet`;
}

/**
 * A reviewer moves the case to `status` (draft → in-review → verified, or back): writes the status, the
 * reviewer's name and the time into `review:`, adds the name to `reviewers:`, and clears any note. Verifying
 * needs every rubric item verified and records the fingerprint of what was verified.
 */
export interface SafetyGate {
  /** Error-level findings on the answer now (blockingFindings). */
  findings: readonly BlockingFinding[];
  /** A reviewer's reason to verify despite them; recorded in `review.override` and `review.overrides`. */
  overrideReason?: string | undefined;
}

export function setReviewStatus(
  documentText: string,
  status: ReviewStatus,
  reviewer: string,
  now: Date,
  gate?: SafetyGate,
): StatusChange {
  const parsed = parseCase(documentText);
  if (parsed.problems.length > 0) return { error: `fix the front matter first (${parsed.problems[0]!.message})` };
  const rubric = parsed.data.rubric ?? [];
  const fingerprint = reviewFingerprint(parsed.body, rubric);
  const name = reviewer.trim();
  let override: { reason: string; principles: string[] } | undefined;
  if (status === 'verified') {
    const blocker = verifyBlocker(rubric);
    if (blocker) return { error: `cannot verify: ${blocker}` };
    const open = uncoveredFindings(gate?.findings ?? [], overrideOf(parsed.data.review), fingerprint);
    const reason = gate?.overrideReason?.trim();
    if (open.length > 0 && !reason)
      return {
        error: `cannot verify: the answer has ${describeBlocking(open)}. Fix them, or record an override with a reason.`,
        unsafe: open,
      };
    if (open.length > 0) override = { reason: reason!, principles: [...new Set(open.map((f) => f.principleId))] };
  }
  if (name === '') return { error: 'a reviewer name is needed' };
  const edit = editFrontMatterKey(documentText, 'review', (document) => {
    const review = reviewMap(document);
    review.set('status', status);
    addReviewer(document, review, name);
    review.set('updatedBy', name);
    review.set('updatedAt', now.toISOString());
    review.delete('note');
    if (status === 'verified') review.set('fingerprint', fingerprint);
    else review.delete('fingerprint');
    if (override) {
      const record = {
        reason: override.reason,
        by: name,
        at: now.toISOString(),
        principles: override.principles,
        fingerprint,
      };
      review.set('override', document.createNode(record));
      const log = review.get('overrides', true);
      if (isSeq(log)) log.items.push(document.createNode(record));
      else review.set('overrides', document.createNode([record]));
    } else if (status !== 'verified') review.delete('override');
  });
  return { edit };
}

/**
 * A verified case whose answer or rubric no longer matches what was verified goes back to `in-review`, with a
 * note saying why. `known` is the fingerprint the caller saw verified when the file has none (hand-written
 * `status: verified`). Undefined when the case is not verified or unchanged.
 */
export function verificationDrop(documentText: string, now: Date, known?: string): FrontMatterEdit | undefined {
  const parsed = parseCase(documentText);
  const review = parsed.data.review;
  if (parsed.problems.length > 0 || review?.status !== 'verified') return undefined;
  const expected = typeof review.fingerprint === 'string' ? review.fingerprint : known;
  if (!expected || expected === reviewFingerprint(parsed.body, parsed.data.rubric ?? [])) return undefined;
  const by = typeof review.updatedBy === 'string' ? ` by ${review.updatedBy}` : '';
  return editFrontMatterKey(documentText, 'review', (document) => {
    const map = reviewMap(document);
    map.set('status', 'in-review');
    map.delete('fingerprint');
    map.set(
      'note',
      `The answer or rubric changed after it was verified${by}; back in review since ${now.toISOString()}. Verify again.`,
    );
  });
}

/**
 * For writers other than the reviewer (CLI `revise --write`, `synthesize --write`, `import --force`): the text
 * they are about to write, with a verified case put back to `in-review` when its answer or rubric changed.
 */
export function unverifyIfChanged(newText: string, writer: string, now: Date): string {
  const parsed = parseCase(newText);
  const review = parsed.data.review;
  if (parsed.problems.length > 0 || review?.status !== 'verified') return newText;
  if (
    typeof review.fingerprint === 'string' &&
    review.fingerprint === reviewFingerprint(parsed.body, parsed.data.rubric ?? [])
  )
    return newText;
  const edit = editFrontMatterKey(newText, 'review', (document) => {
    const map = reviewMap(document);
    map.set('status', 'in-review');
    map.delete('fingerprint');
    map.set('note', `Changed by ${writer} after it was verified (${now.toISOString()}). Verify again.`);
  });
  return edit?.text ?? newText;
}

function reviewMap(document: Document): YAMLMap {
  const review = document.get('review', true);
  if (isMap(review)) return review;
  const created = document.createNode({}) as YAMLMap;
  document.set('review', created);
  return created;
}

function addReviewer(document: Document, review: YAMLMap, name: string): void {
  const reviewers = review.get('reviewers', true);
  if (isSeq(reviewers)) {
    if (!reviewers.items.some((r) => String((r as { value?: unknown }).value ?? r) === name))
      reviewers.items.push(document.createNode(name));
    return;
  }
  const seq = document.createNode([name]);
  if (isSeq(seq)) seq.flow = true;
  review.set('reviewers', seq);
}
