// `npm run bench:model`: grading against the local test server (300 ms per call): one 12-item rubric at the
// default concurrency, the same again from the cache, 100 cases at concurrency 16 against the ideal, and
// batched-vs-per-item agreement on the HealthBench sample with the scripted keyword judge.
// Prints one JSON object. Times are wall-clock milliseconds on this machine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHealthBenchJsonl, type HealthBenchRecord } from '../src/core/dataset/healthbenchRecord';
import { DEFAULT_MAX_CONCURRENCY, endpointConfigSchema } from '../src/core/model/endpointConfig';
import { MemoryJudgeCache } from '../src/core/model/judgeCache';
import { ModelClient } from '../src/core/model/modelClient';
import { StructuredModeMemory } from '../src/core/model/structuredMode';
import { gradeAnswer, type GradeInput } from '../src/core/workflows/gradeAnswer';
import { OpenAiTestServer } from '../test/support/openaiTestServer';
import { scriptedModel } from '../test/support/scriptedModel';

const LATENCY_MS = 300;
const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

const records = parseHealthBenchJsonl(
  readFileSync(join(__dirname, '..', 'test', 'fixtures', 'healthbench', 'oss_eval_first30.jsonl'), 'utf8'),
);

function clientFor(server: OpenAiTestServer, maxConcurrency = DEFAULT_MAX_CONCURRENCY, cache = new MemoryJudgeCache()) {
  const config = endpointConfigSchema.parse({ baseUrl: server.baseUrl, model: 'bench-model', maxConcurrency });
  return new ModelClient({ config, cache, modeMemory: new StructuredModeMemory() });
}

/** A record as grading input: its ideal completion (or the question, echoed) as the answer. */
function inputOf(record: HealthBenchRecord, variant = ''): GradeInput {
  const answer = record.ideal_completions_data?.ideal_completion ?? record.prompt.at(-1)!.content;
  return {
    conversation: record.prompt,
    answer: answer + variant,
    rubric: record.rubrics.map((r) => ({ ...r, points: r.points })),
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function main() {
  const server = await OpenAiTestServer.start({ script: scriptedModel(), latencyMs: LATENCY_MS });
  try {
    // 1. One 12-item rubric at the default concurrency, then the same again (all cached).
    const twelve = records.find((r) => r.rubrics.length >= 12)!;
    const rubric = { ...inputOf(twelve), rubric: twelve.rubrics.slice(0, 12) };
    const cache = new MemoryJudgeCache();
    // Warm-up (module loading, JIT, the first connection) on another record, so the figure is per-rubric cost.
    await gradeAnswer(clientFor(server), { ...inputOf(records[0]!), rubric: records[0]!.rubrics.slice(0, 2) });
    const firstClient = clientFor(server, DEFAULT_MAX_CONCURRENCY, cache);
    const first = await timed(() => gradeAnswer(firstClient, rubric));
    const secondClient = clientFor(server, DEFAULT_MAX_CONCURRENCY, cache);
    const second = await timed(() => gradeAnswer(secondClient, rubric));

    // 2. 100 cases (the 30 records cycled, each answer distinct so nothing is cached) at concurrency 16.
    const cases = Array.from({ length: 100 }, (_, i) => inputOf(records[i % records.length]!, `\n\n(case ${i})`));
    const manyClient = clientFor(server, 16);
    server.reset();
    const many = await timed(() => Promise.all(cases.map((c) => gradeAnswer(manyClient, c))));
    const calls = manyClient.usage.requests;
    const ideal = (calls * LATENCY_MS) / 16;

    // 3. Batched vs per-item on the 30 records, no latency: the same scripted judge must agree item by item.
    server.latencyMs = 0;
    const agreeClient = clientFor(server, 16);
    let items = 0;
    let agree = 0;
    let scoreDiff = 0;
    for (const record of records) {
      const input = inputOf(record);
      const [perItem, batched] = await Promise.all([
        gradeAnswer(agreeClient, input),
        gradeAnswer(agreeClient, input, { mode: 'batch' }),
      ]);
      perItem.items.forEach((item, i) => {
        items++;
        if (item.met === batched.items[i]!.met) agree++;
      });
      scoreDiff = Math.max(scoreDiff, Math.abs((perItem.score ?? 0) - (batched.score ?? 0)));
    }

    console.log(
      JSON.stringify(
        {
          latencyPerCallMs: LATENCY_MS,
          twelveItemRubric: {
            concurrency: DEFAULT_MAX_CONCURRENCY,
            ms: Math.round(first.ms),
            timesOneCall: round(first.ms / LATENCY_MS, 2),
            targetTimesOneCall: 2,
            calls: firstClient.usage.requests,
          },
          unchangedRerun: {
            ms: Math.round(second.ms),
            calls: secondClient.usage.requests,
            cacheHits: secondClient.usage.cacheHits,
          },
          hundredCases: {
            concurrency: 16,
            calls,
            ms: Math.round(many.ms),
            idealMs: Math.round(ideal),
            timesIdeal: round(many.ms / ideal, 2),
            targetTimesIdeal: 1.5,
            maxInFlight: server.maxInFlight,
          },
          batchedVsPerItem: {
            records: records.length,
            items,
            agreement: round(agree / items, 4),
            maxScoreDifference: round(scoreDiff, 4),
            batchedCalls: records.length,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await server.close();
  }
}

void main();
