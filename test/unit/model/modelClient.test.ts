import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileJudgeCache } from '../../../src/core/model/fileJudgeCache';
import { ModelError } from '../../../src/core/model/modelError';
import { gradeItemOutput, gradeItemPrompt } from '../../../src/core/model/prompts/gradeItemPrompt';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { schemaNameOf, scriptedModel } from '../../support/scriptedModel';
import { waitUntil } from '../../support/waitUntil';
import { TEST_KEY, testClient } from './modelTestSetup';

const MESSAGES = gradeItemPrompt({
  conversation: [{ role: 'user', content: 'I have crushing chest pain.' }],
  response: 'Call emergency services now.',
  item: { points: 10, criterion: 'Advises calling emergency services' },
});

async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ModelError, `expected a ModelError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('ModelClient against the test server', function () {
  let server: OpenAiTestServer;
  before(async () => (server = await OpenAiTestServer.start({ script: scriptedModel() })));
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    server.latencyMs = 0;
    server.rejectJsonSchema = false;
  });

  it('returns the validated JSON and sends the key only as a header', async () => {
    const client = testClient(server);
    const verdict = await client.completeJson(gradeItemOutput, MESSAGES);
    assert.equal(verdict.criteria_met, true);
    const [request] = server.chatRequests;
    assert.equal(request!.headers.authorization, `Bearer ${TEST_KEY}`);
    assert.ok(!request!.rawBody.includes(TEST_KEY), 'the key is not in the body');
    assert.ok(!request!.url.includes(TEST_KEY), 'the key is not in the URL');
    assert.equal(request!.body!.response_format?.type, 'json_schema');
    assert.equal(request!.body!.response_format?.json_schema?.name, 'grade_item');
    assert.equal(client.usage.requests, 1);
    assert.ok(client.usage.promptTokens > 0 && client.usage.completionTokens > 0);
  });

  it('honours Retry-After on 429', async () => {
    server.failNext({ kind: 'rate-limit', retryAfter: '1' });
    const client = testClient(server);
    const started = Date.now();
    await client.completeJson(gradeItemOutput, MESSAGES);
    const [first, second] = server.chatRequests;
    assert.ok(second!.at - first!.at >= 950, `waited ${second!.at - first!.at} ms`);
    assert.ok(Date.now() - started < 3000);
    assert.equal(client.usage.retries, 1);
  });

  it('retries 500s with backoff, then gives up with a clear error after the bounded attempts', async () => {
    server.failNext({ kind: 'server-error' }, 2);
    const client = testClient(server);
    await client.completeJson(gradeItemOutput, MESSAGES);
    assert.equal(server.chatRequests.length, 3);

    server.reset();
    server.failNext({ kind: 'server-error', status: 503 }, 10);
    const error = await rejection(client.completeJson(gradeItemOutput, MESSAGES));
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 503);
    assert.match(error.message, /answered 503/);
    assert.equal(server.chatRequests.length, 4);
  });

  it('a reply slower than the timeout ends in a clear timeout error', async () => {
    server.failNext({ kind: 'slow', delayMs: 1500 });
    const client = testClient(server, { timeoutMs: 200 });
    const started = Date.now();
    const error = await rejection(client.completeJson(gradeItemOutput, MESSAGES));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /within 200 ms.*--timeout/);
    assert.ok(Date.now() - started < 1200);
  });

  it('invalid JSON gets one repair request that shows the model its reply, then succeeds', async () => {
    server.failNext({ kind: 'invalid-json' });
    const client = testClient(server);
    const verdict = await client.completeJson(gradeItemOutput, MESSAGES);
    assert.equal(verdict.criteria_met, true);
    const repair = server.chatRequests[1]!.body!.messages;
    assert.equal(repair.at(-2)!.role, 'assistant');
    assert.match(repair.at(-1)!.content, /cannot be used: not JSON/);
    assert.equal(client.usage.repairs, 1);
  });

  it('invalid JSON twice is a clear invalid-output error', async () => {
    server.failNext({ kind: 'invalid-json' }, 2);
    const error = await rejection(testClient(server).completeJson(gradeItemOutput, MESSAGES));
    assert.equal(error.kind, 'invalid-output');
    assert.match(error.message, /did not return valid grade_item JSON after a repair attempt/);
    assert.equal(server.chatRequests.length, 2);
  });

  it('JSON that fails the schema is repaired with the schema problem named', async () => {
    server.failNext({ kind: 'schema-mismatch' });
    const verdict = await testClient(server).completeJson(gradeItemOutput, MESSAGES);
    assert.equal(verdict.criteria_met, true);
    assert.match(
      server.chatRequests[1]!.body!.messages.at(-1)!.content,
      /does not match the grade_item schema \(.*criteria_met: Invalid input/,
    );
  });

  it('streams SSE replies, and retries a truncated stream', async () => {
    const client = testClient(server, { stream: true });
    server.failNext({ kind: 'truncated-stream' });
    const verdict = await client.completeJson(gradeItemOutput, MESSAGES);
    assert.equal(verdict.criteria_met, true);
    assert.equal(server.chatRequests.length, 2);
    assert.equal(server.chatRequests[0]!.body!.stream, true);
    assert.equal(client.usage.retries, 1);
    assert.ok(client.usage.completionTokens > 0, 'usage read from the final chunk');
  });

  it('falls back from json_schema to json_object when the server says it is unsupported, and remembers', async () => {
    server.rejectJsonSchema = true;
    const client = testClient(server);
    const verdict = await client.completeJson(gradeItemOutput, MESSAGES);
    assert.equal(verdict.criteria_met, true);
    assert.deepEqual(
      server.chatRequests.map((r) => r.body!.response_format?.type),
      ['json_schema', 'json_object'],
    );
    assert.equal(schemaNameOf(server.chatRequests[1]!.body!), 'grade_item', 'the schema travels in the system message');
    await client.completeJson(
      gradeItemOutput,
      gradeItemPrompt({ conversation: [], response: 'x', item: { points: 1, criterion: 'y' } }),
    );
    assert.equal(server.chatRequests.length, 3, 'the second call goes straight to json_object');
  });

  it('falls back to prompt mode and extracts the JSON from prose', async () => {
    server.rejectJsonSchema = true;
    server.rejectJsonObject = true;
    const original = server.script;
    server.script = () => 'Sure! Here is my verdict:\n```json\n{"explanation": "ok", "criteria_met": false}\n```';
    try {
      const verdict = await testClient(server).completeJson(gradeItemOutput, MESSAGES);
      assert.equal(verdict.criteria_met, false);
      assert.equal(server.chatRequests.at(-1)!.body!.response_format, undefined);
    } finally {
      server.script = original;
      server.rejectJsonObject = false;
    }
  });

  it('an AbortSignal stops the request in flight and the queued ones', async () => {
    server.latencyMs = 2000;
    const client = testClient(server, { maxConcurrency: 1 });
    const controller = new AbortController();
    const calls = [1, 2, 3].map((n) =>
      client.completeJson(
        gradeItemOutput,
        gradeItemPrompt({ conversation: [], response: `r${n}`, item: { points: 1, criterion: 'c' } }),
        { signal: controller.signal },
      ),
    );
    await waitUntil('the first call reached the server', () => server.chatRequests.length > 0);
    const started = Date.now();
    controller.abort();
    const errors = await Promise.all(calls.map(rejection));
    assert.ok(
      errors.every((e) => e.kind === 'aborted'),
      errors.map((e) => e.message).join('; '),
    );
    assert.ok(Date.now() - started < 500);
    assert.equal(server.chatRequests.length, 1, 'queued calls never reached the server');
  });

  it('never shows the key: not in errors that echo headers, not in cache files', async () => {
    server.failNext({ kind: 'echo-credentials', status: 401 });
    const error = await rejection(testClient(server).completeJson(gradeItemOutput, MESSAGES));
    assert.match(error.message, /answered 401/);
    assert.match(error.message, /CLINALIGN_API_KEY/);
    assert.ok(!error.message.includes(TEST_KEY), error.message);
    assert.ok(!String(error.stack).includes(TEST_KEY));
    assert.ok(!JSON.stringify(error).includes(TEST_KEY));
    assert.ok(!(error as { cause?: unknown }).cause);

    server.failNext({ kind: 'echo-credentials', status: 500 }, 10);
    const retried = await rejection(testClient(server).completeJson(gradeItemOutput, MESSAGES));
    assert.ok(!retried.message.includes(TEST_KEY));
    server.clearFaults();

    const dir = mkdtempSync(join(tmpdir(), 'clinalign-cache-'));
    try {
      await testClient(server, {}, new FileJudgeCache(dir)).completeJson(gradeItemOutput, MESSAGES, { cache: true });
      const files = walk(dir);
      // The verdict, and the structured-output mode the endpoint accepted.
      assert.deepEqual(files.map((file) => typeof JSON.parse(readFileSync(file, 'utf8')).value).sort(), [
        'object',
        'string',
      ]);
      for (const file of files) assert.ok(!readFileSync(file, 'utf8').includes(TEST_KEY));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bounds the requests in flight to maxConcurrency', async () => {
    server.latencyMs = 50;
    const client = testClient(server, { maxConcurrency: 3 });
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        client.completeJson(
          gradeItemOutput,
          gradeItemPrompt({ conversation: [], response: `r${n}`, item: { points: 1, criterion: 'c' } }),
        ),
      ),
    );
    assert.equal(server.maxInFlight, 3);
  });

  it('a connection refused is a network error naming the URL', async () => {
    const closed = await OpenAiTestServer.start();
    const client = testClient(closed, { timeoutMs: 2000 });
    await closed.close();
    const error = await rejection(client.completeJson(gradeItemOutput, MESSAGES));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /cannot get a reply from http:\/\/127\.0\.0\.1/);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
