import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyEntry } from '../../../src/core/case/revisionHistory';
import { caseAnswer } from '../../../src/core/case/caseAnswer';
import { exportDataset } from '../../../src/core/dataset/exportDataset';
import { outputPath, UnsafeOutputError } from '../../../src/core/dataset/outputFolder';
import { DEFAULT_EXPORT_FILES, verifiedCase } from './caseFixtures';

describe('dataset export (core)', () => {
  const dirs: string[] = [];
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinalign-export-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const now = () => new Date('2026-01-02T03:04:05Z');

  function workspace(): string {
    const root = temp();
    mkdirSync(join(root, 'cases'));
    writeFileSync(join(root, 'cases', 'b.case.md'), verifiedCase('chest-b'));
    writeFileSync(
      join(root, 'cases', 'a.case.md'),
      verifiedCase('chest-a', 'Call 911 now. Chew an aspirin if you are not allergic.'),
    );
    writeFileSync(
      join(root, 'cases', 'draft.case.md'),
      verifiedCase('draft').replace('status: verified', 'status: draft'),
    );
    writeFileSync(
      join(root, 'cases', 'items.case.md'),
      verifiedCase('items').replace('    verified: true\n  - criterion: Suggests', '  - criterion: Suggests'),
    );
    writeFileSync(join(root, 'cases', 'empty.case.md'), verifiedCase('empty', ''));
    writeFileSync(
      join(root, 'cases', 'norubric.case.md'),
      verifiedCase('norubric').replace(/rubric:[\s\S]*?review:/, 'review:'),
    );
    writeFileSync(join(root, 'cases', 'broken.case.md'), '---\nid: broken\nconversation: [\n---\nanswer\n');
    writeFileSync(join(root, 'cases', 'dup.case.md'), verifiedCase('chest-b'));
    mkdirSync(join(root, '.clinalign', 'history'), { recursive: true });
    const draft = historyEntry('human', 'Maybe rest and see if it passes.');
    const revision = {
      ...historyEntry('model-revision', 'Call 911 now. Chew an aspirin if you are not allergic.', {
        model: 'm1',
        principlesAddressed: ['urgency.escalate-red-flags'],
      }),
    };
    writeFileSync(
      join(root, '.clinalign', 'history', 'chest-a.jsonl'),
      `${JSON.stringify(draft)}\n${JSON.stringify(revision)}\n`,
    );
    return root;
  }

  it('writes the three formats, the skipped report, manifest and card; every skip has its reason', async () => {
    const root = workspace();
    const skipped: string[] = [];
    const { manifest } = await exportDataset(
      { inputs: [join(root, 'cases')], outDir: join(root, 'out'), now, judgeModel: 'judge-1' },
      { onSkip: (s) => skipped.push(`${s.file}:${s.reason}`) },
    );
    assert.deepEqual(readdirSync(join(root, 'out')).sort(), [...DEFAULT_EXPORT_FILES]);
    assert.deepEqual(skipped.sort(), [
      'broken.case.md:parse-error',
      'draft.case.md:not-verified',
      'dup.case.md:duplicate-id',
      'empty.case.md:no-answer',
      'items.case.md:unverified-items',
      'norubric.case.md:no-rubric',
    ]);
    const report = JSON.parse(readFileSync(join(root, 'out', 'skipped.json'), 'utf8'));
    assert.equal(report.length, 6);
    assert.match(
      report.find((r: { reason: string }) => r.reason === 'parse-error').detail,
      /^broken\.case\.md:\d+:\d+: /,
    );

    const hb = readFileSync(join(root, 'out', 'healthbench.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      hb.map((r) => r.prompt_id),
      ['chest-a', 'chest-b'],
      'sorted by file path, stable ids',
    );
    assert.deepEqual(hb[0].rubrics[0], {
      criterion: 'Advises calling emergency services immediately',
      points: 10,
      tags: ['axis:accuracy', 'level:example', 'principle:urgency.escalate-red-flags'],
    });
    assert.equal(
      hb[0].ideal_completions_data.ideal_completion,
      'Call 911 now. Chew an aspirin if you are not allergic.',
    );
    assert.deepEqual(hb[0].example_tags, ['urgency:emergent', 'expertise:layperson']);

    const prefs = readFileSync(join(root, 'out', 'preferences.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(prefs.length, 1, 'only the case whose earliest draft differs');
    assert.deepEqual(prefs[0].rejected, [{ role: 'assistant', content: 'Maybe rest and see if it passes.' }]);
    assert.deepEqual(prefs[0].chosen, [
      { role: 'assistant', content: 'Call 911 now. Chew an aspirin if you are not allergic.' },
    ]);
    assert.deepEqual(prefs[0].principles_addressed, ['urgency.escalate-red-flags']);
    assert.equal(prefs[0].rejected_source, 'human');

    const rl = JSON.parse(readFileSync(join(root, 'out', 'rl.jsonl'), 'utf8').split('\n')[0]!);
    assert.deepEqual(rl.principle_ids, ['urgency.escalate-red-flags']);
    assert.deepEqual(rl.scenario, { expertise: 'layperson', urgency: 'emergent' });

    assert.deepEqual(manifest.counts, {
      cases_read: 8,
      cases_exported: 2,
      cases_skipped: 6,
      records: { healthbench: 2, preferences: 1, rl: 2 },
    });
    assert.equal(manifest.scenario_counts.urgency!.emergent, 2);
    assert.equal(manifest.judge_model, 'judge-1');
    assert.equal(manifest.created_at, '2026-01-02T03:04:05.000Z');
    const card = readFileSync(join(root, 'out', 'README.md'), 'utf8');
    assert.match(card, /^---\nlicense: other/);
    assert.match(card, /\| `healthbench\.jsonl` \| 2 \|/);
  });

  it('is idempotent: the same cases give byte-identical data files; only the manifest time differs', async () => {
    const root = workspace();
    const read = () =>
      Object.fromEntries(
        ['healthbench.jsonl', 'preferences.jsonl', 'rl.jsonl', 'skipped.json', 'README.md'].map((f) => [
          f,
          readFileSync(join(root, 'out', f)),
        ]),
      );
    await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out'), now });
    const first = read();
    await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out'), now: () => new Date() });
    assert.deepEqual(read(), first);
  });

  it('never edits case files and leaves no temporary files', async () => {
    const root = workspace();
    const before = readFileSync(join(root, 'cases', 'a.case.md'), 'utf8');
    await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'cases', 'export') });
    assert.equal(readFileSync(join(root, 'cases', 'a.case.md'), 'utf8'), before);
    assert.ok(readdirSync(join(root, 'cases', 'export')).every((f) => !f.endsWith('.tmp')));
    // The export folder inside the inputs is not read back as cases.
    const again = await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'cases', 'export') });
    assert.equal(again.manifest.counts.cases_read, 8);
  });

  it('a cancelled export leaves the previous one intact', async () => {
    const root = workspace();
    await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out') });
    const previous = readFileSync(join(root, 'out', 'healthbench.jsonl'), 'utf8');
    writeFileSync(join(root, 'cases', 'c.case.md'), verifiedCase('chest-c'));
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await assert.rejects(
      exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out') }, { signal: controller.signal }),
      /stop/,
    );
    assert.equal(readFileSync(join(root, 'out', 'healthbench.jsonl'), 'utf8'), previous);
    assert.ok(readdirSync(join(root, 'out')).every((f) => !f.endsWith('.tmp')));
  });

  it('refuses to write outside the output folder', async () => {
    const root = workspace();
    assert.throws(() => outputPath(root, '../escape.jsonl'), UnsafeOutputError);
    assert.throws(() => outputPath(root, 'a/b.jsonl'), UnsafeOutputError);
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'outside.txt'), 'keep me');
    symlinkSync(join(root, 'outside.txt'), join(root, 'out', 'rl.jsonl'));
    await assert.rejects(
      exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out') }),
      UnsafeOutputError,
    );
    assert.equal(readFileSync(join(root, 'outside.txt'), 'utf8'), 'keep me');
  });

  it('--include-unverified exports drafts, items without verified and empty answers (completion null)', async () => {
    const root = workspace();
    const { manifest } = await exportDataset({
      inputs: [join(root, 'cases')],
      outDir: join(root, 'out'),
      includeUnverified: true,
      formats: ['healthbench'],
    });
    assert.equal(manifest.counts.cases_exported, 5);
    assert.deepEqual(manifest.skipped_by_reason, { 'parse-error': 1, 'no-rubric': 1, 'duplicate-id': 1 });
    const empty = readFileSync(join(root, 'out', 'healthbench.jsonl'), 'utf8')
      .split('\n')
      .map((l) => (l ? JSON.parse(l) : null))
      .find((r) => r?.prompt_id === 'empty');
    assert.equal(empty.ideal_completions_data, null);
    assert.deepEqual(
      readdirSync(join(root, 'out')).filter((f) => f.endsWith('.jsonl')),
      ['healthbench.jsonl'],
    );
  });

  it('the answer drops ClinAlign comments and the final line break, nothing else', () => {
    assert.equal(
      caseAnswer('<!-- Write the answer below. Findings appear as you type. -->\n\nCall 911.\n'),
      'Call 911.',
    );
    assert.equal(caseAnswer('\nLeading blank line kept.  \n'), '\nLeading blank line kept.  ');
    assert.equal(caseAnswer('Text\n<!-- clinalign-disable-next-line x -->\nMore\n'), 'Text\nMore');
  });
});
