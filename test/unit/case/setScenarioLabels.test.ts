import assert from 'node:assert/strict';
import { setScenarioLabels } from '../../../src/core/case/setScenarioLabels';

describe('setScenarioLabels', () => {
  const text =
    '---\nid: demo # keep me\nprompt: Chest pain?\nscenario:\n  uncertainty: none # set by dr-lee\n---\nCall 911.\n';

  it('writes several labels as one change within the front matter, keeping comments', () => {
    const change = setScenarioLabels(text, { urgency: 'emergent', task: 'advice' })!;
    assert.equal(
      change.text,
      '---\nid: demo # keep me\nprompt: Chest pain?\nscenario:\n  uncertainty: none # set by dr-lee\n  urgency: emergent\n  task: advice\n---\nCall 911.\n',
    );
    assert.equal(text.slice(0, change.start) + change.newText + text.slice(change.end), change.text);
    assert.ok(change.end <= text.indexOf('---\nCall'));
  });

  it('returns nothing when the labels are already there', () => {
    assert.equal(setScenarioLabels(text, { uncertainty: 'none' }), undefined);
    assert.equal(setScenarioLabels(text, {}), undefined);
  });
});
