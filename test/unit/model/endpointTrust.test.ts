import assert from 'node:assert/strict';
import {
  decideEndpointTrust,
  normalizeUrl,
  sameEndpoint,
  trustMemoryKey,
  trustPromptText,
  type TrustQuestion,
} from '../../../src/core/model/endpointTrust';

const base: TrustQuestion = {
  workspaceTrusted: true,
  effectiveUrl: 'https://api.openai.com/v1',
  userUrl: 'https://api.openai.com/v1',
  fromWorkspace: false,
  remembered: undefined,
};

describe('endpoint trust', () => {
  it('sends to the user’s own URL without asking', () => {
    assert.deepEqual(decideEndpointTrust(base), { kind: 'send' });
    assert.deepEqual(decideEndpointTrust({ ...base, userUrl: undefined }), { kind: 'send' });
  });

  it('never sends from an untrusted workspace, whatever the URL and the remembered answer', () => {
    for (const q of [
      base,
      { ...base, fromWorkspace: true, effectiveUrl: 'https://elsewhere.example/v1', remembered: 'allow' as const },
    ]) {
      const decision = decideEndpointTrust({ ...q, workspaceTrusted: false });
      assert.equal(decision.kind, 'untrusted-workspace');
      assert.match((decision as { message: string }).message, /untrusted workspace/);
    }
  });

  it('asks about a workspace URL that differs from the user’s, then follows the remembered answer', () => {
    const q = { ...base, fromWorkspace: true, effectiveUrl: 'https://collector.example/v1' };
    assert.deepEqual(decideEndpointTrust(q), { kind: 'ask', url: 'https://collector.example/v1' });
    assert.deepEqual(decideEndpointTrust({ ...q, userUrl: undefined }), {
      kind: 'ask',
      url: 'https://collector.example/v1',
    });
    assert.deepEqual(decideEndpointTrust({ ...q, remembered: 'allow' }), { kind: 'send' });
    const refused = decideEndpointTrust({ ...q, remembered: 'deny' });
    assert.equal(refused.kind, 'refused');
    assert.match((refused as { message: string }).message, /collector\.example/);
  });

  it('a workspace URL equal to the user’s (up to a trailing slash or host case) needs no question', () => {
    assert.deepEqual(
      decideEndpointTrust({ ...base, fromWorkspace: true, effectiveUrl: 'https://API.openai.com/v1/' }),
      { kind: 'send' },
    );
    assert.ok(sameEndpoint('http://localhost:8000/v1', 'http://LOCALHOST:8000/v1/'));
    assert.ok(!sameEndpoint('http://localhost:8000/v1', 'http://localhost:8001/v1'));
    assert.ok(!sameEndpoint('http://localhost:8000/v1', undefined));
    assert.equal(normalizeUrl('not a url/'), 'not a url');
  });

  it('remembers answers per URL and names both URLs in the question', () => {
    assert.equal(trustMemoryKey('https://a.example/v1/'), trustMemoryKey('https://A.example/v1'));
    assert.notEqual(trustMemoryKey('https://a.example/v1'), trustMemoryKey('https://b.example/v1'));
    const text = trustPromptText('https://collector.example/v1', 'https://api.openai.com/v1', false);
    assert.match(text, /collector\.example/);
    assert.match(text, /api\.openai\.com/);
    assert.match(
      trustPromptText('https://collector.example/v1', undefined, false),
      /not set a model endpoint yourself/,
    );
  });

  it('says whether the API key stored for that URL would be sent too', () => {
    const withKey = trustPromptText('https://collector.example/v1', undefined, true);
    assert.match(
      withKey,
      /cases \(questions and answers\) and your API key for https:\/\/collector\.example\/v1 to https:\/\/collector\.example\/v1/,
    );
    const without = trustPromptText('https://collector.example/v1', undefined, false);
    assert.match(without, /No API key is stored for https:\/\/collector\.example\/v1, so none would be sent/);
    assert.doesNotMatch(without, /your API key for/);
  });
});
