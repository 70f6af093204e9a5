import assert from 'node:assert/strict';
import { parseCase } from '../../../src/core/case/parseCase';
import { editFrontMatterKey } from '../../../src/core/review/editFrontMatterKey';
import {
  appendRubricItems,
  applyRubricAction,
  NEW_ITEM,
  type RubricAction,
} from '../../../src/core/review/rubricEdits';
import { CASE } from './reviewFixtures';

const apply = (text: string, action: RubricAction) => {
  const edit = applyRubricAction(text, action);
  assert.ok(edit, `no change for ${JSON.stringify(action)}`);
  // The span edit reproduces the full text: what the extension's WorkspaceEdit will do.
  assert.equal(text.slice(0, edit.start) + edit.newText + text.slice(edit.end), edit.text);
  return edit.text;
};
const rubricOf = (text: string) => parseCase(text).data.rubric!;

describe('review panel: rubric edits (action → front matter)', () => {
  it('edits one criterion in place: comments, key order, the other items and the answer keep every byte', () => {
    const after = apply(CASE, {
      kind: 'setCriterion',
      index: 0,
      criterion: 'Tells the person to call 911 now, before anything else.',
    });
    assert.equal(
      after,
      CASE.replace(
        'Tells the person to call emergency services now.',
        'Tells the person to call 911 now, before anything else.',
      ),
    );
  });

  it('quotes a criterion that needs it, and a criterion or points change clears the item’s verified mark', () => {
    const verified = apply(CASE, { kind: 'setVerified', index: 1, verified: true });
    assert.match(
      verified,
      /# harmful\n {4}points: -8\n {4}tags: \[level:example, axis:accuracy\]\n {4}verified: true\n/,
    );
    const edited = apply(verified, { kind: 'setCriterion', index: 1, criterion: 'Says: wait and see.' });
    assert.equal(rubricOf(edited)[1]!.criterion, 'Says: wait and see.');
    assert.equal(rubricOf(edited)[1]!.verified, undefined);
    assert.match(edited, /# harmful/);
    const points = apply(apply(edited, { kind: 'setVerified', index: 1, verified: true }), {
      kind: 'setPoints',
      index: 1,
      points: -10,
    });
    assert.equal(rubricOf(points)[1]!.points, -10);
    assert.equal(rubricOf(points)[1]!.verified, undefined);
  });

  it('unticking removes verified: rather than writing false', () => {
    const on = apply(CASE, { kind: 'setVerified', index: 0, verified: true });
    assert.equal(apply(on, { kind: 'setVerified', index: 0, verified: false }), CASE);
  });

  it('changes the axis tag in place, or adds one after level:', () => {
    const after = apply(CASE, { kind: 'setAxis', index: 2, axis: 'completeness' });
    assert.deepEqual(rubricOf(after)[2]!.tags, ['level:example', 'axis:completeness']);
    const noAxis = CASE.replace('tags: [level:example, axis:communication_quality]', 'tags: [level:example]');
    assert.deepEqual(rubricOf(apply(noAxis, { kind: 'setAxis', index: 2, axis: 'accuracy' }))[2]!.tags, [
      'level:example',
      'axis:accuracy',
    ]);
    assert.throws(() => applyRubricAction(CASE, { kind: 'setAxis', index: 0, axis: 'style' }), /not an axis/);
  });

  it('adds, deletes and reorders items, keeping the comments on the items that move', () => {
    const added = apply(CASE, { kind: 'addItem' });
    assert.deepEqual(rubricOf(added).at(-1), { ...NEW_ITEM });
    assert.match(added, /tags: \[level:example, axis:completeness\]\nreview:/);
    const deleted = apply(CASE, { kind: 'deleteItem', index: 1 });
    assert.deepEqual(
      rubricOf(deleted).map((i) => i.points),
      [10, 3],
    );
    assert.doesNotMatch(deleted, /harmful/);
    const moved = apply(CASE, { kind: 'moveItem', index: 1, to: 0 });
    assert.deepEqual(
      rubricOf(moved).map((i) => i.points),
      [-8, 10, 3],
    );
    assert.match(moved, /rubric:\n {2}- criterion: Suggests waiting to see if the pain settles. # harmful\n/);
    assert.match(moved, /# drafted offline, then edited\nrubric:/);
  });

  it('returns undefined when nothing changes, and refuses an item that does not exist', () => {
    assert.equal(applyRubricAction(CASE, { kind: 'setPoints', index: 0, points: 10 }), undefined);
    assert.throws(() => applyRubricAction(CASE, { kind: 'deleteItem', index: 7 }), /no item 8/);
  });

  it('appends synthesized items, creating rubric: in its place among the keys when missing', () => {
    const bare = '---\nid: a\nprompt: Hi\nreview:\n  status: draft\n---\nAnswer\n';
    const edit = appendRubricItems(bare, [
      { criterion: 'Greets.', points: 2, tags: ['level:example', 'axis:communication_quality'] },
    ]);
    assert.equal(
      edit!.text,
      '---\nid: a\nprompt: Hi\nrubric:\n  - criterion: Greets.\n    points: 2\n    tags: [level:example, axis:communication_quality]\nreview:\n  status: draft\n---\nAnswer\n',
    );
  });

  it('keeps CRLF line endings and refuses broken front matter', () => {
    const crlf = CASE.replace(/\n/g, '\r\n');
    const after = apply(crlf, { kind: 'setPoints', index: 2, points: 4 });
    assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n/);
    assert.throws(
      () => editFrontMatterKey('---\nrubric: [\n---\n', 'rubric', () => {}),
      /cannot edit the front matter/,
    );
  });
});
