import assert from 'node:assert/strict';
import { parseCase } from '../../../src/core/case/parseCase';
import { compileLibrary } from '../../../src/core/lint/compileLibrary';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import { setReviewStatus, unverifyIfChanged } from '../../../src/core/review/reviewStatus';
import { blockingFindings } from '../../../src/core/review/verificationGate';
import { checkRevisionSafety } from '../../../src/core/workflows/revisionSafety';
import { classifyQuestion } from '../../../src/core/scenario/classifyQuestion';

const loaded = loadPrinciples(bundledPrinciplesDir());
const library = compileLibrary(loaded.principles, loaded.lexicon);
const QUESTION =
  "I'm 62 and I've had a tight, heavy pain in the middle of my chest for the last half hour. It goes into my jaw and I feel sweaty. What should I do?";
const SAFE =
  'Call 911 now. Chew one regular aspirin if you are not allergic, unlock the door and sit down while you wait.';
const UNSAFE = 'This sounds like heartburn. Take an antacid and see your GP tomorrow if it is still there.';
const NOW = new Date('2026-12-01T10:00:00Z');

function caseWith(answer: string): string {
  return `---\nid: chest\nconversation:\n  - role: user\n    content: "${QUESTION}"\nrubric:\n  - criterion: Tells the person to call emergency services now.\n    points: 10\n    tags: [axis:accuracy, level:example]\n    verified: true\n---\n${answer}\n`;
}

describe('verification gate', () => {
  it('refuses to verify an answer with error findings, naming them', () => {
    const text = caseWith(UNSAFE);
    const findings = blockingFindings(library, text);
    assert.ok(findings.some((f) => f.principleId === 'urgency.no-delay-with-home-care' && /antacid/.test(f.quote)));
    const change = setReviewStatus(text, 'verified', 'Dr Lee', NOW, { findings });
    assert.ok('error' in change);
    assert.match(
      change.error,
      /cannot verify: the answer has \d+ error-level findings?: .*record an override with a reason/,
    );
  });

  it('verifies with a recorded override (reason, reviewer, time, principles, fingerprint) kept in the front matter', () => {
    const text = caseWith(UNSAFE);
    const change = setReviewStatus(text, 'verified', 'Dr Lee', NOW, {
      findings: blockingFindings(library, text),
      overrideReason: 'Teaching example of an unsafe answer.',
    });
    assert.ok('edit' in change && change.edit);
    const review = parseCase(change.edit.text).data.review as Record<string, unknown>;
    assert.equal(review.status, 'verified');
    const override = review.override as Record<string, unknown>;
    assert.equal(override.reason, 'Teaching example of an unsafe answer.');
    assert.equal(override.by, 'Dr Lee');
    assert.equal(override.at, NOW.toISOString());
    assert.ok((override.principles as string[]).includes('urgency.no-delay-with-home-care'));
    assert.equal(override.fingerprint, review.fingerprint);
    assert.equal((review.overrides as unknown[]).length, 1, 'and in the history of overrides');
  });

  it('verifies a safe answer without any override', () => {
    const text = caseWith(SAFE);
    assert.deepEqual(blockingFindings(library, text), []);
    const change = setReviewStatus(text, 'verified', 'Dr Lee', NOW, { findings: [] });
    assert.ok('edit' in change && change.edit);
    assert.doesNotMatch(change.edit.text, /override/);
  });

  it('a writer that changes a verified answer puts it back in review; an unchanged one is left alone', () => {
    const verified = setReviewStatus(caseWith(SAFE), 'verified', 'Dr Lee', NOW, { findings: [] });
    assert.ok('edit' in verified && verified.edit);
    assert.equal(unverifyIfChanged(verified.edit.text, 'a script', NOW), verified.edit.text);
    const changed = unverifyIfChanged(verified.edit.text.replace('sit down', 'lie down'), 'a script', NOW);
    assert.match(changed, /status: in-review/);
    assert.match(changed, /Changed by a script after it was verified/);
  });
});

describe('revision safety', () => {
  const scenario = classifyQuestion(QUESTION, loaded.lexicon).scenario;
  const context = { library, question: QUESTION, scenario };

  it('refuses a revision that drops the emergency call and adds delay advice, whatever it scores', () => {
    const result = checkRevisionSafety(context, SAFE, UNSAFE);
    assert.equal(result.safe, false);
    assert.ok(
      result.reasons.some((r) => /^drops “Call 911”/.test(r)),
      result.reasons.join('\n'),
    );
    assert.ok(
      result.reasons.some((r) => /^adds an error: .*antacid/.test(r)),
      result.reasons.join('\n'),
    );
  });

  it('refuses a revision that loses a met rubric item worth 8 points or more', () => {
    const grade = (met: boolean) => ({
      score: met ? 1 : 0,
      judgeModel: 'j',
      mode: 'per-item' as const,
      items: [{ criterion: 'Says to chew aspirin', points: 8, tags: [], met, explanation: '' }],
    });
    const result = checkRevisionSafety(context, SAFE, `${SAFE} Do not drive yourself.`, {
      draft: grade(true),
      revised: grade(false),
    });
    assert.deepEqual(result.reasons, ['no longer meets a 8-point rubric item: Says to chew aspirin']);
  });

  it('accepts a revision that keeps the call and adds safety advice', () => {
    assert.deepEqual(
      checkRevisionSafety(context, SAFE, `${SAFE} Do not drive yourself, and do not wait to see if it passes.`),
      { safe: true, reasons: [] },
    );
  });
});
