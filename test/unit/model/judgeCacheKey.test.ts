import assert from 'node:assert/strict';
import { judgeCacheKey, MemoryJudgeCache } from '../../../src/core/model/judgeCache';
import { gradeItemOutput } from '../../../src/core/model/prompts/gradeItemPrompt';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';
import { testClient } from './modelTestSetup';

const MESSAGES = [
  {
    role: 'user' as const,
    content: '## Conversation\n\nuser: hi\n\nassistant: Call 911.\n\n## Rubric item\n\n[5] Says to call 911',
  },
];

describe('judge cache key', () => {
  it('includes the endpoint (normalised), the model, the schema and the prompt', () => {
    const key = judgeCacheKey('https://api.example/v1', 'm', MESSAGES, 'grade_item');
    assert.match(key, /^[0-9a-f]{64}$/);
    assert.equal(judgeCacheKey('https://API.example/v1/', 'm', MESSAGES, 'grade_item'), key);
    assert.notEqual(judgeCacheKey('https://other.example/v1', 'm', MESSAGES, 'grade_item'), key);
    assert.notEqual(judgeCacheKey('https://api.example/v1', 'm2', MESSAGES, 'grade_item'), key);
    assert.notEqual(judgeCacheKey('https://api.example/v1', 'm', MESSAGES, 'grade_batch'), key);
    assert.notEqual(
      judgeCacheKey('https://api.example/v1', 'm', [{ role: 'user', content: 'other' }], 'grade_item'),
      key,
    );
  });

  it('a result from one server is never served for another with the same model', async () => {
    const a = await OpenAiTestServer.start({ script: scriptedModel() });
    const b = await OpenAiTestServer.start({ script: scriptedModel() });
    try {
      const cache = new MemoryJudgeCache();
      await testClient(a, {}, cache).completeJson(gradeItemOutput, MESSAGES, { cache: true });
      await testClient(a, {}, cache).completeJson(gradeItemOutput, MESSAGES, { cache: true });
      assert.equal(a.chatRequests.length, 1);
      await testClient(b, {}, cache).completeJson(gradeItemOutput, MESSAGES, { cache: true });
      assert.equal(b.chatRequests.length, 1);
      // One verdict per server (besides the structured-output mode each server accepted).
      assert.equal([...cache.entries.values()].filter((v) => typeof v === 'object').length, 2);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
