import assert from 'node:assert/strict';
import { extensionToPanelSchema, panelToExtensionSchema } from '../../../src/core/review/reviewMessages';

describe('review panel: message schemas', () => {
  it('accepts the panel’s messages and rejects malformed ones', () => {
    const ok = [
      { type: 'ready' },
      { type: 'edit', action: { kind: 'setPoints', index: 0, points: -10 } },
      { type: 'edit', action: { kind: 'setCriterion', index: 2, criterion: 'Names the dose.' } },
      { type: 'edit', action: { kind: 'setStatus', status: 'verified' } },
      { type: 'synthesize', mode: 'offline' },
      { type: 'openRevision', index: 1 },
    ];
    for (const message of ok)
      assert.equal(panelToExtensionSchema.safeParse(message).success, true, JSON.stringify(message));
    const bad = [
      { type: 'edit', action: { kind: 'setPoints', index: 0, points: 0 } },
      { type: 'edit', action: { kind: 'setPoints', index: 0, points: 11 } },
      { type: 'edit', action: { kind: 'setPoints', index: 0, points: 2.5 } },
      { type: 'edit', action: { kind: 'setCriterion', index: 0, criterion: '   ' } },
      { type: 'edit', action: { kind: 'setStatus', status: 'approved' } },
      { type: 'edit', action: { kind: 'deleteItem', index: -1 } },
      { type: 'runCommand', command: 'workbench.action.quit' },
      'ready',
      null,
    ];
    for (const message of bad)
      assert.equal(panelToExtensionSchema.safeParse(message).success, false, JSON.stringify(message));
  });

  it('checks the extension’s messages too', () => {
    assert.equal(extensionToPanelSchema.safeParse({ type: 'state', state: null }).success, true);
    assert.equal(extensionToPanelSchema.safeParse({ type: 'notice', level: 'error', text: 'x' }).success, true);
    assert.equal(extensionToPanelSchema.safeParse({ type: 'state', state: { uri: 1 } }).success, false);
  });
});
