import assert from 'node:assert/strict';
import {
  CHANGED_SINCE_REQUEST,
  checkAcceptable,
  proposalId,
  type RevisionProposal,
} from '../../../src/core/case/revisionProposal';

const text = '---\nid: demo\nprompt: What should I do?\n---\nCall 911.\n';
const proposal: RevisionProposal = {
  id: 'x',
  documentUri: 'file:///demo.case.md',
  version: 3,
  documentText: text,
  caseId: 'demo',
  draft: 'Call 911.\n',
  revised: 'Call 911 now.\n',
  model: 'm',
  principlesAddressed: [],
  summary: '',
};

describe('revision proposals', () => {
  it('replaces exactly the answer body when the document is unchanged', () => {
    const check = checkAcceptable(proposal, { version: 3, text });
    assert.ok(check.ok);
    const { start, end, newText } = check as Extract<typeof check, { ok: true }>;
    assert.equal(
      text.slice(0, start) + newText + text.slice(end),
      '---\nid: demo\nprompt: What should I do?\n---\nCall 911 now.\n',
    );
  });

  it('says where the revision first differs from the draft, so the editor can reveal it', () => {
    const check = checkAcceptable(proposal, { version: 3, text }) as Extract<
      ReturnType<typeof checkAcceptable>,
      { ok: true }
    >;
    assert.equal(check.firstChange, text.indexOf('Call 911.') + 'Call 911'.length);
    const whole = checkAcceptable({ ...proposal, revised: 'Go to the ED.\n' }, { version: 3, text }) as Extract<
      ReturnType<typeof checkAcceptable>,
      { ok: true }
    >;
    assert.equal(whole.firstChange, whole.start, 'a revision that changes everything reveals the start of the answer');
  });

  it('refuses after any edit, even one that restored the same version number', () => {
    assert.deepEqual(checkAcceptable(proposal, { version: 4, text }), { ok: false, reason: CHANGED_SINCE_REQUEST });
    assert.deepEqual(checkAcceptable(proposal, { version: 3, text: text.replace('911', '999') }), {
      ok: false,
      reason: CHANGED_SINCE_REQUEST,
    });
    assert.equal(checkAcceptable(proposal, undefined).ok, false);
  });

  it('makes distinct ids', () => {
    assert.notEqual(proposalId(1, 1000), proposalId(2, 1000));
    assert.match(proposalId(1), /^[a-z0-9]+-1$/);
  });
});
