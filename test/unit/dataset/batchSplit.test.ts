import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchRequest } from '../../../src/core/dataset/batchFiles';
import { BATCH_API_LIMITS, BatchRequestFile, partPath } from '../../../src/core/dataset/batchRequestFile';
import { gradeItemOutput, gradeItemPrompt } from '../../../src/core/model/prompts/gradeItemPrompt';

const request = (n: number) =>
  batchRequest(
    'grade',
    gradeItemOutput,
    gradeItemPrompt({
      conversation: [{ role: 'user', content: `Question ${n}` }],
      response: `Answer ${n}`,
      item: { points: 5, criterion: `Criterion ${n}` },
    }),
    'judge',
  );
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('batch request files split at the Batch API limits', () => {
  const dirs: string[] = [];
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinalign-batch-split-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('the limits are the Batch API’s: 50,000 requests and 200 MB a file', () => {
    assert.equal(BATCH_API_LIMITS.maxRequests, 50_000);
    assert.ok(BATCH_API_LIMITS.maxBytes <= 200 * 1024 * 1024 && BATCH_API_LIMITS.maxBytes >= 200_000_000);
  });

  it('past the request limit the requests go on in numbered parts; every request once, in order', async () => {
    const dir = temp();
    const out = join(dir, 'requests.jsonl');
    const written = await new BatchRequestFile(out, { maxRequests: 3, maxBytes: 1e9 }).writeAll(async (add) => {
      for (let n = 0; n < 7; n++) await add(request(n));
      await add(request(0)); // a duplicate is written once
    });
    assert.equal(written.requests, 7);
    assert.deepEqual(
      written.files,
      [1, 2, 3].map((p) => join(dir, `requests.part-${p}-of-3.jsonl`)),
    );
    assert.deepEqual(
      written.files.map((f) => lines(f).length),
      [3, 3, 1],
    );
    assert.deepEqual(
      written.files.flatMap(lines).map((r) => r.custom_id),
      [0, 1, 2, 3, 4, 5, 6].map((n) => request(n).custom_id),
    );
    assert.deepEqual(
      readdirSync(dir).sort(),
      ['requests.part-1-of-3.jsonl', 'requests.part-2-of-3.jsonl', 'requests.part-3-of-3.jsonl'],
      'no temporaries left',
    );
  });

  it('past the byte limit too; no part is over it', async () => {
    const dir = temp();
    const size = Buffer.byteLength(`${JSON.stringify(request(1))}\n`);
    const limit = Math.floor(size * 2.5);
    const written = await new BatchRequestFile(join(dir, 'r.jsonl'), { maxRequests: 50_000, maxBytes: limit }).writeAll(
      async (add) => {
        for (let n = 0; n < 5; n++) await add(request(n));
      },
    );
    assert.equal(written.files.length, 3);
    for (const file of written.files) assert.ok(readFileSync(file).length <= limit);
  });

  it('within the limits: the one file keeps its name, and parts of an earlier larger run are removed', async () => {
    const dir = temp();
    const out = join(dir, 'requests.jsonl');
    for (let p = 1; p <= 12; p++) writeFileSync(partPath(out, p, 12), 'old\n');
    writeFileSync(join(dir, 'requests.notes.jsonl'), 'mine\n');
    const written = await new BatchRequestFile(out, { maxRequests: 3, maxBytes: 1e9 }).writeAll(async (add) =>
      add(request(1)),
    );
    assert.deepEqual(written.files, [out]);
    assert.deepEqual(readdirSync(dir).sort(), ['requests.jsonl', 'requests.notes.jsonl']);
    assert.equal(partPath(out, 2, 12), join(dir, 'requests.part-02-of-12.jsonl'));
  });

  it('a failure leaves no part behind', async () => {
    const dir = temp();
    await assert.rejects(
      new BatchRequestFile(join(dir, 'requests.jsonl'), { maxRequests: 2, maxBytes: 1e9 }).writeAll(async (add) => {
        for (let n = 0; n < 5; n++) await add(request(n));
        throw new Error('the query file is unreadable');
      }),
      /unreadable/,
    );
    assert.deepEqual(readdirSync(dir), []);
  });
});
