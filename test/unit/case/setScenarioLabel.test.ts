import assert from 'node:assert/strict';
import { parseCase } from '../../../src/core/case/parseCase';
import { setScenarioLabel } from '../../../src/core/case/setScenarioLabel';

const set = (text: string, dimension: 'urgency' | 'task', label: string) =>
  setScenarioLabel(text, dimension, label).text;

describe('setScenarioLabel', () => {
  it('replaces an existing label in place, keeping its comment', () => {
    assert.equal(
      set('---\nid: a\nscenario:\n  urgency: emergent # dr-lee\n---\nBody\n', 'urgency', 'non-emergent'),
      '---\nid: a\nscenario:\n  urgency: non-emergent # dr-lee\n---\nBody\n',
    );
  });

  it('adds a missing label under scenario: with its indentation, before the next key', () => {
    assert.equal(
      set('---\nid: a\nscenario:\n    urgency: emergent\nreview:\n  status: draft\n---\nBody\n', 'task', 'advice'),
      '---\nid: a\nscenario:\n    urgency: emergent\n    task: advice\nreview:\n  status: draft\n---\nBody\n',
    );
  });

  it('fills an empty value after the colon', () => {
    assert.equal(
      set('---\nscenario:\n  urgency: # todo\n---\n', 'urgency', 'emergent'),
      '---\nscenario:\n  urgency: emergent # todo\n---\n',
    );
    assert.equal(
      set('---\nscenario:\n  urgency:\n---\n', 'urgency', 'emergent'),
      '---\nscenario:\n  urgency: emergent\n---\n',
    );
  });

  it('writes a whole scenario: key when there is none, or it is a flow map, keeping the other labels', () => {
    assert.equal(
      set('---\nid: a\nreview:\n  status: draft\n---\nBody\n', 'urgency', 'emergent'),
      '---\nid: a\nscenario:\n  urgency: emergent\nreview:\n  status: draft\n---\nBody\n',
    );
    assert.equal(
      set('---\nscenario: {urgency: emergent}\n---\n', 'task', 'advice'),
      '---\nscenario:\n  urgency: emergent\n  task: advice\n---\n',
    );
    assert.equal(set('Body only\n', 'urgency', 'emergent'), '---\nscenario:\n  urgency: emergent\n---\nBody only\n');
  });

  it('keeps CRLF line endings and the result parses with the label', () => {
    const text = set('---\r\nid: a\r\nscenario:\r\n  urgency: emergent\r\n---\r\nBody\r\n', 'task', 'information');
    assert.equal(text, '---\r\nid: a\r\nscenario:\r\n  urgency: emergent\r\n  task: information\r\n---\r\nBody\r\n');
    assert.deepEqual(parseCase(text).data.scenario, { urgency: 'emergent', task: 'information' });
  });

  it('reports the replaced span for an editor edit', () => {
    const original = '---\nscenario:\n  urgency: emergent\n---\n';
    const edit = setScenarioLabel(original, 'urgency', 'unknown');
    assert.equal(original.slice(0, edit.start) + edit.newText + original.slice(edit.end), edit.text);
  });
});
