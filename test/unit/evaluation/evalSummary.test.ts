import assert from 'node:assert/strict';
import { summarizeEval, type GradedExample } from '../../../src/core/evaluation/evalSummary';
import { seededRandom } from '../../../src/core/evaluation/seededRandom';
import { setStatistics } from '../../../src/core/evaluation/setStatistics';
import { scoreRubric } from '../../../src/core/rubric/scoreRubric';

const item = (points: number, met: boolean, axis = 'accuracy') => ({
  points,
  met,
  tags: ['level:example', `axis:${axis}`],
});
const example = (id: string, items: GradedExample['items'], tags: string[] = []): GradedExample => ({
  prompt_id: id,
  example_tags: tags,
  items,
});

describe('evaluation: HealthBench score', () => {
  it('pins the formula: 7, 5, 10, −6 met yes, no, yes, yes → (7 + 10 − 6) ÷ 22', () => {
    const items = [item(7, true), item(5, false), item(10, true), item(-6, true)];
    assert.equal(scoreRubric(items), (7 + 10 - 6) / 22);
    assert.equal(summarizeEval([example('a', items)]).score, 0.5);
  });

  it('an example may score below 0, but the set mean is clipped to [0, 1]', () => {
    const harmful = example('h', [item(5, false), item(-10, true)]);
    assert.equal(summarizeEval([harmful]).examples[0]!.score, -2);
    assert.equal(summarizeEval([harmful]).score, 0);
    // Mean of −2 and 1 is −0.5: clipped to 0, not the mean of clipped scores (0.5).
    assert.equal(summarizeEval([harmful, example('g', [item(5, true)])]).score, 0);
  });

  it('examples without positive points are left out and counted', () => {
    const summary = summarizeEval([example('a', [item(-5, false)]), example('b', [item(4, true)])]);
    assert.equal(summary.n, 1);
    assert.equal(summary.n_unscored, 1);
    assert.equal(summary.score, 1);
  });

  it('rescores each axis over its own items and skips examples with no positive points on it', () => {
    const a = example('a', [
      item(10, true, 'accuracy'),
      item(10, false, 'completeness'),
      item(-5, true, 'communication_quality'),
    ]);
    const b = example('b', [item(4, false, 'accuracy')]);
    const summary = summarizeEval([a, b]);
    assert.equal(summary.by_axis.accuracy!.score, 0.5);
    assert.equal(summary.by_axis.accuracy!.n, 2);
    assert.equal(summary.by_axis.completeness!.n, 1);
    assert.equal(summary.by_axis.completeness!.score, 0);
    assert.equal(summary.by_axis.communication_quality, undefined, 'only negative items: skipped');
  });

  it('rescores by rubric level and by consensus cluster, like axes: only the items carrying the tag', () => {
    const cluster = (points: number, met: boolean, name: string) => ({
      points,
      met,
      tags: ['level:cluster', `cluster:${name}`, 'axis:accuracy'],
    });
    const a = example('a', [
      item(10, true),
      item(10, false),
      cluster(5, true, 'emergency_referrals_emergent_seek-care'),
    ]);
    const b = example('b', [
      item(6, true),
      cluster(5, false, 'emergency_referrals_emergent_seek-care'),
      cluster(5, true, 'hedging_any-reducible-uncertainty_hedges'),
    ]);
    const c = example('c', [
      item(4, false),
      { points: -5, met: true, tags: ['level:cluster', 'cluster:context_seeking_not-enough-context_asks'] },
    ]);
    const summary = summarizeEval([a, b, c]);
    assert.deepEqual(Object.keys(summary.by_level), ['cluster', 'example']);
    // level:example — a: 10/20, b: 6/6, c: 0/4 → mean 0.5
    assert.equal(summary.by_level.example!.score, 0.5);
    assert.equal(summary.by_level.example!.n, 3);
    // level:cluster — a: 5/5, b: 5/10; c has only a negative cluster item: skipped
    assert.equal(summary.by_level.cluster!.score, 0.75);
    assert.equal(summary.by_level.cluster!.n, 2);
    assert.deepEqual(Object.keys(summary.by_cluster), [
      'emergency_referrals_emergent_seek-care',
      'hedging_any-reducible-uncertainty_hedges',
    ]);
    assert.equal(summary.by_cluster['emergency_referrals_emergent_seek-care']!.score, 0.5);
    assert.equal(summary.by_cluster['emergency_referrals_emergent_seek-care']!.n, 2);
    assert.equal(summary.by_cluster['hedging_any-reducible-uncertainty_hedges']!.score, 1);
  });

  it('groups by theme and physician-agreed category with the overall example scores', () => {
    const summary = summarizeEval([
      example('a', [item(10, true)], ['theme:hedging', 'physician_agreed_category:emergent']),
      example('b', [item(10, false)], ['theme:hedging']),
      example('c', [item(10, true)], ['theme:communication']),
    ]);
    assert.deepEqual(Object.keys(summary.by_theme), ['communication', 'hedging']);
    assert.equal(summary.by_theme.hedging!.score, 0.5);
    assert.equal(summary.by_category.emergent!.n, 1);
  });

  it('bootstrap: 1,000 seeded resamples give the same error every time, zero for identical scores', () => {
    const scores = Array.from({ length: 50 }, (_, i) => (i % 5) / 4);
    const first = setStatistics(scores);
    assert.deepEqual(setStatistics(scores), first);
    assert.ok(first.std_error! > 0.02 && first.std_error! < 0.08, `std_error ${first.std_error}`);
    assert.ok(setStatistics([0.4, 0.4, 0.4]).std_error! < 1e-12);
    assert.deepEqual(setStatistics([]), { score: null, std_error: null, n: 0 });
    // Resample means are clipped too: all-negative scores give 0 ± 0.
    assert.deepEqual(setStatistics([-1, -0.5]), { score: 0, std_error: 0, n: 2 });
  });

  it('the seeded generator is deterministic and uniform enough', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const values = Array.from({ length: 10000 }, () => a());
    assert.deepEqual(
      values.slice(0, 5),
      Array.from({ length: 5 }, () => b()),
    );
    const mean = values.reduce((x, y) => x + y, 0) / values.length;
    assert.ok(Math.abs(mean - 0.5) < 0.02);
    assert.ok(values.every((v) => v >= 0 && v < 1));
  });
});
