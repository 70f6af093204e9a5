// Real extension host: Classify scenario (and the language status it shares), Lint workspace, Show principle,
// New case.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ScenarioReport } from '../../src/core/scenario/scenarioReport';
import { clinalignDiagnostics, openCase, waitFor, writeWorkspaceFile } from './support';

const UNITS = 'universal.no-error-prone-unit-abbreviations';
const CHEST_PAIN = `---
id: it-classify
prompt: I'm 58 and have had crushing chest pain for 20 minutes. What should I do?
scenario:
  uncertainty: none # set by dr-lee
---
Call 911 now.
`;

describe('commands', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Classify scenario reports labels, confidence, source, evidence, the principle count and the model state', async () => {
    await openCase('it-classify.case.md', CHEST_PAIN);
    const report = await vscode.commands.executeCommand<ScenarioReport>('clinalign.classifyScenario');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.match(report.summary, /^urgency: emergent · uncertainty: none · expertise: \S+ · task: \S+$/);
    const urgency = report.rows.find((r) => r.dimension === 'urgency')!;
    assert.match(urgency.confidenceText, /^\d+% · offline rules$/);
    assert.match(urgency.evidence, /chest/i);
    assert.equal(report.rows.find((r) => r.dimension === 'uncertainty')!.confidenceText, '100% · set by a reviewer');
    assert.ok(report.applicablePrinciples > 0);
    assert.equal(report.detail, `${report.applicablePrinciples} principles apply · model: not configured`);
  });

  it('Classify scenario writes a picked label into the front matter, keeping comments', async () => {
    const editor = await openCase('it-classify-write.case.md', CHEST_PAIN);
    const report = await vscode.commands.executeCommand<ScenarioReport>('clinalign.classifyScenario', {
      dimension: 'task',
      label: 'information',
    });
    assert.equal(
      editor.document.getText().split('---\n')[1],
      `id: it-classify\nprompt: I'm 58 and have had crushing chest pain for 20 minutes. What should I do?\nscenario:\n  uncertainty: none # set by dr-lee\n  task: information\n`,
    );
    assert.match(report.summary, /task: information$/);
    assert.equal(report.rows.find((r) => r.dimension === 'task')!.confidenceText, '100% · set by a reviewer');
  });

  it('Lint workspace puts findings of a case file that is not open into the Problems panel', async () => {
    const uri = await writeWorkspaceFile('unopened/it-unopened.case.md', 'Give insulin 10 IU at night.\n');
    assert.equal(clinalignDiagnostics(uri).length, 0);
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number }>(
      'clinalign.lintWorkspace',
    );
    assert.ok(summary.files >= 2, `linted ${summary.files} files`);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file was opened');
    const [diagnostic] = clinalignDiagnostics(uri, UNITS);
    assert.ok(diagnostic, 'no finding for the unopened file');
    assert.deepEqual(
      [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character],
      [0, 16, 18],
    );
  });

  it('Show principle with an id opens its YAML at the id line', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(
      'clinalign.showPrinciple',
      'urgency.emergency-referral-first',
    );
    assert.match(editor.document.uri.path, /\/principles\/urgency\.yaml$/);
    assert.equal(
      editor.document.lineAt(editor.selection.active.line).text.trim(),
      '- id: urgency.emergency-referral-first',
    );
  });

  it('New case writes <slug>.case.md from the template and opens it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('clinalign.newCase', {
      question: 'Can I take ibuprofen with a cold?',
      audience: 'layperson',
    });
    assert.match(uri.path, /\/can-i-take-ibuprofen-with-a-cold\.case\.md$/);
    const editor = await waitFor('the new case to open', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()
        ? vscode.window.activeTextEditor
        : undefined,
    );
    assert.match(editor.document.getText(), /^---\nid: can-i-take-ibuprofen-with-a-cold\naudience: layperson\n/);
    await vscode.workspace.fs.delete(uri);
  });
});
