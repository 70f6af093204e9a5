// /health, /score, token auth, malformed requests, the bounded queue and graceful shutdown, over real HTTP.
import assert from 'node:assert/strict';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';
import { waitUntil } from '../../support/waitUntil';
import { TEST_KEY } from '../model/modelTestSetup';
import { QUESTION, RL_RECORD, startHarness, type Harness } from './serveHarness';

const TOKEN = 'serve-token-0123456789';

describe('serve: /health, /score, auth and limits', function () {
  let h: Harness;
  before(async () => (h = await startHarness({ token: TOKEN })));
  after(() => h.close());
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('GET /health reports the judge, the rubrics loaded and the library version', async () => {
    const response = await fetch(`${h.serve.url}/health?token=${TOKEN}`);
    assert.equal(response.status, 200);
    const health = (await response.json()) as any;
    assert.equal(health.status, 'ok');
    assert.equal(health.version, '0.0.0-test');
    assert.equal(health.judge.model, 'test-judge');
    assert.equal(health.rubrics.loaded, 1);
    assert.match(health.library.version, /^sha256:[0-9a-f]{16}$/);
    assert.ok(health.library.principles > 50);
    assert.ok(h.serve.url.startsWith('http://127.0.0.1:'), 'binds 127.0.0.1 by default');
  });

  it('a wrong or missing token is a 401 (Bearer or ?token=); the token and API key are never logged or echoed', async () => {
    const none = await h.post('/get_reward', { query: ['x'], labels: ['chest-pain'] });
    assert.equal(none.status, 401);
    const wrong = await h.post('/get_reward?token=nope', { query: ['x'], labels: ['chest-pain'] });
    assert.equal(wrong.status, 401);
    const query = await h.post(`/get_reward?token=${TOKEN}`, {
      query: ['Call emergency services immediately.'],
      labels: ['chest-pain'],
    });
    assert.equal(query.status, 200);
    const all = h.logs.join('\n') + none.text + wrong.text;
    assert.ok(!all.includes(TOKEN) && !all.includes(TEST_KEY), all);
  });

  it('malformed JSON is a 400 with a clear error; a body over the cap is a 413; an unknown route a 404', async () => {
    const bad = await h.post('/get_reward', '{"query": [', auth);
    assert.equal(bad.status, 400);
    assert.match(bad.json.error.message, /not valid JSON/);
    const wrongShape = await h.post('/score', { solution: 'x' }, auth);
    assert.equal(wrongShape.status, 400);
    assert.match(wrongShape.json.error.message, /solution_str/);
    const small = await startHarness({ maxBodyBytes: 100 });
    try {
      const big = await small.post('/get_reward', { query: ['x'.repeat(500)], labels: ['chest-pain'] });
      assert.equal(big.status, 413);
    } finally {
      await small.close();
    }
    const missing = await h.post('/nowhere', {}, auth);
    assert.equal(missing.status, 404);
  });

  it('POST /score (verl, TRL): ground_truth as the rubric JSON string, messages from extra_info; same keys every time', async () => {
    const a = await h.post(
      '/score',
      {
        data_source: 'clinalign',
        solution_str: 'Call emergency services immediately.',
        ground_truth: JSON.stringify(RL_RECORD.rubrics),
        extra_info: { prompt_id: 'chest-pain', prompt: RL_RECORD.prompt },
      },
      auth,
    );
    assert.equal(a.status, 200, a.text);
    assert.equal(a.json.score, 10 / 15);
    const b = await h.post(
      '/score',
      {
        data_source: 'clinalign',
        solution_str: '<think>hmm</think>Suggests waiting to see whether it passes.',
        ground_truth: 'chest-pain',
        extra_info: null,
      },
      auth,
    );
    assert.equal(b.json.score, -6 / 15);
    assert.equal(b.json.clipped_score, 0);
    assert.deepEqual(Object.keys(a.json), Object.keys(b.json));
    const unknown = await h.post('/score', { solution_str: 'x', ground_truth: 'nope' }, auth);
    assert.equal(unknown.status, 422);
  });

  it('a full queue answers 429 with Retry-After; shutdown answers the requests in flight', async () => {
    const slow = await OpenAiTestServer.start({ script: scriptedModel(), latencyMs: 300 });
    const busy = await startHarness({ maxActive: 1, maxQueued: 0 }, slow);
    const body = (n: number) => ({
      query: [`Call emergency services immediately, attempt ${n}.`],
      labels: ['chest-pain'],
    });
    const first = busy.post('/get_reward', body(1));
    await waitUntil('the first request is with the judge', () => slow.chatRequests.length > 0);
    const second = await busy.post('/get_reward', body(2));
    assert.equal(second.status, 429);
    assert.equal(second.headers.get('retry-after'), '1');
    const third = busy.post('/get_reward', body(3)).catch((e) => e);
    await new Promise((r) => setTimeout(r, 20));
    const closing = busy.close();
    const done = await first;
    assert.equal(done.status, 200, 'the request in flight was answered');
    assert.equal(done.json.rewards.length, 1);
    await closing;
    void third;
  });

  it('judge deadline: items the judge has not answered in time count as not met, and the answer is still 200', async () => {
    const slow = await OpenAiTestServer.start({ script: scriptedModel(), latencyMs: 400 });
    const late = await startHarness({ deadlineMs: 150 }, slow);
    try {
      const started = Date.now();
      const { status, json } = await late.post('/get_reward', {
        query: ['Call emergency services immediately.'],
        prompts: [QUESTION],
        labels: ['chest-pain'],
      });
      assert.equal(status, 200);
      assert.ok(Date.now() - started < 1000);
      assert.deepEqual(json.extra_logs.judge_failures, [3]);
      assert.deepEqual(json.rewards, [0]);
    } finally {
      await late.close();
    }
  });
});
