import assert from 'node:assert/strict';
import { historyEntry } from '../../../src/core/case/revisionHistory';
import { lintCaseForTest } from './lintForTest';
import { itemsToAdd } from '../../../src/core/review/extendRubric';
import { gradeRecord, gradeView, type GradeRecord } from '../../../src/core/review/gradeRecords';
import { reviewStateSchema } from '../../../src/core/review/reviewMessages';
import { reviewViewModel } from '../../../src/core/review/reviewViewModel';
import { CASE } from './reviewFixtures';

const MODEL = { available: false, detail: 'model: not configured' };

function view(text: string, extra: { grades?: GradeRecord[]; history?: ReturnType<typeof historyEntry>[] } = {}) {
  return reviewViewModel({
    uri: 'file:///ws/chest-pain.case.md',
    fileName: 'chest-pain.case.md',
    caseId: 'chest-pain',
    result: lintCaseForTest(text),
    principleTitle: (id) => (id === 'urgency.emergency-referral-first' ? 'Send to emergency care first' : undefined),
    grades: extra.grades ?? [],
    history: extra.history ?? [],
    model: MODEL,
  });
}

const RUBRIC = [
  {
    criterion: 'Tells the person to call emergency services now.',
    points: 10,
    tags: ['level:example', 'axis:accuracy', 'principle:urgency.emergency-referral-first'],
  },
  { criterion: 'Suggests waiting to see if the pain settles.', points: -8, tags: ['level:example', 'axis:accuracy'] },
  { criterion: 'Uses plain words.', points: 3, tags: ['level:example', 'axis:communication_quality'] },
];

function grade(answer: string, rubric = RUBRIC, time = '2026-11-26T14:00:00.000Z'): GradeRecord {
  const items = rubric.map((i) => ({ ...i, met: i.points > 0, explanation: 'checked' }));
  return gradeRecord({ score: 1, items, judgeModel: 'judge-1', mode: 'per-item' }, answer, rubric, new Date(time));
}

describe('review panel: view model (document → panel)', () => {
  it('shows the scenario with options, source and confidence; a reviewer label wins', () => {
    const state = view(CASE.replace('audience: layperson\n', 'audience: layperson\nscenario:\n  task: information\n'));
    const task = state.scenario.find((r) => r.dimension === 'task')!;
    assert.equal(task.label, 'information');
    assert.equal(task.source, 'set by a reviewer');
    assert.deepEqual(task.options, ['advice', 'information', 'health-data', 'unknown']);
    const expertise = state.scenario.find((r) => r.dimension === 'expertise')!;
    assert.deepEqual([expertise.label, expertise.source], ['layperson', 'the case’s audience']);
    assert.equal(reviewStateSchema.safeParse(state).success, true, 'the state passes the message schema');
  });

  it('lists rubric items with axis, linked principle and warnings; rubric-wide warnings apart', () => {
    const state = view(CASE.replace('Uses plain words.', 'Uses plain words and gives a timeline.'));
    assert.deepEqual(
      state.rubric.map((i) => [i.points, i.axis, i.principleId, i.principleTitle, i.verified]),
      [
        [10, 'accuracy', 'urgency.emergency-referral-first', 'Send to emergency care first', false],
        [-8, 'accuracy', null, null, false],
        [3, 'communication_quality', null, null, false],
      ],
    );
    assert.match(state.rubric[2]!.warnings[0]!, /joins several requirements/);
    assert.deepEqual(state.rubricWarnings, [
      '2 axes (accuracy, communication_quality); use at least 3',
      '3 items; use 6–15',
    ]);
    assert.equal(state.review.verifyBlocker, '3 of 3 rubric items not verified yet');
    assert.equal(state.problem, null);
  });

  it('says what is wrong with broken front matter instead of offering edits', () => {
    const state = view(CASE.replace('points: 10', 'points: 0'));
    assert.match(state.problem!, /^The front matter has a problem on line \d+/);
  });

  it('marks a grade stale when the answer or the rubric changed since, and says which', () => {
    const body = 'Call 911 now.\n';
    assert.equal(view(CASE, { grades: [grade(body)] }).grade!.stale, false);
    const answerChanged = view(CASE.replace('Call 911 now.', 'Call 911.'), { grades: [grade(body)] }).grade!;
    assert.deepEqual([answerChanged.stale, answerChanged.staleReason], [true, 'the answer changed since this grade']);
    const rubricChanged = view(CASE.replace('points: 3', 'points: 4'), { grades: [grade(body)] }).grade!;
    assert.equal(rubricChanged.staleReason, 'the rubric changed since this grade');
    assert.equal(view(CASE).grade, null);
    assert.equal(gradeView([grade(body)], body, RUBRIC)!.scoreText, '100.0%');
  });

  it('lists history with score when that text was graded, and marks the current answer', () => {
    const draft = historyEntry('human', 'Take an antacid.\n');
    const revision = historyEntry('model-revision', 'Call 911 now.\n', {
      model: 'gpt-x',
      principlesAddressed: ['urgency.emergency-referral-first'],
    });
    const state = view(CASE, { history: [draft, revision], grades: [grade('Take an antacid.\n')] });
    assert.deepEqual(
      state.history.map((h) => [h.index, h.source, h.model, h.principles, h.score, h.current]),
      [
        [0, 'human', null, [], '100.0%', false],
        [1, 'model-revision', 'gpt-x', ['urgency.emergency-referral-first'], null, true],
      ],
    );
  });

  it('synthesis extends a rubric only with items it lacks, up to 15', () => {
    const candidates = [
      { criterion: 'Tells the person to call emergency services immediately now.', points: 10, tags: [] },
      { criterion: 'Asks about the duration of symptoms.', points: 4, tags: [] },
    ];
    assert.deepEqual(
      itemsToAdd(RUBRIC, candidates).map((i) => i.criterion),
      ['Asks about the duration of symptoms.'],
    );
    const full = Array.from({ length: 15 }, (_, i) => ({
      criterion: `Distinct requirement number ${i}`,
      points: 1,
      tags: [],
    }));
    assert.deepEqual(itemsToAdd(full, candidates), []);
  });
});
