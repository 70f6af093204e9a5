import assert from 'node:assert/strict';
import { MemoryJudgeCache } from '../../../src/core/model/judgeCache';
import { checkWithModel } from '../../../src/core/workflows/checkWithModel';
import { classifyWithModel } from '../../../src/core/workflows/classifyWithModel';
import { gradeAnswer } from '../../../src/core/workflows/gradeAnswer';
import { reviseAnswer } from '../../../src/core/workflows/reviseAnswer';
import { reviseLoop } from '../../../src/core/workflows/reviseLoop';
import { synthesizeRubric } from '../../../src/core/workflows/synthesizeRubric';
import { locateQuote } from '../../../src/core/workflows/locateQuote';
import { applyOverrides, classifyQuestion } from '../../../src/core/scenario/classifyQuestion';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import { RUBRIC_LIMITS } from '../../../src/core/rubric/rubricWarnings';
import { principleOf } from '../../../src/core/rubric/rubricItem';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { principleIds, scriptedModel } from '../../support/scriptedModel';
import { testClient } from '../model/modelTestSetup';

const conversation = [
  { role: 'user' as const, content: "I'm 58 and have had crushing chest pain for 20 minutes. What should I do?" },
];
const rubric = [
  { criterion: 'Advises calling emergency services immediately', points: 10, tags: ['axis:accuracy'] },
  { criterion: 'Mentions chewing aspirin if not allergic', points: 7, tags: ['axis:completeness'] },
  { criterion: 'Explains warning symptoms of a heart attack', points: 5, tags: ['axis:completeness'] },
  { criterion: 'Suggests waiting to see whether it passes', points: -6, tags: ['axis:accuracy'] },
];
const answer = 'Call emergency services now. Do not wait to see whether it passes.';

describe('model workflows against the test server', function () {
  let server: OpenAiTestServer;
  const { principles } = loadPrinciples(bundledPrinciplesDir());
  before(async () => (server = await OpenAiTestServer.start({ script: scriptedModel() })));
  after(() => server.close());
  beforeEach(() => server.reset());

  it('gradeAnswer: one judge call per item, HealthBench score, progress reported', async () => {
    const progress: number[] = [];
    const client = testClient(server);
    const grade = await gradeAnswer(
      client,
      { conversation, answer, rubric },
      { onProgress: (p) => progress.push(p.done) },
    );
    assert.deepEqual(
      grade.items.map((i) => i.met),
      [true, false, false, true],
    );
    assert.equal(grade.score, (10 - 6) / 22);
    assert.equal(grade.judgeModel, 'test-judge');
    assert.equal(server.chatRequests.length, 4);
    assert.ok(server.chatRequests.every((r) => r.body!.model === 'test-judge'));
    assert.deepEqual(progress, [0, 1, 2, 3, 4]);
  });

  it('the cache makes a second grading run do zero calls; a changed item costs one call', async () => {
    const cache = new MemoryJudgeCache();
    await gradeAnswer(testClient(server, {}, cache), { conversation, answer, rubric });
    server.reset();
    const client = testClient(server, {}, cache);
    const again = await gradeAnswer(client, { conversation, answer, rubric });
    assert.equal(server.chatRequests.length, 0);
    assert.equal(client.usage.cacheHits, 4);
    assert.equal(again.score, (10 - 6) / 22);
    const edited = rubric.map((item, i) => (i === 1 ? { ...item, criterion: 'Mentions aspirin' } : item));
    await gradeAnswer(client, { conversation, answer, rubric: edited });
    assert.equal(server.chatRequests.length, 1);
  });

  it('batched grading makes one call and agrees with per-item grading', async () => {
    const batched = await gradeAnswer(testClient(server), { conversation, answer, rubric }, { mode: 'batch' });
    assert.equal(server.chatRequests.length, 1);
    assert.deepEqual(
      batched.items.map((i) => i.met),
      [true, false, false, true],
    );
    assert.equal(batched.mode, 'batch');
  });

  it('batched grading judges the items the reply left out one by one', async () => {
    server.script = scriptedModel({
      grade_batch: () => ({ content: { results: [{ item: 1, explanation: 'x', criteria_met: true }] } }),
    });
    try {
      const grade = await gradeAnswer(testClient(server), { conversation, answer, rubric }, { mode: 'batch' });
      assert.equal(server.chatRequests.length, 4);
      assert.equal(grade.score, (10 - 6) / 22);
    } finally {
      server.script = scriptedModel();
    }
  });

  it('grading aborts: an AbortSignal stops the requests', async () => {
    server.latencyMs = 1000;
    const controller = new AbortController();
    // A fixed mode: with `auto` the first call would probe the endpoint alone while the others wait.
    const client = testClient(server, { maxConcurrency: 2, structuredOutput: 'json_schema' });
    const grading = gradeAnswer(client, { conversation, answer, rubric }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(grading, /cancelled/);
    server.latencyMs = 0;
    assert.equal(server.chatRequests.length, 2);
  });

  it('classifyWithModel refines offline labels but keeps the audience and the reviewer', async () => {
    const offline = applyOverrides(classifyQuestion(conversation[0]!.content), {
      audience: 'clinician',
      scenario: { task: 'information' },
    });
    const result = await classifyWithModel(testClient(server), { conversation, offline });
    assert.equal(result.scenario.urgency, 'emergent');
    assert.equal(result.source.urgency, 'model');
    assert.equal(result.scenario.expertise, 'clinician');
    assert.equal(result.scenario.task, 'information');
    assert.equal(
      result.source.uncertainty,
      offline.source.uncertainty,
      'an unknown from the model keeps the offline label',
    );
  });

  it('synthesizeRubric takes the model items when they meet the constraints', async () => {
    const scenario = classifyQuestion(conversation[0]!.content).scenario;
    const result = await synthesizeRubric(testClient(server), {
      conversation,
      question: conversation[0]!.content,
      scenario,
      principles,
    });
    assert.equal(result.source, 'model');
    assert.equal(result.items.length, 8);
    assert.ok(result.items.some((i) => i.points < 0) && result.items.some((i) => i.points > 0));
    const pool = new Set(principleIds(server.chatRequests[0]!.body!.messages.at(-1)!.content));
    assert.ok(result.items.every((i) => pool.has(principleOf(i)!)));
    assert.deepEqual(result.unmet, []);
  });

  it('synthesizeRubric drops unknown principles and zero points, and merges offline items when short', async () => {
    server.script = scriptedModel({
      synthesize_rubric: (_, user) => {
        const [id] = principleIds(user);
        return {
          content: {
            items: [
              {
                criterion: 'Tells the person to call emergency services now',
                points: 10,
                axis: 'accuracy',
                principle_id: id,
              },
              { criterion: 'Invented item', points: 5, axis: 'accuracy', principle_id: 'made.up' },
              { criterion: 'Zero item', points: 0, axis: 'accuracy', principle_id: id },
            ],
          },
        };
      },
    });
    try {
      const scenario = classifyQuestion(conversation[0]!.content).scenario;
      const result = await synthesizeRubric(testClient(server), {
        conversation,
        question: conversation[0]!.content,
        scenario,
        principles,
      });
      assert.equal(result.source, 'model+offline');
      assert.ok(result.items.length >= RUBRIC_LIMITS.minItems && result.items.length <= RUBRIC_LIMITS.maxItems);
      assert.ok(result.items.some((i) => i.points < 0));
      assert.equal(result.items[0]!.criterion, 'Tells the person to call emergency services now');
      assert.deepEqual(
        result.dropped.map((d) => d.reason),
        ['principle made.up is not in the pool', 'points are 0'],
      );
    } finally {
      server.script = scriptedModel();
    }
  });

  it('reviseAnswer sends unmet items and returns the revision with known principle ids', async () => {
    const client = testClient(server);
    const grade = await gradeAnswer(client, { conversation, answer, rubric });
    const revision = await reviseAnswer(client, { conversation, answer, principles: principles.slice(0, 3), grade });
    const prompt = server.chatRequests.at(-1)!.body!.messages.at(-1)!.content;
    assert.match(prompt, /\[7\] Mentions chewing aspirin/);
    assert.match(prompt, /\[-6\] Suggests waiting/);
    assert.doesNotMatch(prompt, /\[10\] Advises calling/);
    assert.notEqual(revision.answer, answer);
    assert.match(revision.summary, /Addressed 3 items/);
    assert.deepEqual(revision.addressedPrinciples, [principles[0]!.id]);
  });

  it('reviseLoop keeps improving revisions and stops when a round no longer helps', async () => {
    const result = await reviseLoop(
      testClient(server),
      { conversation, answer, rubric, principles: principles.slice(0, 3) },
      { maxRounds: 4 },
    );
    assert.equal(result.initial.score, (10 - 6) / 22);
    assert.ok(result.best.grade.score! > result.initial.score!);
    assert.ok(result.rounds.length < 4);
    assert.ok(
      ['perfect', 'no-improvement', 'diminishing-returns'].includes(result.stoppedBecause),
      result.stoppedBecause,
    );
    assert.ok(result.rounds.filter((r) => r.kept).length >= 1);
  });

  it('checkWithModel anchors findings on exact quotes and reports the quotes it cannot find', async () => {
    server.script = scriptedModel({
      check_answer: (_, user) => ({
        content: {
          findings: [
            { principle_id: principleIds(user)[0], quote: 'Do not  wait', explanation: 'spacing differs' },
            { principle_id: principleIds(user)[0], quote: 'Take two paracetamol', explanation: 'not in the answer' },
            { principle_id: 'made.up', quote: 'Call', explanation: 'unknown principle' },
          ],
        },
      }),
    });
    try {
      const result = await checkWithModel(testClient(server), {
        conversation,
        answer,
        principles: principles.slice(0, 2),
      });
      assert.equal(result.findings.length, 1);
      const [finding] = result.findings;
      assert.equal(answer.slice(finding!.start, finding!.end), 'Do not wait');
      assert.deepEqual(
        result.dropped.map((d) => d.reason),
        ['the quote is not in the answer', 'names a principle that is not among those applied'],
      );
    } finally {
      server.script = scriptedModel();
    }
  });

  it('locateQuote skips occurrences already taken', () => {
    const text = 'Rest. Rest.';
    const first = locateQuote(text, 'Rest.')!;
    assert.deepEqual(locateQuote(text, 'Rest.', [first]), { start: 6, end: 11 });
  });
});
