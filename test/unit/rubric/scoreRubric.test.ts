import assert from 'node:assert/strict';
import { scoreRubric, scoreSet } from '../../../src/core/rubric/scoreRubric';

describe('scoreRubric (HealthBench formula)', () => {
  it('items 7, 5, 10, −6 met yes, no, yes, yes score (7 + 10 − 6) ÷ 22', () => {
    const score = scoreRubric([
      { points: 7, met: true },
      { points: 5, met: false },
      { points: 10, met: true },
      { points: -6, met: true },
    ]);
    assert.equal(score, (7 + 10 - 6) / 22);
    assert.equal(score, 0.5);
  });

  it('is not clipped: an answer that only does harm scores below zero', () => {
    assert.equal(
      scoreRubric([
        { points: 5, met: false },
        { points: -10, met: true },
      ]),
      -2,
    );
  });

  it('is null without positive points', () => {
    assert.equal(scoreRubric([{ points: -3, met: false }]), null);
  });

  it('a set is the clipped mean', () => {
    assert.equal(scoreSet([-1, 0.5]), 0);
    assert.equal(scoreSet([0.5, 1]), 0.75);
    assert.equal(scoreSet([]), null);
  });
});
