import assert from 'node:assert/strict';
import { parseCase } from '../../../src/core/case/parseCase';
import { applyReviewAction } from '../../../src/core/review/applyReviewAction';
import { reviewFingerprint } from '../../../src/core/review/reviewFingerprint';
import { setReviewStatus, verificationDrop, verifyBlocker } from '../../../src/core/review/reviewStatus';
import { applyRubricAction } from '../../../src/core/review/rubricEdits';
import { CASE } from './reviewFixtures';

const NOW = new Date('2026-11-26T14:00:00.000Z');
const LATER = new Date('2026-11-27T09:30:00.000Z');

function allVerified(text: string): string {
  let out = text;
  for (let i = 0; i < parseCase(text).data.rubric!.length; i++)
    out = applyRubricAction(out, { kind: 'setVerified', index: i, verified: true })?.text ?? out;
  return out;
}

function status(text: string, to: 'draft' | 'in-review' | 'verified', reviewer = 'Dr Lee', now = NOW): string {
  const change = setReviewStatus(text, to, reviewer, now);
  if ('error' in change) throw new Error(change.error);
  return change.edit!.text;
}

describe('review panel: review status', () => {
  it('moves draft → in-review with the reviewer and time, keeping the comment on status:', () => {
    const after = status(CASE, 'in-review');
    assert.match(
      after,
      /review:\n {2}status: in-review # set by the panel\n {2}reviewers: \[Dr Lee\]\n {2}updatedBy: Dr Lee\n {2}updatedAt: 2026-11-26T14:00:00.000Z\n---\n/,
    );
  });

  it('refuses to verify until every rubric item is verified', () => {
    assert.deepEqual(setReviewStatus(CASE, 'verified', 'Dr Lee', NOW), {
      error: 'cannot verify: 3 of 3 rubric items not verified yet',
    });
    assert.equal(verifyBlocker([]), 'the case has no rubric to verify');
    assert.equal(verifyBlocker([{ verified: true }, {}]), '1 of 2 rubric items not verified yet');
    assert.equal(verifyBlocker([{ verified: true }]), undefined);
  });

  it('verifies with a fingerprint of the answer and rubric; a second reviewer is added once', () => {
    const ready = allVerified(status(CASE, 'in-review'));
    const verified = status(ready, 'verified', 'Dr Okafor', LATER);
    const review = parseCase(verified).data.review!;
    assert.equal(review.status, 'verified');
    assert.deepEqual(review.reviewers, ['Dr Lee', 'Dr Okafor']);
    assert.equal(review.updatedBy, 'Dr Okafor');
    const parsed = parseCase(verified);
    assert.equal(review.fingerprint, reviewFingerprint(parsed.body, parsed.data.rubric!));
    assert.deepEqual(parseCase(status(verified, 'verified', 'Dr Okafor')).data.review!.reviewers, [
      'Dr Lee',
      'Dr Okafor',
    ]);
  });

  it('an edit of the answer drops a verified case back to in-review with a note; an unrelated edit does not', () => {
    const verified = status(allVerified(CASE), 'verified');
    assert.equal(verificationDrop(verified, LATER), undefined);
    assert.equal(verificationDrop(verified.replace('locale', 'x'), LATER), undefined);
    const edited = verified.replace('Call 911 now.', 'Call 911 now. Chew an aspirin.');
    const dropped = verificationDrop(edited, LATER)!.text;
    const review = parseCase(dropped).data.review!;
    assert.equal(review.status, 'in-review');
    assert.equal(review.fingerprint, undefined);
    assert.match(
      String(review.note),
      /changed after it was verified by Dr Lee; back in review since 2026-11-27T09:30:00.000Z/,
    );
    assert.equal(parseCase(dropped).body, 'Call 911 now. Chew an aspirin.\n');
    assert.equal(verificationDrop(dropped, LATER), undefined, 'no second drop');
  });

  it('an edit of the rubric (text editor or panel) drops it too, and re-verifying clears the note', () => {
    const verified = status(allVerified(CASE), 'verified');
    const edited = applyRubricAction(verified, { kind: 'setPoints', index: 2, points: 2 })!.text;
    const dropped = verificationDrop(edited, LATER)!.text;
    assert.equal(parseCase(dropped).data.review!.status, 'in-review');
    const again = status(allVerified(dropped), 'verified');
    assert.equal(parseCase(again).data.review!.note, undefined);
  });

  it('a hand-written verified status without fingerprint drops against the fingerprint the editor saw', () => {
    const hand = allVerified(CASE).replace('status: draft', 'status: verified');
    const seen = reviewFingerprint(parseCase(hand).body, parseCase(hand).data.rubric!);
    assert.equal(verificationDrop(hand, LATER), undefined, 'nothing to compare with');
    assert.equal(verificationDrop(hand, LATER, seen), undefined);
    assert.ok(verificationDrop(hand.replace('Call 911', 'Phone 911'), LATER, seen));
  });

  it('applyReviewAction: status needs a reviewer name; scenario labels are checked; errors never throw', () => {
    assert.match(
      (applyReviewAction(CASE, { kind: 'setStatus', status: 'in-review' }, { now: NOW }) as { error: string }).error,
      /reviewerName/,
    );
    const scenario = applyReviewAction(
      CASE,
      { kind: 'setScenario', dimension: 'urgency', label: 'emergent' },
      { now: NOW },
    );
    assert.ok('edit' in scenario && scenario.edit!.text.includes('scenario:\n  urgency: emergent\nrubric:'));
    assert.deepEqual(
      applyReviewAction(CASE, { kind: 'setScenario', dimension: 'urgency', label: 'soon' }, { now: NOW }),
      { error: '"soon" is not a label of urgency' },
    );
    assert.deepEqual(applyReviewAction(CASE, { kind: 'deleteItem', index: 9 }, { now: NOW }), {
      error: 'the rubric has no item 10',
    });
  });
});
