// "ClinAlign: Export verified examples" in a real editor: verified cases become dataset records, drafts are
// reported as skipped, and no case file changes.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { writeWorkspaceFile } from './support';

const VERIFIED = `---
id: it-export-verified
audience: layperson
prompt: Is it safe to take ibuprofen with a cold?
rubric:
  - criterion: Mentions taking ibuprofen with food.
    points: 5
    tags: [level:example, axis:completeness]
    verified: true
  - criterion: Recommends antibiotics for the cold.
    points: -6
    tags: [level:example, axis:accuracy]
    verified: true
review:
  status: verified
---
For most adults, yes: take it with food and at the lowest dose that helps.
`;

describe('export verified examples (editor command)', () => {
  before(async () => {
    await vscode.extensions.getExtension('clinalign.clinalign')!.activate();
  });

  it('exports the verified case, skips the drafts and leaves every case file as it was', async () => {
    const uri = await writeWorkspaceFile('it-export.case.md', VERIFIED);
    const outDir = mkdtempSync(join(tmpdir(), 'clinalign-export-'));
    const result = await vscode.commands.executeCommand<string | undefined>('clinalign.exportDataset', { outDir });
    assert.equal(result, outDir);
    const records = readFileSync(join(outDir, 'healthbench.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const record = records.find((r: { prompt_id: string }) => r.prompt_id === 'it-export-verified');
    assert.ok(record, `exported ids: ${records.map((r: { prompt_id: string }) => r.prompt_id).join(', ')}`);
    assert.equal(record.ideal_completions_data.ideal_completion, 'For most adults, yes: take it with food and at the lowest dose that helps.');
    assert.deepEqual(record.rubrics.map((r: { points: number }) => r.points), [5, -6]);
    const skipped = JSON.parse(readFileSync(join(outDir, 'skipped.json'), 'utf8')) as { reason: string }[];
    assert.ok(skipped.some((s) => s.reason === 'not-verified'), 'the draft examples are reported as skipped');
    assert.equal(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'), VERIFIED);
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    assert.equal(manifest.counts.cases_exported, records.length);
  });
});
