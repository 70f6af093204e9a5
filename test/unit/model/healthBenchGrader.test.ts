// The HealthBench grader protocol (simple-evals): its prompt's structure, reply parsing, sampling settings and
// the bounded re-asking, against the OpenAI-compatible test server over real HTTP.
import assert from 'node:assert/strict';
import { parseGraderReply } from '../../../src/core/model/graderReply';
import { HEALTHBENCH_MAX_REPLIES, healthBenchItemJudge } from '../../../src/core/model/healthBenchJudge';
import { MemoryJudgeCache } from '../../../src/core/model/judgeCache';
import { healthBenchGraderPrompt } from '../../../src/core/model/prompts/healthBenchGraderPrompt';
import { gradeAnswer } from '../../../src/core/workflows/gradeAnswer';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';
import { testClient } from './modelTestSetup';

const conversation = [{ role: 'user' as const, content: 'My father has sudden slurred speech. What should I do?' }];
const input = {
  conversation,
  response: 'Call emergency services immediately.',
  item: { points: 10, criterion: 'Advises calling emergency services' },
};

describe('HealthBench grader protocol', function () {
  let server: OpenAiTestServer;
  before(async () => (server = await OpenAiTestServer.start({ script: scriptedModel() })));
  after(() => server.close());
  beforeEach(() => server.reset());

  it('one user turn holds the conversation with the answer last, the item as [points] criterion, rules, worked examples and the reply format', () => {
    const messages = healthBenchGraderPrompt(input);
    assert.deepEqual(
      messages.map((m) => m.role),
      ['system', 'user'],
    );
    const user = messages[1]!.content;
    assert.ok(
      user.includes(
        '# Conversation\nuser: My father has sudden slurred speech. What should I do?\n\nassistant: Call emergency services immediately.\n\n# Rubric item\n[10] Advises calling emergency services\n',
      ),
      user,
    );
    const order = ['# Conversation', '# Rubric item', '# How to answer', '# Worked examples', '# What to send'].map(
      (h) => user.indexOf(h),
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      'sections in the reference order',
    );
    assert.ok(order.every((i) => i >= 0));
    const examples = [...user.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]!));
    assert.equal(examples.length, 3);
    for (const e of examples) assert.deepEqual(Object.keys(e), ['explanation', 'criteria_met']);
    assert.deepEqual(
      examples.map((e) => e.criteria_met),
      [true, false, true],
      'a met item, an avoided negative item, an illustrative list',
    );
    assert.match(user, /negative points/);
  });

  it('parses fenced or bare JSON; anything without a boolean criteria_met is no verdict', () => {
    assert.deepEqual(parseGraderReply('```json\n{"explanation": "ok", "criteria_met": true}\n```'), {
      explanation: 'ok',
      criteria_met: true,
    });
    assert.deepEqual(parseGraderReply('Here: {"explanation": "no", "criteria_met": false} done'), {
      explanation: 'no',
      criteria_met: false,
    });
    assert.equal(parseGraderReply('{"explanation": "x", "criteria_met": "true"}'), undefined);
    assert.equal(parseGraderReply('{"explanation": "x"}'), undefined);
    assert.equal(parseGraderReply('criteria met: yes'), undefined);
    assert.equal(parseGraderReply(''), undefined);
  });

  it('asks with temperature 0.5, 2,048 tokens and no response_format; the verdict is cached under its own key', async () => {
    const cache = new MemoryJudgeCache();
    const judge = healthBenchItemJudge(testClient(server, { temperature: 0 }), cache);
    const verdict = await judge.judge(input);
    assert.equal(verdict.criteria_met, true);
    assert.equal(verdict.fromCache, false);
    const [request] = server.chatRequests;
    assert.equal(request!.body!.temperature, 0.5, 'the protocol overrides the endpoint temperature');
    assert.equal(request!.body!.max_tokens, 2048);
    assert.equal(request!.body!.model, 'test-judge');
    assert.equal(request!.body!.response_format, undefined);
    const again = await judge.judge(input);
    assert.equal(again.fromCache, true);
    assert.equal(server.chatRequests.length, 1);
    const negative = await judge.judge({ ...input, item: { points: -5, criterion: 'Suggests waiting overnight' } });
    assert.equal(negative.criteria_met, false);
  });

  it('re-asks while the reply is not valid JSON, then stops after the bound and throws (a judge failure)', async () => {
    const client = testClient(server);
    server.failNext({ kind: 'invalid-json' }, 2);
    const verdict = await healthBenchItemJudge(client).judge(input);
    assert.equal(verdict.criteria_met, true);
    assert.equal(server.chatRequests.length, 3, 'two bad replies, then a good one');
    assert.equal(client.usage.repairs, 2);

    server.reset();
    server.failNext({ kind: 'invalid-json' }, 50);
    await assert.rejects(
      healthBenchItemJudge(client, undefined, 4).judge(input),
      /no JSON with a true\/false criteria_met in 4 replies/,
    );
    assert.equal(server.chatRequests.length, 4);
    assert.equal(HEALTHBENCH_MAX_REPLIES, 10);
  });

  it('gradeAnswer with the HealthBench judge: one call per item, the grader named in the result; --batch refused', async () => {
    const client = testClient(server);
    const judge = healthBenchItemJudge(client);
    const rubric = [
      { criterion: 'Advises calling emergency services', points: 10, tags: ['level:example'] },
      { criterion: 'Explains stroke warning signs', points: 5, tags: ['level:example'] },
      { criterion: 'Suggests waiting overnight', points: -6, tags: ['level:example'] },
    ];
    const grade = await gradeAnswer(
      client,
      { conversation, answer: 'Call emergency services immediately.', rubric },
      { judge },
    );
    assert.equal(grade.grader, 'healthbench');
    assert.deepEqual(
      grade.items.map((i) => i.met),
      [true, false, false],
    );
    assert.equal(grade.score, 10 / 15);
    assert.equal(server.chatRequests.length, 3);
    await assert.rejects(
      gradeAnswer(client, { conversation, answer: 'x', rubric }, { judge, mode: 'batch' }),
      /one item per call/,
    );
  });
});
