// 1,000 reward requests at concurrency 64 over real HTTP: every one answered, with its own reward.
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './serveHarness';

const REQUESTS = 1000;
const CONCURRENCY = 64;
/** Three answers whose rewards differ, so a mixed-up reply would show. */
const ANSWERS = [
  { text: 'Call emergency services immediately. Chew an aspirin if you are not allergic.', reward: 1 },
  { text: 'Call emergency services immediately.', reward: 10 / 15 },
  { text: 'Suggests waiting to see whether it passes.', reward: -6 / 15 },
];

describe('serve: load', function () {
  this.timeout(120_000);
  let h: Harness;
  // The judge and the server share this process (and a busy test machine): a per-call timeout of a minute,
  // as the default, so that slowness shows as time, not as judge failures.
  before(async () => (h = await startHarness({}, undefined, { client: { timeoutMs: 60_000 } })));
  after(() => h.close());

  it(`${REQUESTS} /get_reward requests at concurrency ${CONCURRENCY}: nothing lost, nothing mixed up, no judge call lost`, async () => {
    const results: { index: number; status: number; reward: number | undefined; failures: number | undefined }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const index = next++;
        const answer = ANSWERS[index % ANSWERS.length]!;
        // A request number makes every answer unique: each one is judged, none comes from the cache.
        const { status, json } = await h.post('/get_reward', {
          query: [`${answer.text} (request ${index})`],
          prompts: [''],
          labels: ['chest-pain'],
        });
        results.push({ index, status, reward: json?.rewards?.[0], failures: json?.extra_logs?.judge_failures?.[0] });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    assert.equal(results.length, REQUESTS);
    assert.deepEqual([...new Set(results.map((r) => r.status))], [200]);
    assert.deepEqual(
      results.map((r) => r.index).sort((a, b) => a - b),
      Array.from({ length: REQUESTS }, (_, i) => i),
    );
    const wrong = results.filter((r) => r.reward !== ANSWERS[r.index % ANSWERS.length]!.reward || r.failures !== 0);
    assert.deepEqual(
      wrong.slice(0, 3),
      [],
      `${wrong.length} replies with the wrong reward or judge failures; ${h.logs
        .filter((l) => /not judged/.test(l))
        .slice(0, 3)
        .join('\n')}`,
    );
    // One judge call per rubric item; a call the network dropped may be retried (the client's retry policy).
    const asked = new Set(h.model.chatRequests.map((r) => r.rawBody));
    assert.equal(asked.size, REQUESTS * 3, 'every item of every answer reached the judge');
  });
});
