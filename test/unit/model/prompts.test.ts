import assert from 'node:assert/strict';
import { checkOutput, checkPrompt } from '../../../src/core/model/prompts/checkPrompt';
import { classifyOutput, classifyPrompt } from '../../../src/core/model/prompts/classifyPrompt';
import { gradeBatchOutput, gradeBatchPrompt } from '../../../src/core/model/prompts/gradeBatchPrompt';
import { gradeItemOutput, gradeItemPrompt } from '../../../src/core/model/prompts/gradeItemPrompt';
import { reviseOutput, revisePrompt } from '../../../src/core/model/prompts/revisePrompt';
import { synthesizeRubricOutput, synthesizeRubricPrompt } from '../../../src/core/model/prompts/synthesizeRubricPrompt';
import { jsonSchemaOf } from '../../../src/core/model/outputSchema';
import { extractJson } from '../../../src/core/model/extractJson';
import { parseRetryAfter, retryDelayMs } from '../../../src/core/model/retryPolicy';
import { redactSecret } from '../../../src/core/model/redactSecret';
import { UNKNOWN_SCENARIO } from '../../../src/core/scenario/labels';

const conversation = [{ role: 'user' as const, content: 'My chest hurts.' }];
const principles = [{ id: 'urgency.escalate', title: 'Escalate', statement: 'Send to emergency care.' }];

describe('prompts', () => {
  it('grade item: instructions, then the conversation with the answer appended, then `[points] criterion`', () => {
    const [system, user] = gradeItemPrompt({
      conversation,
      response: 'Call 911.',
      item: { points: -6, criterion: 'Suggests waiting' },
    });
    assert.equal(system!.role, 'system');
    assert.match(system!.content, /negative points/);
    assert.equal(
      user!.content,
      '## Conversation\n\nuser: My chest hurts.\n\nassistant: Call 911.\n\n## Rubric item\n\n[-6] Suggests waiting',
    );
    assert.ok(gradeItemOutput.schema.safeParse({ explanation: 'x', criteria_met: true }).success);
    assert.ok(!gradeItemOutput.schema.safeParse({ explanation: 'x', criteria_met: 'yes' }).success);
  });

  it('items of one answer share the prompt prefix (cacheable on the server)', () => {
    const a = gradeItemPrompt({ conversation, response: 'Call 911.', item: { points: 5, criterion: 'A' } });
    const b = gradeItemPrompt({ conversation, response: 'Call 911.', item: { points: 5, criterion: 'B' } });
    assert.equal(a[0]!.content, b[0]!.content);
    assert.ok(a[1]!.content.startsWith(b[1]!.content.slice(0, -1)));
  });

  it('grade batch numbers the items', () => {
    const [, user] = gradeBatchPrompt({
      conversation,
      response: 'r',
      items: [
        { points: 7, criterion: 'A' },
        { points: -6, criterion: 'B' },
      ],
    });
    assert.match(user!.content, /## Rubric items\n\n1\. \[7\] A\n2\. \[-6\] B$/);
    assert.ok(
      gradeBatchOutput.schema.safeParse({ results: [{ item: 1, explanation: '', criteria_met: false }] }).success,
    );
  });

  it('classify, synthesize, revise and check put instructions first and principles before the case', () => {
    const prompts = [
      classifyPrompt(conversation),
      synthesizeRubricPrompt({ conversation, scenario: UNKNOWN_SCENARIO, pool: principles }),
      revisePrompt({
        conversation,
        draft: 'Rest.',
        principles,
        unmetItems: [{ points: 10, criterion: 'Says call 911' }],
        findings: [{ principleId: 'urgency.escalate', message: 'no escalation' }],
      }),
      checkPrompt({ conversation, answer: 'Rest.', principles }),
    ];
    for (const messages of prompts) {
      assert.equal(messages[0]!.role, 'system');
      assert.equal(messages.at(-1)!.role, 'user');
      const user = messages.at(-1)!.content;
      if (user.includes('## Principle')) assert.ok(user.indexOf('urgency.escalate') < user.indexOf('## Conversation'));
    }
    assert.match(prompts[2]!.at(-1)!.content, /- \[10\] Says call 911/);
  });

  it('output schemas accept the documented shapes and have JSON Schemas', () => {
    const vote = { label: 'emergent', confidence: 0.9 };
    assert.ok(
      classifyOutput.schema.safeParse({
        urgency: vote,
        uncertainty: { label: 'unknown', confidence: 0 },
        expertise: { label: 'layperson', confidence: 1 },
        task: { label: 'advice', confidence: 0.5 },
      }).success,
    );
    assert.ok(!classifyOutput.schema.safeParse({ urgency: { label: 'urgent', confidence: 1 } }).success);
    assert.ok(
      synthesizeRubricOutput.schema.safeParse({
        items: [{ criterion: 'c', points: -3, axis: 'accuracy', principle_id: 'a.b' }],
      }).success,
    );
    assert.ok(
      !synthesizeRubricOutput.schema.safeParse({
        items: [{ criterion: 'c', points: 11, axis: 'accuracy', principle_id: 'a.b' }],
      }).success,
    );
    assert.ok(reviseOutput.schema.safeParse({ revised_answer: 'x', addressed_principles: [], summary: '' }).success);
    assert.ok(
      checkOutput.schema.safeParse({ findings: [{ principle_id: 'a', quote: 'q', explanation: 'e' }] }).success,
    );
    for (const output of [
      classifyOutput,
      synthesizeRubricOutput,
      gradeItemOutput,
      gradeBatchOutput,
      reviseOutput,
      checkOutput,
    ]) {
      assert.equal(jsonSchemaOf(output).type, 'object', output.name);
    }
  });
});

describe('model helpers', () => {
  it('extractJson finds the first complete object in prose or fences', () => {
    assert.deepEqual(extractJson('{"a":1}'), { a: 1 });
    assert.deepEqual(extractJson('Here: ```json\n{"a": "}{", "b": {"c": 2}}\n``` done {"x":1}'), {
      a: '}{',
      b: { c: 2 },
    });
    assert.throws(() => extractJson('{"a": tr'), SyntaxError);
  });

  it('Retry-After is read as seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('2'), 2000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:03 GMT', now), 3000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(retryDelayMs({ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 }, 1, 5000), 1000, 'capped');
    const backoff = retryDelayMs({ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 10_000 }, 3, undefined, () => 1);
    assert.equal(backoff, 400);
  });

  it('redactSecret removes the key and credential headers', () => {
    const text = 'failed: Authorization: Bearer sk-abc123xyz; api-key: zzz999; echoed sk-abc123xyz';
    const clean = redactSecret(text, 'sk-abc123xyz');
    assert.ok(!clean.includes('sk-abc123xyz') && !clean.includes('zzz999'), clean);
  });
});
