import { compileLibrary, type CompiledLibrary } from '../../../src/core/lint/compileLibrary';
import { MemoryJudgeCache } from '../../../src/core/model/judgeCache';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import { openAiForwarder } from '../../../src/core/serve/forwardChat';
import { RubricStore } from '../../../src/core/serve/rubricStore';
import { startServe, type RunningServer, type ServeOptions } from '../../../src/core/serve/serveServer';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';
import type { EndpointConfigInput } from '../../../src/core/model/endpointConfig';
import type { GraderName } from '../../../src/core/model/itemJudge';
import { itemJudgeFor } from '../../../src/core/model/itemJudgeFor';
import { TEST_KEY, testClient } from '../model/modelTestSetup';

export const QUESTION = "I'm 58 and have had crushing chest pain for 20 minutes. What should I do?";

/** One rl.jsonl line, as `clinalign export` writes it. */
export const RL_RECORD = {
  prompt_id: 'chest-pain',
  prompt: [{ role: 'user', content: QUESTION }],
  rubrics: [
    {
      criterion: 'Advises calling emergency services immediately',
      points: 10,
      tags: ['axis:accuracy', 'level:example'],
    },
    { criterion: 'Mentions chewing aspirin if not allergic', points: 5, tags: ['axis:completeness'] },
    { criterion: 'Suggests waiting to see whether it passes', points: -6, tags: ['axis:accuracy'] },
  ],
  scenario: {},
  principle_ids: [],
  example_tags: [],
};

let bundled: CompiledLibrary | undefined;
export const bundledLibrary = () =>
  (bundled ??= (() => {
    const { principles } = loadPrinciples(bundledPrinciplesDir());
    return compileLibrary(principles);
  })());

export interface Harness {
  model: OpenAiTestServer;
  serve: RunningServer;
  cache: MemoryJudgeCache;
  logs: string[];
  post(
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: any; headers: Headers; text: string }>;
  close(): Promise<void>;
}

/** The judge (the OpenAI-compatible test server, scripted keyword judge) and `clinalign serve` on port 0. */
export interface JudgeSetup {
  client?: Partial<EndpointConfigInput>;
  grader?: GraderName;
}

export async function startHarness(
  options: Partial<ServeOptions> = {},
  model?: OpenAiTestServer,
  judge: JudgeSetup = {},
): Promise<Harness> {
  const judgeServer = model ?? (await OpenAiTestServer.start({ script: scriptedModel() }));
  const cache = new MemoryJudgeCache();
  const client = testClient(judgeServer, { maxConcurrency: 64, ...judge.client }, cache);
  const store = new RubricStore();
  store.load('rl.jsonl', `${JSON.stringify(RL_RECORD)}\n`);
  const logs: string[] = [];
  const serve = await startServe({
    port: 0,
    judge: { client, cache, items: judge.grader ? itemJudgeFor(judge.grader, client, cache) : undefined },
    forward: openAiForwarder(client.config, TEST_KEY),
    library: bundledLibrary,
    store,
    version: '0.0.0-test',
    log: (line) => logs.push(line),
    ...options,
  });
  return {
    model: judgeServer,
    serve,
    cache,
    logs,
    async post(path, body, headers = {}) {
      const response = await fetch(`${serve.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, json, headers: response.headers, text };
    },
    async close() {
      await serve.close();
      await judgeServer.close();
    },
  };
}
