import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** The parts of a chat-completions request the scripts read. */
export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: ChatRequest | undefined;
  at: number;
}

/** A reply's content (a string, or a value sent as JSON), or a raw HTTP answer. */
export type ScriptedReply =
  string | { content: unknown } | { status: number; body: unknown; headers?: Record<string, string> };
export type Script = (request: ChatRequest, recorded: RecordedRequest) => ScriptedReply | Promise<ScriptedReply>;

export type Fault =
  | { kind: 'rate-limit'; retryAfter?: string }
  | { kind: 'server-error'; status?: number }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'invalid-json' }
  | { kind: 'schema-mismatch'; content?: unknown }
  | { kind: 'truncated-stream' }
  /** A stream that sends its first chunk, then nothing, until the client hangs up. */
  | { kind: 'stalled-stream' }
  /** An error body that echoes the request's credentials, as careless gateways do. */
  | { kind: 'echo-credentials'; status: number };

export interface TestServerOptions {
  script?: Script;
  /** Added before every reply. */
  latencyMs?: number;
  /** Answer any json_schema response_format with a 400, as servers without structured output do. */
  rejectJsonSchema?: boolean;
  rejectJsonObject?: boolean;
}

/**
 * An OpenAI-compatible `/v1/chat/completions` on 127.0.0.1 over real HTTP, for unit, bench and integration
 * tests: scripted replies, JSON or SSE, faults on demand, latency, and a record of every request.
 */
export class OpenAiTestServer {
  readonly requests: RecordedRequest[] = [];
  script: Script;
  latencyMs: number;
  rejectJsonSchema: boolean;
  rejectJsonObject: boolean;
  /** Requests being answered right now, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;
  private readonly faults: Fault[] = [];

  private constructor(
    private readonly server: Server,
    options: TestServerOptions,
  ) {
    this.script = options.script ?? (() => ({ content: {} }));
    this.latencyMs = options.latencyMs ?? 0;
    this.rejectJsonSchema = options.rejectJsonSchema ?? false;
    this.rejectJsonObject = options.rejectJsonObject ?? false;
  }

  static async start(options: TestServerOptions = {}): Promise<OpenAiTestServer> {
    // The handler runs only after `instance` exists (requests arrive after listen).
    const server = createServer((req, res) => void instance.handle(req, res));
    const instance = new OpenAiTestServer(server, options);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What a client puts in its base URL. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Chat-completion requests only. */
  get chatRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.url.endsWith('/chat/completions'));
  }

  /** The next `times` requests meet this fault instead of the script. */
  failNext(fault: Fault, times = 1): this {
    for (let i = 0; i < times; i++) this.faults.push(fault);
    return this;
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  reset(): void {
    this.requests.length = 0;
    this.clearFaults();
    this.maxInFlight = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    let body: ChatRequest | undefined;
    try {
      body = rawBody ? (JSON.parse(rawBody) as ChatRequest) : undefined;
    } catch {
      body = undefined;
    }
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      rawBody,
      body,
      at: Date.now(),
    };
    this.requests.push(recorded);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    // A request stops counting as in flight when it is answered or the client hangs up, whichever is first.
    let closed = false;
    let counted = true;
    const settle = () => {
      if (counted) this.inFlight--;
      counted = false;
    };
    res.on('close', () => {
      closed = true;
      settle();
    });
    try {
      if (!req.url?.endsWith('/chat/completions') || req.method !== 'POST' || !body) {
        return sendJson(res, 404, {
          error: { message: `no route for ${req.method} ${req.url}`, type: 'invalid_request_error' },
        });
      }
      if (this.latencyMs > 0) await delay(this.latencyMs);
      const fault = this.faults.shift();
      if (fault?.kind === 'slow') {
        await delay(fault.delayMs);
        if (closed) return;
      }
      if (closed) return;
      if (fault?.kind === 'rate-limit') {
        return sendJson(
          res,
          429,
          { error: { message: 'Rate limit reached, slow down', type: 'rate_limit_error' } },
          fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {},
        );
      }
      if (fault?.kind === 'server-error')
        return sendJson(res, fault.status ?? 500, {
          error: { message: 'The server had an error', type: 'server_error' },
        });
      if (fault?.kind === 'echo-credentials') {
        const echoed = `${req.headers.authorization ?? ''} ${req.headers['api-key'] ?? ''}`;
        return sendJson(res, fault.status, {
          error: { message: `Rejected request with headers: Authorization: ${echoed}`, type: 'invalid_request_error' },
        });
      }
      const format = body.response_format?.type;
      if ((this.rejectJsonSchema && format === 'json_schema') || (this.rejectJsonObject && format === 'json_object')) {
        return sendJson(res, 400, {
          error: {
            message: `response_format ${format} is not supported by this server`,
            type: 'invalid_request_error',
            param: 'response_format',
          },
        });
      }

      let content: string;
      if (fault?.kind === 'invalid-json') content = '{"explanation": "cut off here", "criteria_met": tr';
      else if (fault?.kind === 'schema-mismatch') content = JSON.stringify(fault.content ?? { verdict: 'yes' });
      else {
        const reply = await this.script(body, recorded);
        if (typeof reply === 'object' && 'status' in reply)
          return sendJson(res, reply.status, reply.body, reply.headers ?? {});
        content = typeof reply === 'string' ? reply : JSON.stringify(reply.content);
      }
      if (body.stream && fault?.kind === 'stalled-stream') return stallStream(res, body, content, () => closed);
      if (body.stream) return streamReply(res, body, content, fault?.kind === 'truncated-stream');
      return sendJson(res, 200, completion(body, content));
    } finally {
      settle();
    }
  }
}

function completion(request: ChatRequest, content: string) {
  return {
    id: `chatcmpl-test-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: usageOf(request, content),
  };
}

/** Rough token counts (4 characters a token) so that the client's counters have something to add. */
function usageOf(request: ChatRequest, content: string) {
  const prompt = Math.ceil(request.messages.reduce((n, m) => n + String(m.content).length, 0) / 4);
  const completionTokens = Math.ceil(content.length / 4);
  return { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens };
}

function streamReply(res: ServerResponse, request: ChatRequest, content: string, truncate: boolean): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const id = `chatcmpl-test-${Math.random().toString(36).slice(2)}`;
  const chunk = (delta: object, finish: string | null, usage?: object) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: request.model, choices: usage ? [] : [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`;
  const size = Math.max(1, Math.ceil(content.length / 4));
  const pieces = content.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [''];
  res.write(chunk({ role: 'assistant', content: '' }, null));
  if (truncate) {
    res.write(chunk({ content: pieces[0] }, null));
    res.socket?.destroy();
    return;
  }
  for (const piece of pieces) res.write(chunk({ content: piece }, null));
  res.write(chunk({}, 'stop'));
  if (request.stream_options?.include_usage) res.write(chunk({}, null, usageOf(request, content)));
  res.end('data: [DONE]\n\n');
}

async function stallStream(
  res: ServerResponse,
  request: ChatRequest,
  content: string,
  closed: () => boolean,
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const chunk = {
    id: 'chatcmpl-stall',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [{ index: 0, delta: { role: 'assistant', content: content.slice(0, 5) }, finish_reason: null }],
  };
  res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  while (!closed()) await delay(20);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
