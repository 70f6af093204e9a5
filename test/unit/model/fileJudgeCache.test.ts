import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileJudgeCache } from '../../../src/core/model/fileJudgeCache';

const KEY = 'ab'.repeat(32);
const OTHER = 'cd'.repeat(32);

describe('FileJudgeCache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'clinalign-judge-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one file per entry under its shard folder, with no temporary file left', async () => {
    const cache = new FileJudgeCache(dir);
    assert.equal(await cache.get(KEY), undefined);
    await cache.set(KEY, { criteria_met: true, explanation: 'x' });
    await cache.set(KEY, { criteria_met: false, explanation: 'y' });
    assert.deepEqual(await cache.get(KEY), { criteria_met: false, explanation: 'y' });
    assert.deepEqual(readdirSync(join(dir, 'ab')), [`${KEY}.json`]);
    // Another process (another instance) reads the same entry.
    assert.deepEqual(await new FileJudgeCache(dir).get(KEY), { criteria_met: false, explanation: 'y' });
  });

  it('a damaged entry is a miss; a folder deleted while running is made again', async () => {
    const cache = new FileJudgeCache(dir);
    await cache.set(KEY, 1);
    writeFileSync(join(dir, 'ab', `${KEY}.json`), '{"value": ');
    assert.equal(await cache.get(KEY), undefined);
    rmSync(dir, { recursive: true, force: true });
    await cache.set(KEY, 2);
    await cache.set(OTHER, 3);
    assert.equal(await cache.get(KEY), 2);
    assert.equal(await cache.get(OTHER), 3);
  });

  it('refuses keys that are not sha256 digests (no path can be named)', async () => {
    await assert.rejects(new FileJudgeCache(dir).set('../../etc/passwd', 1), /sha256/);
  });
});
