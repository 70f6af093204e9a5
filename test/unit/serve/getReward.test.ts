// POST /get_reward over real HTTP, judged by the OpenAI-compatible test server's keyword judge.
import assert from 'node:assert/strict';
import { EXTRA_LOG_KEYS } from '../../../src/core/serve/rewardScore';
import { QUESTION, RL_RECORD, startHarness, type Harness } from './serveHarness';

const template = (q: string) =>
  `<|im_start|>system\nYou are helpful.<|im_end|>\n<|im_start|>user\n${q}<|im_end|>\n<|im_start|>assistant\n`;
const GOOD = 'Call emergency services immediately. Chew an aspirin if you are not allergic.';
const BAD = 'It is probably nothing. Suggests waiting until tomorrow to see whether it passes.';

describe('serve: POST /get_reward (OpenRLHF remote reward)', function () {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(() => h.close());
  beforeEach(() => h.model.reset());

  it('scores N = 8 rollouts of one prompt in one call: every list of length N, HealthBench scores', async () => {
    const prompt = template(QUESTION);
    const responses = [GOOD, BAD, GOOD, 'Rest.', GOOD, BAD, 'Call emergency services immediately.', GOOD];
    const { status, json } = await h.post('/get_reward', {
      query: responses.map((r) => `${prompt}${r}<|im_end|><|endoftext|>`),
      prompts: responses.map(() => prompt),
      labels: responses.map(() => 'chest-pain'),
    });
    assert.equal(status, 200, JSON.stringify(json));
    assert.equal(json.rewards.length, 8);
    assert.equal(json.scores.length, 8);
    assert.deepEqual(Object.keys(json.extra_logs).sort(), [...EXTRA_LOG_KEYS].sort());
    for (const values of Object.values(json.extra_logs) as number[][]) assert.equal(values.length, 8);
    assert.equal(json.rewards[0], 1); // 15 of 15 positive points
    assert.equal(json.rewards[1], -6 / 15); // unclipped
    assert.equal(json.scores[1], 0); // clipped
    assert.equal(json.rewards[6], 10 / 15);
    assert.equal(json.extra_logs.negative_items_hit[1], 1);
    assert.equal(json.extra_logs.items_met_fraction[6], 0.5);
    assert.equal(json.extra_logs.judge_failures[0], 0);
  });

  it('N = 1 with a bare string query (current OpenRLHF), same keys; a repeat is served from the cache', async () => {
    const prompt = template(QUESTION);
    const body = { query: [`${prompt}${GOOD}<|im_end|>`], prompts: [prompt], labels: ['chest-pain'] };
    const first = await h.post('/get_reward', body);
    assert.equal(first.status, 200);
    assert.deepEqual(first.json.rewards, [1]);
    const calls = h.model.chatRequests.length;
    const again = await h.post('/get_reward', body);
    assert.deepEqual(again.json.extra_logs.cache_hits, [3]);
    assert.equal(h.model.chatRequests.length, calls, 'no new judge call');
  });

  it('extracts the response from the templated query: after the prompt, else after the last assistant marker; no special tokens or <think>', async () => {
    const prompt = template(QUESTION);
    const thinking = `${prompt}<think>Maybe suggest waiting to see whether it passes? No: emergency.</think>\n${GOOD} Stay calm.<|im_end|>`;
    // No prompts at all: the last assistant marker decides.
    const { json } = await h.post('/get_reward', { query: [thinking], labels: ['chest-pain'] });
    assert.deepEqual(json.rewards, [1]);
    assert.deepEqual(json.extra_logs.negative_items_hit, [0], 'the reasoning block was not judged');
    const graded = h.model.chatRequests.map((r) => r.body!.messages.at(-1)!.content).join('\n');
    assert.doesNotMatch(graded, /<think>|<\|im_end\|>|Maybe suggest/);
    assert.match(
      graded,
      /assistant: Call emergency services immediately\. Chew an aspirin if you are not allergic\. Stay calm\.$/m,
    );
  });

  it('an unclosed <think> is no answer: reward 0 without a judge call', async () => {
    const prompt = template(QUESTION);
    const { status, json } = await h.post('/get_reward', {
      query: [`${prompt}<think>still thinking when the length limit hit`],
      prompts: [prompt],
      labels: ['chest-pain'],
    });
    assert.equal(status, 200);
    assert.deepEqual(json.rewards, [0]);
    assert.deepEqual(json.extra_logs.empty_response, [1]);
    assert.equal(h.model.chatRequests.length, 0);
  });

  it('accepts an inline record or rubric list as the label (object or JSON string); positive-only and binary options', async () => {
    const rubric = RL_RECORD.rubrics;
    const { json } = await h.post('/get_reward', {
      query: [BAD, BAD],
      prompts: ['', ''],
      labels: [{ prompt: RL_RECORD.prompt, rubrics: rubric }, JSON.stringify(rubric)],
    });
    assert.deepEqual(json.rewards, [-6 / 15, -6 / 15]);
    const positive = await h.post('/get_reward?positive_only=1', {
      query: [BAD],
      prompts: [''],
      labels: ['chest-pain'],
    });
    assert.deepEqual(positive.json.rewards, [0]);
    assert.deepEqual(positive.json.extra_logs.negative_items_hit, [0]);
    const binary = await h.post('/get_reward?binary_threshold=0.6', {
      query: [GOOD, 'Call emergency services immediately.'],
      prompts: ['', ''],
      labels: ['chest-pain', 'chest-pain'],
    });
    assert.deepEqual(binary.json.rewards, [1, 1]);
    const strict = await h.post('/get_reward?binary_threshold=0.9', {
      query: ['Call emergency services immediately.'],
      prompts: [''],
      labels: ['chest-pain'],
    });
    assert.deepEqual(strict.json.rewards, [0]);
  });

  it('an unknown label is a 422 naming it; mismatched lengths and a missing label column are 400s', async () => {
    const unknown = await h.post('/get_reward', { query: ['x'], prompts: [''], labels: ['no-such-prompt'] });
    assert.equal(unknown.status, 422);
    assert.match(unknown.json.error.message, /"no-such-prompt" is not a prompt_id of the loaded data/);
    const lengths = await h.post('/get_reward', {
      query: ['a', 'b'],
      prompts: ['a'],
      labels: ['chest-pain', 'chest-pain'],
    });
    assert.equal(lengths.status, 400);
    assert.match(lengths.json.error.message, /same length/);
    const empty = await h.post('/get_reward', { query: ['a'], prompts: [''], labels: [''] });
    assert.equal(empty.status, 422);
    assert.match(empty.json.error.message, /label_key/);
    const noLabels = await h.post('/get_reward', { query: ['a'], prompts: [''] });
    assert.equal(noLabels.status, 400);
    assert.equal(h.model.chatRequests.length, 0);
  });

  it('judge faults are a 200: the unjudged items count as not met and are logged', async () => {
    h.model.failNext({ kind: 'server-error', status: 400 }, 1);
    const { status, json } = await h.post('/get_reward', {
      query: ['Call emergency services immediately. Chew an aspirin if you are not allergic, really'],
      prompts: [''],
      labels: ['chest-pain'],
    });
    assert.equal(status, 200);
    assert.deepEqual(json.extra_logs.judge_failures, [1]);
    assert.ok(json.rewards[0] < 1, 'the failed item counted as not met');
    assert.ok(
      h.logs.some((l) => /1 of 3 items not judged/.test(l)),
      h.logs.join('\n'),
    );
  });
});
