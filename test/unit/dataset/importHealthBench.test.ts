import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCase } from '../../../src/core/case/parseCase';
import { exportDataset } from '../../../src/core/dataset/exportDataset';
import { parseHealthBenchJsonl } from '../../../src/core/dataset/healthbenchRecord';
import { importHealthBench } from '../../../src/core/dataset/importHealthBench';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'healthbench', 'oss_eval_first30.jsonl');

describe('dataset import (core)', () => {
  const dirs: string[] = [];
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinalign-import-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('round trip: import then export --include-unverified gives the same prompt, rubric items and completion', async () => {
    const root = temp();
    const imported = await importHealthBench({ file: FIXTURE, outDir: join(root, 'cases') });
    assert.equal(imported.written.length, 30);
    assert.deepEqual(imported.problems, []);
    await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out'), includeUnverified: true });
    const originals = new Map(parseHealthBenchJsonl(readFileSync(FIXTURE, 'utf8')).map((r) => [r.prompt_id, r]));
    const exported = readFileSync(join(root, 'out', 'healthbench.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(exported.length, 30);
    for (const record of exported) {
      const original = originals.get(record.prompt_id)!;
      assert.deepEqual(record.prompt, original.prompt);
      assert.deepEqual(
        record.rubrics,
        original.rubrics.map((r) => ({ criterion: r.criterion, points: r.points, tags: r.tags })),
      );
      assert.equal(
        record.ideal_completions_data?.ideal_completion ?? null,
        original.ideal_completions_data?.ideal_completion ?? null,
      );
      for (const tag of original.example_tags) assert.ok(record.example_tags.includes(tag));
    }
  });

  it('cases are drafts with scenario hints from the tags and the rubric tags kept', async () => {
    const root = temp();
    await importHealthBench({ file: FIXTURE, outDir: root });
    const document = parseCase(readFileSync(join(root, '78510411-e03b-4f93-a369-c7e72d2e4908.case.md'), 'utf8'));
    assert.deepEqual(document.problems, []);
    assert.equal(document.data.review?.status, 'draft');
    assert.deepEqual(document.data.scenario, { task: 'health-data' });
    assert.ok(document.data.rubric!.every((item) => item.tags.some((t) => t.startsWith('axis:'))));
  });

  it('never overwrites an existing case unless forced; bad records are reported by line', async () => {
    const root = temp();
    const lines = readFileSync(FIXTURE, 'utf8').split('\n').slice(0, 2);
    const evil = { ...JSON.parse(lines[0]!), prompt_id: '../escape' };
    const file = join(root, 'in.jsonl');
    writeFileSync(file, `${lines[0]}\n${JSON.stringify(evil)}\nnot json\n${lines[1]}\n`);
    const first = await importHealthBench({ file, outDir: join(root, 'cases') });
    assert.equal(first.written.length, 2);
    assert.deepEqual(
      first.problems.map((p) => p.line),
      [2, 3],
    );
    assert.match(first.problems[0]!.message, /cannot be a case id/);
    assert.deepEqual(readdirSync(root).sort(), ['cases', 'in.jsonl'], 'nothing written outside the folder');

    const target = first.written[0]!;
    writeFileSync(target, 'edited by a reviewer');
    const second = await importHealthBench({ file, outDir: join(root, 'cases') });
    assert.equal(second.kept.length, 2);
    assert.equal(readFileSync(target, 'utf8'), 'edited by a reviewer');
    await importHealthBench({ file, outDir: join(root, 'cases'), force: true });
    assert.notEqual(readFileSync(target, 'utf8'), 'edited by a reviewer');
  });
});
