import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI, { APIError } from 'openai';
import { nodeHttpFetch } from '../../../src/core/model/nodeHttpFetch';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';

const CHAT = { model: 'm', messages: [{ role: 'user' as const, content: 'hello' }] };

/** The same SDK call through the built-in fetch and through nodeHttpFetch. */
function clients(baseURL: string) {
  const common = { baseURL, apiKey: 'k', maxRetries: 0, timeout: 5000 };
  return { builtIn: new OpenAI(common), light: new OpenAI({ ...common, fetch: nodeHttpFetch() }) };
}

describe('nodeHttpFetch: the OpenAI SDK over node:http', function () {
  let server: OpenAiTestServer;
  before(async () => (server = await OpenAiTestServer.start({ script: () => 'Hi there.' })));
  after(() => server.close());
  beforeEach(() => server.reset());

  it('gives the SDK the same completion as the built-in fetch; connections are kept alive', async () => {
    const { builtIn, light } = clients(server.baseUrl);
    const expected = await builtIn.chat.completions.create(CHAT);
    const first = await light.chat.completions.create(CHAT);
    const second = await light.chat.completions.create(CHAT);
    assert.equal(first.choices[0]!.message.content, expected.choices[0]!.message.content);
    assert.deepEqual(first.usage, expected.usage);
    assert.equal(second.choices[0]!.message.content, 'Hi there.');
    const [, lightFirst, lightSecond] = server.chatRequests;
    assert.equal(lightFirst!.headers.authorization, 'Bearer k');
    assert.equal(lightFirst!.headers['content-type'], 'application/json');
    assert.equal(lightSecond!.headers.connection, 'keep-alive');
  });

  it('an error status reaches the SDK with its body and headers (Retry-After on a 429)', async () => {
    server.failNext({ kind: 'rate-limit', retryAfter: '7' });
    const { light } = clients(server.baseUrl);
    const error = await light.chat.completions.create(CHAT).then(
      () => assert.fail('expected a 429'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof APIError);
    assert.equal(error.status, 429);
    assert.equal(error.headers?.get('retry-after'), '7');
  });

  it('streams server-sent events', async () => {
    const streaming = await OpenAiTestServer.start({ script: scriptedModel({ '': () => 'one two three' }) });
    try {
      const { light } = clients(streaming.baseUrl);
      let text = '';
      for await (const chunk of await light.chat.completions.create({ ...CHAT, stream: true }))
        text += chunk.choices[0]?.delta?.content ?? '';
      assert.equal(text, 'one two three');
    } finally {
      await streaming.close();
    }
  });

  it('an aborted request rejects with an AbortError, as fetch does', async () => {
    server.latencyMs = 2000;
    try {
      const controller = new AbortController();
      const pending = nodeHttpFetch()(`${server.baseUrl}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify(CHAT),
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 50);
      await assert.rejects(pending, { name: 'AbortError' });
    } finally {
      server.latencyMs = 0;
    }
  });

  it('an abort after the headers, before the body is read, fails the read and nothing else', async () => {
    const stalled: Server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial": ');
    });
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = stalled.address() as AddressInfo;
      const controller = new AbortController();
      const response = await nodeHttpFetch()(`http://127.0.0.1:${port}/`, { signal: controller.signal });
      assert.equal(response.status, 200);
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await assert.rejects(response.text(), { name: 'AbortError' });
    } finally {
      stalled.closeAllConnections();
      await new Promise((resolve) => stalled.close(resolve));
    }
  });

  it('refuses a URL with credentials, as fetch does', async () => {
    const url = server.baseUrl.replace('http://', 'http://user:secret@');
    await assert.rejects(nodeHttpFetch()(`${url}/chat/completions`, { method: 'POST' }), TypeError);
  });

  it('leaves a redirect to the built-in fetch', async () => {
    const redirect: Server = createServer((_, res) => {
      res.writeHead(307, { location: `${server.baseUrl}/chat/completions` }).end();
    });
    await new Promise<void>((resolve) => redirect.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = redirect.address() as AddressInfo;
      const { light } = clients(`http://127.0.0.1:${port}/v1`);
      const completion = await light.chat.completions.create(CHAT);
      assert.equal(completion.choices[0]!.message.content, 'Hi there.');
    } finally {
      redirect.closeAllConnections();
      await new Promise((resolve) => redirect.close(resolve));
    }
  });
});
