// `export --formats verl`: verl's parquet rows, read back with hyparquet.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { exportDataset } from '../../../src/core/dataset/exportDataset';
import { verifiedCase } from './caseFixtures';
import { clinalign } from '../cli/cliHarness';

async function readParquet(file: string): Promise<any[]> {
  const buf = readFileSync(file);
  return parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) });
}

describe('dataset export: verl parquet', () => {
  const root = mkdtempSync(join(tmpdir(), 'clinalign-verl-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'cases'));
  writeFileSync(
    join(root, 'cases', 'a.case.md'),
    verifiedCase('chest-a', 'Call 911 now. Chew an aspirin if you are not allergic.'),
  );
  writeFileSync(join(root, 'cases', 'b.case.md'), verifiedCase('chest-b'));

  it('writes verl.parquet rows: data_source, prompt, ability, reward_model {style: rule, ground_truth: rubric JSON}, extra_info', async () => {
    const { manifest } = await exportDataset({
      inputs: [join(root, 'cases')],
      outDir: join(root, 'out'),
      formats: ['rl', 'verl'],
    });
    assert.deepEqual(readdirSync(join(root, 'out')).sort(), [
      'README.md',
      'manifest.json',
      'rl.jsonl',
      'skipped.json',
      'verl.parquet',
    ]);
    const rows = await readParquet(join(root, 'out', 'verl.parquet'));
    const rl = readFileSync(join(root, 'out', 'rl.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(rows.length, 2);
    assert.deepEqual(
      rows.map((r) => r.extra_info.prompt_id),
      rl.map((r) => r.prompt_id),
    );
    const [row] = rows;
    assert.equal(row.data_source, 'clinalign');
    assert.equal(row.ability, 'medical');
    assert.equal(row.reward_model.style, 'rule');
    assert.deepEqual(JSON.parse(row.reward_model.ground_truth), rl[0].rubrics);
    assert.deepEqual(
      row.prompt,
      rl[0].prompt.map((m: { role: string; content: string }) => ({ content: m.content, role: m.role })),
    );
    assert.deepEqual(row.extra_info.prompt, row.prompt);
    assert.equal(Number(row.extra_info.index), 0);
    const file = manifest.files.find((f) => f.name === 'verl.parquet')!;
    assert.equal(file.records, 2);
    assert.equal(file.bytes, readFileSync(join(root, 'out', 'verl.parquet')).length);
    assert.match(readFileSync(join(root, 'out', 'README.md'), 'utf8'), /### `verl\.parquet`/);
  });

  it('re-exports byte-identically; the default formats do not include verl; the CLI accepts --formats verl', async () => {
    const first = readFileSync(join(root, 'out', 'verl.parquet'));
    await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out'), formats: ['rl', 'verl'] });
    assert.ok(first.equals(readFileSync(join(root, 'out', 'verl.parquet'))));
    await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'default') });
    assert.ok(!readdirSync(join(root, 'default')).includes('verl.parquet'));
    const cli = clinalign(['export', 'cases', '--out', 'cli-out', '--formats', 'verl'], root);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /verl\.parquet 2/);
  });
});
