import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { principleLibraryVersion } from '../dataset/libraryVersion';
import type { CompiledLibrary } from '../lint/compileLibrary';
import { Admission } from './admission';
import { authorized } from './authorize';
import { chatCompletion } from './chatCompletion';
import { writeChatStream } from './chatStream';
import type { ChatForwarder } from './forwardChat';
import { getReward } from './getReward';
import { HttpError } from './httpError';
import type { RewardJudge } from './judgeItems';
import { readJsonBody } from './readJsonBody';
import type { RewardOptions } from './rewardScore';
import type { RubricStore } from './rubricStore';
import { scoreSolution } from './scoreSolution';
import type { ReviseControl } from './selfRevise';
import type { TraceLog } from './traceLog';

export interface ServeOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Required on every request as `Authorization: Bearer T` or `?token=T` when set. */
  token?: string | undefined;
  judge: RewardJudge;
  forward: ChatForwarder;
  /** A function: the editor's library changes while the server runs. */
  library: () => CompiledLibrary;
  store: RubricStore;
  version: string;
  reward?: RewardOptions;
  /** Rewards are answered within this (OpenRLHF's client gives up at 180 s). */
  deadlineMs?: number;
  maxBodyBytes?: number;
  maxActive?: number;
  maxQueued?: number;
  revise?: ReviseControl;
  traces?: TraceLog | undefined;
  /** One line per request (route, status, time) and per judge problem; never a key, a token or a body. */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting, answers the requests in flight, then closes. */
  close(): Promise<void>;
}

export const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  deadlineMs: 150_000,
  maxBodyBytes: 16 * 1024 * 1024,
  maxActive: 256,
  maxQueued: 1024,
  revise: { rounds: 1, rubric: 'offline' },
} as const;

/** `clinalign serve`: rubric rewards for RL trainers and a self-revising OpenAI-compatible endpoint. */
export async function startServe(options: ServeOptions): Promise<RunningServer> {
  const o = { ...SERVE_DEFAULTS, ...options };
  const log = options.log ?? (() => {});
  const admission = new Admission(o.maxActive, o.maxQueued);
  const shutdown = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let draining = false;
  const scoring = { judge: o.judge, deadlineMs: o.deadlineMs, signal: shutdown.signal, log };

  const rewardOptions = (url: URL): RewardOptions => {
    const threshold = url.searchParams.get('binary_threshold');
    const positive = url.searchParams.get('positive_only');
    return {
      positiveOnly: positive === null ? o.reward?.positiveOnly : positive === '1' || positive === 'true',
      binaryThreshold: threshold === null ? o.reward?.binaryThreshold : Number(threshold),
    };
  };

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (draining) throw new HttpError(503, 'the server is shutting down', { 'retry-after': '1', connection: 'close' });
    if (!authorized(req, url, o.token))
      throw new HttpError(401, 'missing or wrong token: send Authorization: Bearer <token> or ?token=<token>');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const post = (handler: (body: unknown) => Promise<void>) => {
      if (req.method !== 'POST') throw new HttpError(405, `${path} takes POST`, { allow: 'POST' });
      return admission.run(async () => handler(await readJsonBody(req, o.maxBodyBytes)));
    };
    switch (path) {
      case '/health':
        if (req.method !== 'GET') throw new HttpError(405, '/health takes GET', { allow: 'GET' });
        return sendJson(res, 200, health());
      case '/get_reward':
        return post(async (body) => sendJson(res, 200, await getReward(body, o.store, scoring, rewardOptions(url))));
      case '/score':
        return post(async (body) =>
          sendJson(res, 200, await scoreSolution(body, o.store, scoring, rewardOptions(url))),
        );
      case '/v1/chat/completions':
      case '/chat/completions':
        return post(async (body) => {
          const outcome = await chatCompletion(
            { client: o.judge.client, forward: o.forward, library: o.library, defaults: o.revise },
            body,
            shutdown.signal,
          );
          void o.traces?.append(outcome.trace);
          const headers = {
            'x-clinalign-trace-id': outcome.traceId,
            'x-clinalign-revised': String(outcome.completion.clinalign.revised === true),
          };
          if (outcome.stream) writeChatStream(res, outcome.completion as never, headers);
          else sendJson(res, 200, outcome.completion, headers);
        });
      default:
        throw new HttpError(
          404,
          `no route ${path}: the server answers GET /health, POST /get_reward, POST /score and POST /v1/chat/completions`,
        );
    }
  };

  const health = () => {
    const library = o.library();
    const { client } = o.judge;
    return {
      status: 'ok',
      version: o.version,
      judge: { model: client.judgeModel, reviser: client.model, grader: o.judge.items?.grader ?? 'clinalign' },
      library: { version: principleLibraryVersion(library.principles), principles: library.principles.length },
      rubrics: {
        loaded: o.store.size,
        files: o.store.files.map((f) => ({ file: f.file, records: f.records, problems: f.problems.length })),
      },
      reward: {
        deadline_ms: o.deadlineMs,
        positive_only: o.reward?.positiveOnly ?? false,
        binary_threshold: o.reward?.binaryThreshold ?? null,
      },
      in_flight: admission.inFlight,
    };
  };

  const server = createServer((req, res) => {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const task = route(req, res, url)
      .catch((error: unknown) => {
        if (res.headersSent) return void res.destroy();
        if (error instanceof HttpError)
          return sendJson(
            res,
            error.status,
            { error: { message: error.message, type: 'invalid_request_error' } },
            error.headers,
          );
        const status = url.pathname.includes('chat/completions') ? 502 : 500;
        log(`${req.method} ${url.pathname}: ${(error as Error).message}`);
        sendJson(res, status, { error: { message: (error as Error).message, type: 'server_error' } });
      })
      // The path only: the query may hold the token.
      .then(() => log(`${req.method} ${url.pathname} ${res.statusCode} ${Date.now() - started} ms`));
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  server.requestTimeout = o.deadlineMs + 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    async close() {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // In-flight requests are answered (their deadline bounds the wait); then nothing is left open.
      const grace = setTimeout(() => shutdown.abort(new Error('server shut down')), o.deadlineMs);
      await Promise.allSettled([...inFlight]);
      clearTimeout(grace);
      server.closeAllConnections();
      await closed;
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}
