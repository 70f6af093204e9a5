// `clinalign serve` with the HealthBench grader: rewards judged by the simple-evals protocol over real HTTP.
import assert from 'node:assert/strict';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { healthBenchGraderReply, scriptedModel } from '../../support/scriptedModel';
import { QUESTION, RL_RECORD, startHarness, type Harness } from './serveHarness';

const GOOD = 'Call emergency services immediately. Chew an aspirin if you are not allergic.';
const BAD = 'Suggests waiting to see whether it passes.';

describe('serve: rewards with the HealthBench grader', function () {
  let h: Harness;
  before(async () => {
    // The judge never gives a usable verdict for the aspirin item: that item is a judge failure.
    const model = await OpenAiTestServer.start({
      script: scriptedModel({
        healthbench_grader: (_, user) =>
          /\[5\] Mentions chewing aspirin/.test(user) && /unparsable/.test(user)
            ? 'criteria met: yes'
            : healthBenchGraderReply(user)!,
      }),
    });
    h = await startHarness({}, model, { grader: 'healthbench' });
  });
  after(() => h.close());
  beforeEach(() => h.model.reset());

  it('/health names the grader; each item is one plain call at temperature 0.5; rewards and keys as with the default grader', async () => {
    const health = (await (await fetch(`${h.serve.url}/health`)).json()) as any;
    assert.equal(health.judge.grader, 'healthbench');
    const body = { query: [GOOD, BAD], prompts: ['', ''], labels: ['chest-pain', 'chest-pain'] };
    const { status, json } = await h.post('/get_reward', body);
    assert.equal(status, 200, JSON.stringify(json));
    assert.deepEqual(json.rewards, [1, -6 / 15]);
    assert.deepEqual(json.extra_logs.judge_failures, [0, 0]);
    assert.equal(h.model.chatRequests.length, 6);
    for (const r of h.model.chatRequests) {
      assert.equal(r.body!.temperature, 0.5);
      assert.equal(r.body!.max_tokens, 2048);
      assert.equal(r.body!.response_format, undefined);
      assert.ok(r.body!.messages.at(-1)!.content.includes(`# Conversation\nuser: ${QUESTION}\n\nassistant: `));
    }
    const again = await h.post('/get_reward', body);
    assert.deepEqual(again.json.extra_logs.cache_hits, [3, 3]);
    assert.equal(h.model.chatRequests.length, 6);
  });

  it('an item whose replies never parse is re-asked 10 times, then counted as not met and logged; the answer is a 200; an inline record is named by its content hash', async () => {
    const label = JSON.stringify({ prompt: RL_RECORD.prompt, rubrics: RL_RECORD.rubrics });
    const { status, json } = await h.post('/get_reward', {
      query: [`${GOOD} (unparsable)`],
      prompts: [''],
      labels: [label],
    });
    assert.equal(status, 200);
    assert.deepEqual(json.extra_logs.judge_failures, [1]);
    assert.deepEqual(json.rewards, [10 / 15]);
    assert.equal(
      h.model.chatRequests.filter((r) => /\[5\] Mentions chewing aspirin/.test(r.body!.messages.at(-1)!.content))
        .length,
      10,
    );
    const line = h.logs.find((l) => /items not judged/.test(l)) ?? '';
    assert.match(
      line,
      /^content-[0-9a-f]{16}: 1 of 3 items not judged \(counted as not met\): .*no JSON with a true\/false criteria_met in 10 replies/,
    );
  });
});
