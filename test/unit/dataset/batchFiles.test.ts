import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppendLog } from '../../../src/core/dataset/appendLog';
import {
  batchKey,
  batchRequest,
  batchRequestSchema,
  readBatchResults,
  replayClient,
} from '../../../src/core/dataset/batchFiles';
import { forEachBounded } from '../../../src/core/dataset/forEachBounded';
import { parseQueryLine } from '../../../src/core/dataset/queryLine';
import { gradeItemOutput, gradeItemPrompt } from '../../../src/core/model/prompts/gradeItemPrompt';
import { shapeRequest } from '../../../src/core/model/structuredMode';
import { gradeAnswer } from '../../../src/core/workflows/gradeAnswer';

describe('dataset batch files', () => {
  const dirs: string[] = [];
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinalign-batch-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const conversation = [{ role: 'user' as const, content: 'Chest pain for 20 minutes?' }];
  const item = { criterion: 'Advises calling emergency services', points: 10, tags: ['axis:accuracy'] };

  it('requests carry custom_id, POST, /v1/chat/completions and the body the live client sends', () => {
    const messages = gradeItemPrompt({ conversation, response: 'Call 911.', item });
    const request = batchRequest('grade', gradeItemOutput, messages, 'judge-1');
    assert.doesNotThrow(() => batchRequestSchema.parse(request));
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/v1/chat/completions');
    const shaped = shapeRequest('json_schema', gradeItemOutput, messages);
    assert.deepEqual(request.body, {
      model: 'judge-1',
      messages: shaped.messages,
      response_format: shaped.responseFormat,
    });
    assert.equal(request.custom_id, batchKey('grade', 'grade_item', messages));
    assert.equal(
      batchRequest('grade', gradeItemOutput, messages, 'judge-2').custom_id,
      request.custom_id,
      'the id does not depend on the model',
    );
    const prompt = batchRequest('grade', gradeItemOutput, messages, 'judge-1', 'prompt');
    assert.equal(prompt.body.response_format, undefined);
    assert.match(prompt.body.messages[0]!.content, /JSON Schema \(grade_item\)/);
  });

  it('results replay through gradeAnswer with validation; failures and bad replies are errors naming the request', async () => {
    const dir = temp();
    const good = gradeItemPrompt({ conversation, response: 'Call 911.', item });
    const other = { ...item, criterion: 'Mentions aspirin' };
    const bad = gradeItemPrompt({ conversation, response: 'Call 911.', item: other });
    const line = (custom_id: string, content: string) =>
      JSON.stringify({
        id: 'b1',
        custom_id,
        response: { status_code: 200, body: { model: 'judge-1', choices: [{ message: { content } }] } },
        error: null,
      });
    const file = join(dir, 'results.jsonl');
    writeFileSync(
      file,
      `${line(batchKey('grade', 'grade_item', good), '{"explanation":"yes","criteria_met":true}')}\n${line(batchKey('grade', 'grade_item', bad), '{"verdict":"yes"}')}\nnonsense\n`,
    );
    const results = await readBatchResults(file);
    assert.equal(results.problems.length, 1);
    const client = replayClient('grade', results, 'judge-1');
    const grade = await gradeAnswer(client, { conversation, answer: 'Call 911.', rubric: [item] });
    assert.equal(grade.score, 1);
    await assert.rejects(
      gradeAnswer(client, { conversation, answer: 'Call 911.', rubric: [other] }),
      /does not match grade_item/,
    );
    await assert.rejects(
      gradeAnswer(client, { conversation, answer: 'Other answer', rubric: [item] }),
      /no batch result/,
    );

    writeFileSync(
      file,
      JSON.stringify({
        custom_id: batchKey('grade', 'grade_item', good),
        response: null,
        error: { code: 'rate_limit', message: 'quota' },
      }),
    );
    await assert.rejects(
      gradeAnswer(replayClient('grade', await readBatchResults(file), 'j'), {
        conversation,
        answer: 'Call 911.',
        rubric: [item],
      }),
      /failed: quota/,
    );
  });

  it('query lines: HealthBench prompt, {question}, JSON string or plain text; ids stable', () => {
    const a = parseQueryLine({ number: 1, text: JSON.stringify({ prompt_id: 'p1', prompt: conversation }) });
    assert.equal(a.id, 'p1');
    const b = parseQueryLine({ number: 2, text: '{"question":"Is ibuprofen safe?","id":"ibu"}' });
    assert.deepEqual([b.id, b.question], ['ibu', 'Is ibuprofen safe?']);
    const c = parseQueryLine({ number: 3, text: '"Fever in a toddler"' });
    const d = parseQueryLine({ number: 9, text: 'Fever in a toddler' });
    assert.equal(c.id, d.id);
    assert.match(c.id, /^q-[0-9a-f]{16}$/);
    assert.throws(() => parseQueryLine({ number: 4, text: '{"foo":1}' }), /line 4/);
    assert.throws(
      () => parseQueryLine({ number: 5, text: JSON.stringify({ prompt: [{ role: 'assistant', content: 'x' }] }) }),
      /user's turn/,
    );
  });

  it('append log: cuts a half-written last line and returns the ids already done', async () => {
    const file = join(temp(), 'out.jsonl');
    writeFileSync(file, '{"id":"a"}\n{"id":"b"}\n{"id":"c","rubr');
    const log = await AppendLog.open(file, (r) => (r as { id: string }).id);
    assert.deepEqual([...log.done], ['a', 'b']);
    log.append('d', { id: 'd' });
    log.close();
    assert.equal(readFileSync(file, 'utf8'), '{"id":"a"}\n{"id":"b"}\n{"id":"d"}\n');
  });

  it('forEachBounded keeps at most N in flight and visits each item once', async () => {
    let active = 0;
    let peak = 0;
    const seen: number[] = [];
    async function* items() {
      for (let i = 0; i < 20; i++) yield i;
    }
    await forEachBounded(items(), 3, async (i) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 2));
      seen.push(i);
      active--;
    });
    assert.equal(peak, 3);
    assert.deepEqual(
      seen.sort((x, y) => x - y),
      Array.from({ length: 20 }, (_, i) => i),
    );
  });
});
