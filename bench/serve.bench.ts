// `npm run bench:serve`: `clinalign serve` against a judge with 300 ms per call (another process).
// 1. Rewards per second at concurrency 16, 64 and 256 (one OpenRLHF-style /get_reward sample a request, a
//    12-item HealthBench rubric, every answer distinct so nothing is cached; the judge cache on disk, as the CLI's) against the ideal the judge limit
//    allows: min(concurrency × items, judge limit) ÷ (items × 300 ms). p50/p99 latency, peak RSS. The judge
//    limit is 256 calls in flight (the most an endpoint setting accepts), then 16 (the default) at 64.
// 2. Proxy overhead of /v1/chat/completions: the request's wall time minus the time covered by its model
//    calls (draft, grading, revision), one request at a time, judge at 20 ms.
// Prints one JSON object; times are wall-clock ms on this machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHealthBenchJsonl } from '../src/core/dataset/healthbenchRecord';
import { compileLibrary } from '../src/core/lint/compileLibrary';
import { endpointConfigSchema } from '../src/core/model/endpointConfig';
import { FileJudgeCache } from '../src/core/model/fileJudgeCache';
import { ModelClient } from '../src/core/model/modelClient';
import { bundledPrinciplesDir } from '../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../src/core/principles/loadPrinciples';
import { openAiForwarder } from '../src/core/serve/forwardChat';
import { RubricStore } from '../src/core/serve/rubricStore';
import { startServe } from '../src/core/serve/serveServer';

const LATENCY_MS = 300;
/** Judge calls in flight at most (the endpoint's maxConcurrency; 256 is the most it accepts). */
const JUDGE_LIMIT = 256;
const LEVELS = [
  { concurrency: 16, requests: 240 },
  { concurrency: 64, requests: 360 },
  { concurrency: 256, requests: 512 },
];
const DEFAULT_JUDGE_LIMIT = 16;
const OVERHEAD_REQUESTS = 40;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const TSX = join(__dirname, '..', 'node_modules', 'tsx', 'dist', 'loader.mjs');

/** A 12-item record of the HealthBench sample (HealthBench-Hard averages 11.9 items). */
const record = parseHealthBenchJsonl(
  readFileSync(join(__dirname, '..', 'test', 'fixtures', 'healthbench', 'oss_eval_first30.jsonl'), 'utf8'),
).find((r) => r.rubrics.length >= 12)!;
const RUBRIC = record.rubrics.slice(0, 12);

async function startJudge(latencyMs: number): Promise<{ baseUrl: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', `file://${TSX}`, join(__dirname, 'serveBenchJudge.ts'), String(latencyMs)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', () => reject(new Error('the bench judge exited')));
  });
  return { baseUrl, child };
}

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

/** POST with node:http (lighter than fetch, so the load generator costs the shared CPU less). */
function post(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function library() {
  const { principles } = loadPrinciples(bundledPrinciplesDir());
  return compileLibrary(principles);
}

function client(baseUrl: string, maxConcurrency: number) {
  // No result cache: every item of every answer is a judge call, as in training (each rollout is new).
  return new ModelClient({
    config: endpointConfigSchema.parse({ baseUrl, model: 'bench-model', maxConcurrency, timeoutMs: 120_000 }),
  });
}

async function rewardLevel(
  url: string,
  concurrency: number,
  requests: number,
  offset: number,
  judgeLimit = JUDGE_LIMIT,
) {
  const latencies: number[] = [];
  let next = 0;
  let bad = 0;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = offset + next++;
        const t = performance.now();
        const { status, text } = await post(`${url}/get_reward`, {
          query: [`Call emergency services if symptoms worsen; see a clinician soon. (rollout ${i})`],
          prompts: [''],
          labels: [record.prompt_id],
        });
        latencies.push(performance.now() - t);
        const json = status === 200 ? JSON.parse(text) : undefined;
        if (status !== 200 || json.extra_logs.judge_failures[0] !== 0) bad++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const items = RUBRIC.length;
  const ideal = Math.min(concurrency * items, judgeLimit) / (items * (LATENCY_MS / 1000));
  latencies.sort((a, b) => a - b);
  return {
    judgeLimit,
    concurrency,
    requests,
    rewardsPerSecond: round(requests / seconds),
    idealRewardsPerSecond: round(ideal),
    ofIdeal: round(requests / seconds / ideal),
    targetOfIdeal: 0.8,
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
    peakRssMb: round(peakRss / 2 ** 20, 1),
    failed: bad,
  };
}

/** Sum of the union of [start, end] intervals. */
function covered(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

async function proxyOverhead(baseUrl: string) {
  const intervals: [number, number][] = [];
  const timed = async <T>(fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      intervals.push([start, performance.now()]);
    }
  };
  const inner = client(baseUrl, 16);
  // Every model call the proxy makes, timed: the forwarded draft and the structured calls of grading and revising.
  const judged = {
    config: inner.config,
    model: inner.model,
    judgeModel: inner.judgeModel,
    completeJson: ((...args: Parameters<ModelClient['completeJson']>) =>
      timed(() => inner.completeJson(...args))) as ModelClient['completeJson'],
  };
  const forward = openAiForwarder(inner.config, undefined);
  const serve = await startServe({
    port: 0,
    judge: { client: judged },
    forward: (req, signal) => timed(() => forward(req, signal)),
    library: (() => {
      const l = library();
      return () => l;
    })(),
    store: new RubricStore(),
    version: 'bench',
  });
  const run = async (control: Record<string, unknown>) => {
    const overheads: number[] = [];
    for (let i = 0; i < OVERHEAD_REQUESTS + 3; i++) {
      intervals.length = 0;
      const t = performance.now();
      const { status } = await post(`${serve.url}/v1/chat/completions`, {
        model: 'bench-model',
        messages: [
          { role: 'user', content: `I'm 58 and have had crushing chest pain for 20 minutes. What should I do? (${i})` },
        ],
        clinalign: control,
      });
      const wall = performance.now() - t;
      if (status !== 200) throw new Error(`proxy answered ${status}`);
      if (i >= 3) overheads.push(wall - covered(intervals)); // the first requests warm up (JIT, connections)
    }
    overheads.sort((a, b) => a - b);
    return {
      requests: OVERHEAD_REQUESTS,
      p50Ms: round(percentile(overheads, 50)),
      p90Ms: round(percentile(overheads, 90)),
      meanMs: round(overheads.reduce((a, b) => a + b, 0) / overheads.length),
    };
  };
  try {
    return { revised: await run({ rounds: 1 }), forwardOnly: await run({ off: true }), targetMs: 5 };
  } finally {
    await serve.close();
  }
}

/** A reward server on the judge with `judgeLimit` calls in flight at most, its judge cache on disk as the CLI's. */
async function rewardServer(baseUrl: string, judgeLimit: number) {
  const store = new RubricStore();
  store.add({
    promptId: record.prompt_id,
    prompt: record.prompt,
    rubrics: RUBRIC.map((r) => ({ criterion: r.criterion, points: r.points, tags: r.tags })),
  });
  const judgeClient = client(baseUrl, judgeLimit);
  const lib = library();
  const cache = new FileJudgeCache(mkdtempSync(join(tmpdir(), 'clinalign-bench-serve-')));
  return startServe({
    port: 0,
    judge: { client: judgeClient, cache },
    forward: openAiForwarder(judgeClient.config, undefined),
    library: () => lib,
    store,
    version: 'bench',
  });
}

async function main() {
  const judge = await startJudge(LATENCY_MS);
  const fast = await startJudge(20);
  try {
    const levels = [];
    const wide = await rewardServer(judge.baseUrl, JUDGE_LIMIT);
    try {
      await rewardLevel(wide.url, 8, 16, 1_000_000); // warm-up: JIT, connections, the structured-mode probe
      let offset = 0;
      for (const level of LEVELS) {
        levels.push(await rewardLevel(wide.url, level.concurrency, level.requests, offset));
        offset += level.requests;
      }
    } finally {
      await wide.close();
    }
    const narrow = await rewardServer(judge.baseUrl, DEFAULT_JUDGE_LIMIT);
    try {
      levels.push(await rewardLevel(narrow.url, 64, 48, 2_000_000, DEFAULT_JUDGE_LIMIT));
    } finally {
      await narrow.close();
    }
    const overhead = await proxyOverhead(fast.baseUrl);
    console.log(
      JSON.stringify(
        {
          judgeLatencyMs: LATENCY_MS,
          rubricItems: RUBRIC.length,
          cpus: availableParallelism(),
          loadAverage: loadavg().map((l) => round(l)),
          rewards: levels,
          proxyOverhead: overhead,
        },
        null,
        2,
      ),
    );
  } finally {
    judge.child.stdin!.end();
    fast.child.stdin!.end();
    agent.destroy();
  }
}

void main();
