import assert from 'node:assert/strict';
import { caseSlug, newCaseText } from '../../../src/core/case/newCaseTemplate';
import { parseCase } from '../../../src/core/case/parseCase';

describe('new case template', () => {
  it('caseSlug makes a short ASCII slug of the question', () => {
    assert.equal(caseSlug('Can I take ibuprofen with a cold?'), 'can-i-take-ibuprofen-with-a-cold');
    assert.equal(caseSlug('Fièvre chez l’enfant: que faire?'), 'fievre-chez-l-enfant-que-faire');
    assert.equal(caseSlug('???'), 'new-case');
    const long = caseSlug('My father is 82 and has had a cough with green sputum and a fever for five days now');
    assert.ok(long.length <= 48 && !long.endsWith('-'), long);
    assert.equal(caseSlug('x'.repeat(80)).length, 48);
  });

  it('newCaseText writes valid front matter with the question, audience and an empty answer', () => {
    const text = newCaseText({ question: 'Is 140/90: high? "really"', audience: 'layperson' });
    const parsed = parseCase(text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.data.id, 'is-140-90-high-really');
    assert.equal(parsed.data.audience, 'layperson');
    assert.equal(parsed.question, 'Is 140/90: high? "really"');
    assert.equal(parsed.data.review?.status, 'draft');
    assert.match(parsed.body, /^<!-- Write the answer below/);
  });

  it('leaves audience out when the classifier should decide, and takes a given id', () => {
    const parsed = parseCase(newCaseText({ question: 'What is HbA1c?', id: 'hba1c-2' }));
    assert.equal(parsed.data.audience, undefined);
    assert.equal(parsed.data.id, 'hba1c-2');
  });
});
