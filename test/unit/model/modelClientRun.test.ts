import assert from 'node:assert/strict';
import { endpointConfigSchema, type EndpointConfig } from '../../../src/core/model/endpointConfig';
import { MemoryJudgeCache } from '../../../src/core/model/judgeCache';
import { ModelClient } from '../../../src/core/model/modelClient';
import { ModelError } from '../../../src/core/model/modelError';
import { gradeItemOutput, gradeItemPrompt } from '../../../src/core/model/prompts/gradeItemPrompt';
import { redactSecret } from '../../../src/core/model/redactSecret';
import { StructuredModeMemory } from '../../../src/core/model/structuredMode';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';
import { waitUntil } from '../../support/waitUntil';
import { testClient } from './modelTestSetup';

/** Distinct prompts, so that no call is served from another's cache entry. */
const prompt = (n: number) =>
  gradeItemPrompt({
    conversation: [{ role: 'user', content: `Question ${n}` }],
    response: `Answer ${n}`,
    item: { points: 5, criterion: `Criterion ${n}` },
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

/** Node's warnings emitted while `work` runs (they arrive on a later tick). */
async function warningsDuring(work: () => Promise<unknown>): Promise<Error[]> {
  const seen: Error[] = [];
  const listener = (warning: Error) => seen.push(warning);
  process.on('warning', listener);
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    process.removeListener('warning', listener);
  }
  return seen;
}

describe('ModelClient over a whole run', function () {
  let server: OpenAiTestServer;
  before(async () => (server = await OpenAiTestServer.start({ script: scriptedModel() })));
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    server.latencyMs = 0;
    server.rejectJsonSchema = false;
  });

  for (const maxConcurrency of [1, 4]) {
    it(`probes json_schema once for calls already queued (concurrency ${maxConcurrency}), then goes straight to json_object`, async () => {
      server.rejectJsonSchema = true;
      const client = testClient(server, { maxConcurrency });
      await Promise.all(Array.from({ length: 8 }, (_, n) => client.completeJson(gradeItemOutput, prompt(n))));
      const formats = server.chatRequests.map((r) => r.body!.response_format?.type);
      assert.equal(formats.filter((f) => f === 'json_schema').length, 1, formats.join(', '));
      assert.equal(server.chatRequests.length, 9);
    });
  }

  it('a later run with the same cache starts in the mode an earlier run found, without probing', async () => {
    server.rejectJsonSchema = true;
    const cache = new MemoryJudgeCache();
    await testClient(server, {}, cache).completeJson(gradeItemOutput, prompt(1));
    assert.equal(server.chatRequests.length, 2);
    server.reset();
    await Promise.all([2, 3, 4].map((n) => testClient(server, {}, cache).completeJson(gradeItemOutput, prompt(n))));
    assert.deepEqual(
      server.chatRequests.map((r) => r.body!.response_format?.type),
      ['json_object', 'json_object', 'json_object'],
    );
  });

  it('a probe that fails for another reason lets the next call probe', async () => {
    server.rejectJsonSchema = true;
    server.failNext({ kind: 'server-error', status: 400 });
    const client = testClient(server, { maxConcurrency: 1 });
    const outcomes = await Promise.allSettled([0, 1, 2].map((n) => client.completeJson(gradeItemOutput, prompt(n))));
    assert.equal(outcomes[0]!.status, 'rejected');
    assert.ok(outcomes.slice(1).every((o) => o.status === 'fulfilled'));
    assert.deepEqual(
      server.chatRequests.map((r) => r.body!.response_format?.type),
      ['json_schema', 'json_schema', 'json_object', 'json_object'],
    );
  });

  it('a stream that stalls past the timeout is a timeout, not a truncated stream retried', async () => {
    server.failNext({ kind: 'stalled-stream' });
    const client = testClient(server, { stream: true, timeoutMs: 300 });
    const started = Date.now();
    const error = await rejection(client.completeJson(gradeItemOutput, prompt(1)));
    assert.equal(error.kind, 'timeout', error.message);
    assert.match(error.message, /within 300 ms/);
    assert.equal(server.chatRequests.length, 1, 'not retried');
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
  });

  it('cancelling during a stalled stream is a cancellation, not a truncated stream retried', async () => {
    server.failNext({ kind: 'stalled-stream' });
    const client = testClient(server, { stream: true, timeoutMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const error = await rejection(client.completeJson(gradeItemOutput, prompt(1), { signal: controller.signal }));
    assert.equal(error.kind, 'aborted', error.message);
    assert.equal(server.chatRequests.length, 1);
  });

  it('many requests on one signal: no "Possible EventTarget memory leak" warning (default concurrency 16)', async () => {
    server.latencyMs = 30;
    server.failNext({ kind: 'server-error' }, 12);
    // A fixed mode: all 16 go out at once, and the retries' waits listen to the signal too.
    const client = testClient(server, { maxConcurrency: 16, structuredOutput: 'json_object' });
    const controller = new AbortController();
    const warnings = await warningsDuring(() =>
      Promise.all(
        Array.from({ length: 60 }, (_, n) =>
          client.completeJson(gradeItemOutput, prompt(n), { signal: controller.signal }),
        ),
      ),
    );
    assert.equal(server.maxInFlight, 16);
    assert.deepEqual(
      warnings.map((w) => `${w.name}: ${w.message}`),
      [],
    );
  });

  it('cancelling a run with many queued calls still rejects them all at once', async () => {
    server.latencyMs = 2000;
    const client = testClient(server, { maxConcurrency: 2, structuredOutput: 'json_object' });
    const controller = new AbortController();
    const calls = Array.from({ length: 20 }, (_, n) =>
      client.completeJson(gradeItemOutput, prompt(n), { signal: controller.signal }),
    );
    await waitUntil('two calls reached the server', () => server.chatRequests.length >= 2);
    controller.abort();
    const errors = await Promise.all(calls.map(rejection));
    assert.ok(errors.every((e) => e.kind === 'aborted'));
    assert.equal(server.chatRequests.length, 2);
  });
});

describe('a key inside the base URL', () => {
  const KEY = 'sk-in-url-SECRET-5550123';

  it('is refused by the endpoint settings, with a message that does not hold it', () => {
    const parsed = endpointConfigSchema.safeParse({ baseUrl: `http://user:${KEY}@127.0.0.1:9/v1`, model: 'm' });
    assert.equal(parsed.success, false);
    const text = JSON.stringify(parsed.error!.issues);
    assert.match(text, /must not hold credentials/);
    assert.ok(!text.includes(KEY));
    assert.equal(
      endpointConfigSchema.safeParse({ baseUrl: `http://${KEY}@127.0.0.1:9/v1`, model: 'm' }).success,
      false,
    );
  });

  it('never appears in errors or log lines of a client given such a URL anyway', async () => {
    const server = await OpenAiTestServer.start({ script: scriptedModel() });
    try {
      const lines: string[] = [];
      const config = {
        ...endpointConfigSchema.parse({ baseUrl: server.baseUrl, model: 'm', timeoutMs: 2000 }),
        baseUrl: server.baseUrl.replace('http://', `http://user:${KEY}@`),
      } satisfies EndpointConfig;
      const client = new ModelClient({
        config,
        cache: new MemoryJudgeCache(),
        retry: { baseDelayMs: 1, maxAttempts: 2 },
        modeMemory: new StructuredModeMemory(),
        log: (line) => lines.push(line),
      });
      const error = await rejection(client.completeJson(gradeItemOutput, prompt(1)));
      assert.match(error.message, /\[redacted\]@127\.0\.0\.1/);
      for (const text of [error.message, String(error.stack), ...lines]) assert.ok(!text.includes(KEY), text);
      assert.ok(lines.length > 0, 'the retry was logged');
    } finally {
      await server.close();
    }
  });

  it('redactSecret removes the user info of any URL in a text', () => {
    assert.equal(
      redactSecret(`cannot reach http://me:${KEY}@gw.example/v1 or https://${KEY}@h/v1`, undefined),
      'cannot reach http://[redacted]@gw.example/v1 or https://[redacted]@h/v1',
    );
    assert.equal(
      redactSecret('see https://example.org/a@b and mail x@y.org', undefined),
      'see https://example.org/a@b and mail x@y.org',
    );
  });
});
