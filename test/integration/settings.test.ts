// Real extension host: the clinalign.* settings change what is linted and how it is shown.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { clinalignDiagnostics, openCase, removeTeamFolder, waitFor, writeWorkspaceFile } from './support';

const FREQUENCY = 'universal.no-error-prone-frequency-abbreviations';
const CASE = `---
id: it-settings
audience: clinician
prompt: How should the insulin order be written for the ward?
---
Give insulin glargine 10 units q.d. at night.
`;

async function setting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('clinalign').update(name, value, vscode.ConfigurationTarget.Workspace);
}

describe('settings', () => {
  afterEach(async () => {
    for (const name of ['severity', 'caseFiles', 'run', 'debounceMs', 'focusMode', 'defaultAudience'])
      await setting(name, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('clinalign.severity remaps by principle id over dimension, and "off" hides findings', async () => {
    const editor = await openCase('it-severity.case.md', CASE);
    const uri = editor.document.uri;
    await waitFor('the warning', () => clinalignDiagnostics(uri, FREQUENCY)[0]);
    await setting('severity', { universal: 'hint', [FREQUENCY]: 'error' });
    await waitFor('the finding as an error', () =>
      clinalignDiagnostics(uri, FREQUENCY).find((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );
    await setting('severity', { universal: 'info' });
    await waitFor('the finding as info', () =>
      clinalignDiagnostics(uri, FREQUENCY).find((d) => d.severity === vscode.DiagnosticSeverity.Information),
    );
    await setting('severity', { universal: 'warning', [FREQUENCY]: 'off' });
    await waitFor('the finding to go', () => (clinalignDiagnostics(uri, FREQUENCY).length === 0 ? true : undefined));
  });

  it('the team’s lint: section of .clinalign/config.yaml applies, with the user’s settings on top', async () => {
    try {
      const editor = await openCase('it-team-lint.case.md', CASE);
      const uri = editor.document.uri;
      await waitFor('the warning', () =>
        clinalignDiagnostics(uri, FREQUENCY).find((d) => d.severity === vscode.DiagnosticSeverity.Warning),
      );
      await writeWorkspaceFile('.clinalign/config.yaml', `lint:\n  severity:\n    ${FREQUENCY}: error\n`);
      await waitFor('the team’s severity', () =>
        clinalignDiagnostics(uri, FREQUENCY).find((d) => d.severity === vscode.DiagnosticSeverity.Error),
      );
      await setting('severity', { [FREQUENCY]: 'info' });
      await waitFor('the user’s severity over the team’s', () =>
        clinalignDiagnostics(uri, FREQUENCY).find((d) => d.severity === vscode.DiagnosticSeverity.Information),
      );
      await setting('severity', undefined);
      await writeWorkspaceFile('.clinalign/config.yaml', `lint:\n  disable: [${FREQUENCY}]\n`);
      await waitFor('the finding to go', () => (clinalignDiagnostics(uri, FREQUENCY).length === 0 ? true : undefined));
    } finally {
      await removeTeamFolder();
    }
  });

  it('clinalign.defaultAudience sets the audience of cases that name none', async () => {
    const DOSING = 'expertise.dosing-instructions-in-words';
    const editor = await openCase(
      'it-audience.case.md',
      '---\nprompt: Metformin dosing after the new diagnosis.\n---\nTake metformin 500 mg PO BID with meals.\n',
    );
    const uri = editor.document.uri;
    // Absence can only be observed over time: long after the open-time lint.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(clinalignDiagnostics(uri, DOSING).length, 0, 'the wording alone does not make the reader lay');
    await setting('defaultAudience', 'layperson');
    await waitFor('the lay-reader finding', () => clinalignDiagnostics(uri, DOSING)[0]);
    await setting('defaultAudience', 'clinician');
    await waitFor('the finding to go', () => (clinalignDiagnostics(uri, DOSING).length === 0 ? true : undefined));
  });

  it('clinalign.caseFiles decides which Markdown files are cases', async () => {
    const editor = await openCase('it-plain-notes.md', 'Give insulin 10 IU at night.\n');
    const uri = editor.document.uri;
    assert.equal(clinalignDiagnostics(uri).length, 0);
    await setting('caseFiles', '**/*.md');
    await waitFor(
      'a finding in the plain Markdown file',
      () => clinalignDiagnostics(uri, 'universal.no-error-prone-unit-abbreviations')[0],
    );
    await setting('caseFiles', '**/*.case.md');
    await waitFor('the findings to go', () => (clinalignDiagnostics(uri).length === 0 ? true : undefined));
  });

  it('clinalign.run onSave lints on save, not while typing', async () => {
    await setting('run', 'onSave');
    await setting('debounceMs', 0);
    const editor = await openCase('it-onsave.case.md', CASE);
    const uri = editor.document.uri;
    await waitFor('the finding when opened', () => clinalignDiagnostics(uri, FREQUENCY)[0]);
    await editor.edit((edit) => edit.insert(new vscode.Position(6, 0), 'Then 5 units QD with breakfast.\n'));
    // Absence can only be observed over time: far longer than the 0 ms debounce would take.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(clinalignDiagnostics(uri, FREQUENCY).length, 1, 'typing must not lint in onSave mode');
    await editor.document.save();
    await waitFor('both findings after saving', () =>
      clinalignDiagnostics(uri, FREQUENCY).length === 2 ? true : undefined,
    );
  });

  it('clinalign.focusMode hides findings on the cursor line until the cursor leaves it', async () => {
    const editor = await openCase('it-focus.case.md', CASE);
    const uri = editor.document.uri;
    await waitFor('the finding', () => clinalignDiagnostics(uri, FREQUENCY)[0]);
    editor.selection = new vscode.Selection(5, 3, 5, 3);
    await setting('focusMode', true);
    await waitFor('the finding to hide', () => (clinalignDiagnostics(uri, FREQUENCY).length === 0 ? true : undefined));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await waitFor('the finding to show again', () => clinalignDiagnostics(uri, FREQUENCY)[0]);
  });
});
